"""The manual-entry grid as a domain object: periods, the generated file, problems on cells."""

from datetime import date

from kansrijk.observations.manual import build_grid, cell_name, grid_periods, read_grid

from .conftest import TODAY


def test_the_grid_offers_the_periods_that_have_begun():
    labels = [p.label for p in grid_periods(2024, "month", date(2024, 3, 10))]
    assert labels == ["2024-01", "2024-02", "2024-03"]


def test_a_percentage_indicator_gets_a_numerator_and_a_denominator(coalition, wijken, centering):
    grid = build_grid(coalition, centering, 2023, "year", TODAY)
    assert grid.measures == ["numerator", "denominator"]
    assert [area.name for area in grid.areas] == [
        "'t Hoogeland", "Noord", "Oost", "Súdwest", "Wijk 01 Centrum"
    ]  # fmt: skip


def test_typed_values_go_through_the_file_validation_and_land_on_their_cells(
    coalition, setting_up, wijken, centering
):
    grid = build_grid(coalition, centering, 2023, "year", TODAY)
    grid.fill(
        {
            cell_name(wijken[1].pk, grid.periods[0], "numerator"): "30",
            cell_name(wijken[1].pk, grid.periods[0], "denominator"): "20",
            cell_name(wijken[2].pk, grid.periods[0], "numerator"): "3",
            cell_name(wijken[2].pk, grid.periods[0], "denominator"): "10",
        }
    )
    preview = read_grid(grid, partner=setting_up["partner"], today=TODAY)
    assert [p.code for p in preview.errors] == ["numerator-above-denominator"]
    assert grid.errors == {
        cell_name(wijken[1].pk, grid.periods[0], "numerator"): [
            "het aantal (30) is groter dan de noemer (20)."
        ]
    }
    assert [row.area_id for row in preview.rows] == [wijken[2].pk]
