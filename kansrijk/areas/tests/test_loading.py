import json
import time
from pathlib import Path

import pytest

from kansrijk.areas.geometry import count_positions, is_valid_ring
from kansrijk.areas.loading import AreaLoadError, load_areas
from kansrijk.areas.models import Area, Geometry, Level
from kansrijk.testing.factories import AreaFactory

DATA = Path(__file__).parent / "data"
pytestmark = pytest.mark.django_db


def _write(tmp_path, text, name="gebieden.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _rings(geojson):
    polygons = [geojson["coordinates"]] if geojson["type"] == "Polygon" else geojson["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


def test_it_loads_the_342_municipalities_of_the_csv(shared_data_dir):
    result = load_areas(Path(shared_data_dir) / "gemeenten_2023.csv")
    assert result.created == 342
    assert Area.objects.municipalities().count() == 342
    assert Area.objects.get(code="GM0518").name == "'s-Gravenhage"
    assert Area.objects.get(code="GM0820").name == "Nuenen, Gerwen en Nederwetten"
    assert not Geometry.objects.exists()


def test_it_stores_simplified_valid_boundaries_and_skips_buitenland(shared_data_dir):
    path = Path(shared_data_dir) / "gemeenten_2023_pdok_simplified.geojson"
    result = load_areas(path)
    assert Area.objects.count() == 342
    assert not Area.objects.filter(code="GM0998").exists()
    assert result.skipped == ["GM0998 Buitenland"]
    assert Geometry.objects.filter(year=2023).count() == 342
    source = json.loads(path.read_text())["features"]
    original = next(f["geometry"] for f in source if f["properties"]["gemeentecode"] == "GM0363")
    stored = Geometry.objects.get(area__code="GM0363", year=2023).geojson
    assert count_positions(stored) <= count_positions(original)
    for geometry in Geometry.objects.all():
        for ring in _rings(geometry.geojson):
            assert is_valid_ring([tuple(p) for p in ring])
            assert all(round(x, 5) == x and round(y, 5) == y for x, y in ring)


def test_the_national_boundaries_load_in_a_few_seconds(shared_data_dir):
    started = time.perf_counter()
    load_areas(Path(shared_data_dir) / "gemeenten_2023_pdok_simplified.geojson")
    assert time.perf_counter() - started < 5


def test_it_takes_inhabitants_from_the_pdok_properties(shared_data_dir):
    load_areas(Path(shared_data_dir) / "gemeenten_2023_pdok_simplified.geojson")
    assert Area.objects.get(code="GM0014").inhabitants == 238147


def test_loading_the_same_file_again_creates_no_duplicates(shared_data_dir):
    path = Path(shared_data_dir) / "gemeenten_2023_pdok_simplified.geojson"
    load_areas(path)
    result = load_areas(path)
    assert (result.created, result.updated) == (0, 342)
    assert Area.objects.count() == 342
    assert Geometry.objects.count() == 342


def test_loading_again_updates_names_and_inhabitants(tmp_path):
    load_areas(_write(tmp_path, "gemeentecode,gemeentenaam,aantalInwoners\nGM0355,Zijst,1\n"))
    load_areas(_write(tmp_path, "gemeentecode,gemeentenaam,aantalInwoners\nGM0355,Zeist,66641\n"))
    zeist = Area.objects.get(code="GM0355")
    assert (zeist.name, zeist.inhabitants) == ("Zeist", 66641)


def test_alkmaar_wijken_get_their_municipality_as_parent(shared_data_dir):
    load_areas(Path(shared_data_dir) / "gemeenten_2023.csv")
    result = load_areas(Path(shared_data_dir) / "wijken_alkmaar_2024_pdok.geojson", year=2024)
    wijken = Area.objects.districts()
    assert result.created == 8
    assert wijken.count() == 8
    assert set(wijken.values_list("parent__code", flat=True)) == {"GM0361"}
    zuid = Area.objects.get(code="WK036101")
    assert (zuid.name, zuid.inhabitants) == ("Zuid", 14510)


def test_alkmaar_wijk_boundaries_are_simplified(shared_data_dir):
    path = Path(shared_data_dir) / "wijken_alkmaar_2024_pdok.geojson"
    load_areas(path, year=2024)
    original = sum(count_positions(f["geometry"]) for f in json.loads(path.read_text())["features"])
    stored = sum(count_positions(g.geojson) for g in Geometry.objects.filter(year=2024))
    assert Geometry.objects.filter(year=2024).count() == 8
    assert stored < original / 2


def test_wijken_without_their_municipality_are_reported_and_linked_later(shared_data_dir):
    result = load_areas(Path(shared_data_dir) / "wijken_alkmaar_2024_pdok.geojson", year=2024)
    assert result.orphans == 8
    assert result.missing_parents == {"GM0361"}
    assert "ontbreekt: GM0361" in result.summary
    assert not Area.objects.filter(code="GM0361").exists()

    later = load_areas(Path(shared_data_dir) / "gemeenten_2023.csv")
    assert later.linked_children == 8
    assert Area.objects.get(code="WK036108").parent.code == "GM0361"


def test_it_reads_the_cbs_kerncijfers_csv(shared_data_dir):
    load_areas(Path(shared_data_dir) / "gemeenten_2023.csv")
    result = load_areas(Path(shared_data_dir) / "kwb_2024_zeist_utrecht_alkmaar.csv")
    assert (result.created, result.updated) == (26, 3)
    assert Area.objects.get(code="GM0355").inhabitants == 66641
    assert Area.objects.get(code="GM0355").name == "Zeist"  # the file has no names: kept
    assert Area.objects.get(code="WK034401").parent.code == "GM0344"
    assert Area.objects.get(code="WK034401").name == "WK034401"
    assert result.unnamed == 26


def test_it_loads_only_the_level_asked_for(shared_data_dir):
    path = Path(shared_data_dir) / "kwb_2024_zeist_utrecht_alkmaar.csv"
    result = load_areas(path, level="gemeente")
    assert result.created == 3
    assert result.other_level == 26
    assert set(Area.objects.values_list("level", flat=True)) == {Level.MUNICIPALITY}


def test_the_year_option_sets_valid_from_of_new_areas_only(tmp_path):
    AreaFactory(code="GM0344", name="Utrecht", valid_from=2001)
    load_areas(_write(tmp_path, "code,naam\nGM0344,Utrecht\nGM0355,Zeist\n"), year=2024)
    assert Area.objects.get(code="GM0344").valid_from == 2001
    assert Area.objects.get(code="GM0355").valid_from == 2024


def test_a_year_column_alone_does_not_limit_validity(shared_data_dir):
    load_areas(Path(shared_data_dir) / "gemeenten_2023.csv")
    assert Area.objects.get(code="GM0361").valid_from is None


def test_amsterdam_wijk_codes_with_letters_find_their_municipality():
    AreaFactory(code="GM0363", name="Amsterdam")
    load_areas(DATA / "amsterdam_wijken.geojson")
    wijk = Area.objects.get(code="WK0363AA")
    assert wijk.parent.code == "GM0363"
    assert wijk.name == "Burgwallen-Oude Zijde"
    assert Geometry.objects.get(area=wijk).year == 2024


def test_negative_cbs_secrecy_codes_mean_unknown_inhabitants():
    load_areas(DATA / "amsterdam_wijken.geojson")
    assert Area.objects.get(code="WK0363AB").inhabitants is None


def test_it_reads_semicolon_separated_csv():
    load_areas(DATA / "gemeenten_puntkomma.csv")
    assert Area.objects.get(code="GM0344").inhabitants == 374238


def test_it_reads_generic_code_and_name_columns_in_any_case(tmp_path):
    load_areas(_write(tmp_path, "\ufeffCODE,Name\n  gm0355  ,Zeist\n\n"))
    assert Area.objects.get(code="GM0355").name == "Zeist"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code,naam\nGM0355,Zeist\nGM0344,Utrecht\nGMX,F\n", "rij 4: Onbekende gebiedscode 'GMX'"),
        ("gemeentecode,gemeentenaam\nGM0355,\n", "rij 2: de naam van GM0355 ontbreekt"),
        ("code,naam\n,Zeist\n", "rij 2: de gebiedscode ontbreekt"),
        ("gemeente,naam\nGM0355,Zeist\n", "rij 2: geen gebiedscode gevonden"),
        ("code,naam\nGM0355,Zeist\nGM0355,Zeist\n", "rij 3: code GM0355 komt al voor in rij 2"),
        ("code,naam,aantalInwoners\nGM0355,Zeist,veel\n", "rij 2: aantal inwoners 'veel'"),
        ("code,naam,jaar\nGM0355,Zeist,23\n", "rij 2: jaar 23 ligt buiten"),
    ],
)
def test_a_bad_csv_row_is_named_in_the_error(tmp_path, text, message):
    with pytest.raises(AreaLoadError, match=message):
        load_areas(_write(tmp_path, text))


