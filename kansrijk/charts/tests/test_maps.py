"""The choropleth of the wijken: classes, legend, suppressed areas, boundaries, attribution."""

import pytest

from kansrijk.areas.models import Geometry
from kansrijk.charts.maps import (
    DEFAULT_ATTRIBUTION,
    HATCH,
    MISSING_FILL,
    area_geometries,
    area_map,
    class_of,
    d3_winding,
    value_classes,
)
from kansrijk.charts.rendering import render_svg
from kansrijk.insight.tests.test_output_paths import svg_reader_text

from .conftest import SOURCE, square


def _legend(chart):
    scale = chart.spec["layer"][0]["encoding"]["color"]["scale"]
    return dict(zip(scale["domain"], scale["range"], strict=True))


def _hidden_year_page(town):
    """The page as of 2023, the year in which West and Haven are suppressed."""
    page = town.page()
    page.values.periods = page.values.periods[:4]
    for row in page.values.rows:
        row.cells = row.cells[:4]
    return page


@pytest.mark.parametrize(
    ("values", "unit", "labels"),
    [
        (
            [10.56, 14.0, 20.81],
            "percentage",
            ["10,0 tot 12,5", "12,5 tot 15,0", "15,0 tot 17,5", "17,5 tot 20,0", "20,0 tot 22,5"],
        ),
        ([3.2, 4.9], "per_1000", ["3,0 tot 3,5", "3,5 tot 4,0", "4,0 tot 4,5", "4,5 tot 5,0"]),
        ([12, 30, 77], "count", ["0 tot 20", "20 tot 40", "40 tot 60", "60 tot 80"]),
        ([0, 3], "count", ["0 tot 1", "1 tot 2", "2 tot 3", "3 tot 4"]),
        ([7.0, 7.0], "score", ["7,0"]),
        ([0, 1, 1], "yes_no", ["nee", "ja"]),
    ],
)
def test_the_classes_have_round_bounds(values, unit, labels):
    classes = value_classes(values, unit)
    assert [c.label for c in classes] == labels
    assert 1 <= len(classes) <= 5
    assert all(class_of(v, classes) in classes for v in values)


def test_a_value_falls_in_the_class_that_holds_its_lower_bound():
    classes = value_classes([10.0, 22.0], "percentage")
    assert class_of(12.5, classes).label == "12,5 tot 15,0"
    assert class_of(22.0, classes).label == "20,0 tot 22,5"


def test_the_map_colours_every_wijk_with_a_legend_in_dutch(town):
    chart = area_map(town.coalition, town.page())
    features = chart.spec["layer"][0]["data"]["values"]
    assert [f["properties"]["naam"] for f in features] == ["Centrum", "Oost", "West", "Haven"]
    legend = _legend(chart)
    assert list(legend)[-2:] == ["niet getoond (kleine aantallen)", "geen gegevens"]
    assert legend["niet getoond (kleine aantallen)"] == HATCH
    assert legend["geen gegevens"] == MISSING_FILL
    assert 4 <= len(legend) - 2 <= 5
    encoding = chart.spec["layer"][0]["encoding"]["color"]
    assert encoding["legend"]["title"] == "Percentage, 2024"
    assert chart.table.headers == ["Wijk", "Percentage, 2024", "Klasse"]


def test_suppressed_wijken_are_hatched_and_say_why(town):
    chart = area_map(town.coalition, _hidden_year_page(town))
    classes = {
        f["properties"]["naam"]: f["properties"]["klasse"]
        for f in chart.spec["layer"][0]["data"]["values"]
    }
    assert classes["West"] == classes["Haven"] == "niet getoond (kleine aantallen)"
    svg = render_svg(chart.spec)
    assert "<pattern id=" in svg and "-kansrijk-hatch)" in svg
    assert "West: niet getoond (kleine aantallen)" in svg_reader_text(svg)
    assert (
        "Gearceerd, niet getoond om kleine aantallen te beschermen: West en Haven."
        in chart.description
    )
    assert ["West", ".", "niet getoond (kleine aantallen)"] in chart.table.rows


def test_the_map_shows_the_attribution_of_the_boundaries(town):
    chart = area_map(town.coalition, town.page())
    assert chart.source == SOURCE


def test_the_attribution_falls_back_to_cbs_and_kadaster(town):
    Geometry.objects.update(source="")
    assert area_map(town.coalition, town.page()).source == DEFAULT_ATTRIBUTION


def test_a_wijk_without_a_boundary_is_named_in_the_text(town):
    Geometry.objects.filter(area__name="Haven").delete()
    chart = area_map(town.coalition, town.page())
    assert [f["properties"]["naam"] for f in chart.spec["layer"][0]["data"]["values"]] == [
        "Centrum",
        "Oost",
        "West",
    ]
    assert "Zonder gebiedsgrens: Haven." in chart.description


def test_there_is_no_map_without_boundaries(town):
    Geometry.objects.all().delete()
    assert area_map(town.coalition, town.page()) is None


def test_the_boundary_is_the_newest_up_to_the_period_else_the_newest(
    town, django_assert_num_queries
):
    centrum = town.wijken[0]
    Geometry.objects.create(area=centrum, year=2021, geojson=square(1, 1), source="oud")
    Geometry.objects.create(area=centrum, year=2025, geojson=square(2, 2), source="nieuw")
    codes = [w.code for w in town.wijken]
    with django_assert_num_queries(1):
        found = area_geometries(codes, 2022)
    assert found[centrum.code].source == "oud"
    assert area_geometries(codes, 2024)[centrum.code].year == 2023
    assert area_geometries(codes, 2030)[centrum.code].source == "nieuw"
    assert area_geometries(codes, 2000)[town.wijken[1].code].year == 2023  # only one: newest
    assert area_geometries(codes, None)[centrum.code].source == "nieuw"


def test_rings_are_wound_the_way_d3_draws_them():
    outer = square(5, 52)["coordinates"][0]
    hole = [[5.002, 52.002], [5.002, 52.004], [5.004, 52.004], [5.004, 52.002], [5.002, 52.002]]
    wound = d3_winding({"type": "Polygon", "coordinates": [outer, hole]})["coordinates"]
    assert wound[0] == outer[::-1]  # outer ring clockwise
    assert wound[1] == hole[::-1]  # hole the other way
    multi = d3_winding({"type": "MultiPolygon", "coordinates": [[outer]]})
    assert multi["coordinates"][0][0] == outer[::-1]
