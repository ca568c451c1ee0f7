def test_a_bulk_load_of_areas_makes_cached_figures_stale(db, tmp_path):
    from kansrijk.areas.loading import load_areas
    from kansrijk.insight.versioning import current_data_version

    before = current_data_version()
    path = tmp_path / "gemeenten.csv"
    path.write_text("gemeentecode,gemeentenaam\nGM0355,Zeist\n", encoding="utf-8")
    load_areas(path, year=2024)
    assert current_data_version() != before