def test_a_file_with_an_error_writes_nothing_and_keeps_earlier_data(tmp_path):
    AreaFactory(code="GM0355", name="Zeist")
    with pytest.raises(AreaLoadError, match="er is niets opgeslagen"):
        load_areas(_write(tmp_path, "code,naam\nGM0355,Nieuwe naam\nGM0344,Utrecht\nXX01,?\n"))
    assert list(Area.objects.values_list("code", "name")) == [("GM0355", "Zeist")]


def test_it_reports_every_bad_row_at_once_with_spreadsheet_row_numbers(tmp_path):
    with pytest.raises(AreaLoadError) as error:
        load_areas(_write(tmp_path, "code,naam\nX1,a\nGM0355,b\n\nX2,c\n"))
    assert [e.split(":")[0] for e in error.value.errors] == ["rij 2", "rij 5"]


def test_it_shows_the_first_twenty_errors_and_counts_the_rest(tmp_path):
    rows = "".join(f"XX{n},fout\n" for n in range(25))
    with pytest.raises(AreaLoadError) as error:
        load_areas(_write(tmp_path, "code,naam\n" + rows))
    message = str(error.value)
    assert "rij 21: " in message
    assert "rij 22: " not in message
    assert message.endswith("… en nog 5 fouten.")


def test_it_reads_a_csv_saved_by_excel_in_windows_encoding(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("gemeentecode;gemeentenaam\r\nGM1900;Súdwest-Fryslân\r\n".encode("cp1252"))
    load_areas(path)
    assert Area.objects.get(code="GM1900").name == "Súdwest-Fryslân"


def test_a_geometry_that_is_not_a_polygon_is_named_with_its_feature():
    with pytest.raises(AreaLoadError, match=r"feature 2 \(GM0344\): .*maar LineString"):
        load_areas(DATA / "line_geometry.geojson")
    assert not Area.objects.exists()


def test_invalid_json_gives_line_and_column(tmp_path):
    path = _write(tmp_path, '{"type": "FeatureCollection",\n "features": [}', "kapot.geojson")
    with pytest.raises(AreaLoadError, match="Ongeldige JSON op regel 2"):
        load_areas(path)


def test_json_without_features_is_refused(tmp_path):
    with pytest.raises(AreaLoadError, match="geen GeoJSON FeatureCollection"):
        load_areas(_write(tmp_path, '{"gemeenten": []}', "lijst.json"))


def test_boundaries_without_a_year_ask_for_the_year_option(shared_data_dir):
    with pytest.raises(AreaLoadError, match=r"jaar van de grenzen ontbreekt \(8×.*--year"):
        load_areas(Path(shared_data_dir) / "wijken_alkmaar_2024_pdok.geojson")


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(AreaLoadError, match="Bestand niet gevonden"):
        load_areas(tmp_path / "bestaat-niet.csv")


def test_an_empty_file_is_reported(tmp_path):
    with pytest.raises(AreaLoadError, match="is leeg"):
        load_areas(_write(tmp_path, "\n"))
