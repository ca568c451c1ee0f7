"""The charts of an indicator: what they draw, and that they draw published numbers only."""

import math
import re

import altair as alt
import pytest

from kansrijk.charts.figures import (
    Chart,
    funnel_chart,
    indicator_charts,
    sparkline,
    trend_chart,
    wijk_bars,
    wijk_multiples,
)
from kansrijk.charts.maps import area_map
from kansrijk.charts.rendering import render_svg
from kansrijk.insight.tests.test_output_paths import svg_reader_text
from kansrijk.testing.factories import AreaFactory, IndicatorFactory

from .conftest import HIDDEN_TEXTS, HIDDEN_YEAR, YEARS


def _layers(spec):
    """Every single (non-layered) view of a spec, with its data if it has its own."""
    inner = spec.get("spec", spec)
    for layer in inner.get("layer", [inner]):
        if "layer" in layer:
            yield from _layers(layer)
        else:
            yield layer


def _marks(spec) -> list[str]:
    return [
        layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        for layer in _layers(spec)
    ]


def _numbers(data) -> list[float]:
    """Every number in the data (``values``) of a spec."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "values":
                found += _all_numbers(value)
            else:
                found += _numbers(value)
    elif isinstance(data, list):
        for value in data:
            found += _numbers(value)
    return found


def _all_numbers(data) -> list[float]:
    if isinstance(data, bool):
        return []
    if isinstance(data, int | float):
        return [float(data)]
    if isinstance(data, dict):
        return [n for value in data.values() for n in _all_numbers(value)]
    if isinstance(data, list):
        return [n for value in data for n in _all_numbers(value)]
    return []


def _all_charts(town) -> list[Chart]:
    page = town.page()
    charts = indicator_charts(page) + [area_map(town.coalition, page), sparkline(page.summary)]
    return [chart for chart in charts if chart is not None]


def test_the_page_has_a_trend_funnel_bars_multiples_map_and_sparkline(town):
    slugs = [chart.slug for chart in _all_charts(town)]
    assert slugs == ["trend", "funnel", "wijken", "wijk-multiples", "map", "sparkline"]


def test_every_spec_is_valid_vega_lite_and_renders_to_svg(town):
    for chart in _all_charts(town):
        alt.Chart.from_dict(chart.spec)  # validates against the Vega-Lite schema
        svg = render_svg(chart.spec)
        assert svg.startswith("<svg") and 'role="graphics-symbol"' in svg, chart.slug


def test_the_trend_has_an_interval_band_a_target_line_and_the_country(town):
    chart = trend_chart(town.page())
    assert {"area", "line", "point", "rule"} <= set(_marks(chart.spec))
    values = chart.spec["data"]["values"]
    main = [v for v in values if v["soort"] == "main"]  # 2024: nothing hidden
    assert [v["periode"] for v in main] == YEARS
    assert all(v["onder"] < v["waarde"] < v["boven"] for v in main)
    assert {v["reeks"] for v in values if v["soort"] == "country"} == {"Nederland"}
    target = next(layer for layer in chart.spec["layer"] if "data" in layer)
    assert target["data"]["values"][0]["doel"] == 11.5
    assert "doel 2027: 11,5%" in svg_reader_text(render_svg(chart.spec))
    assert "11,5% in 2027" in chart.description
    assert chart.table.headers == ["Jaar", "Voorbeeldstad", "95%-interval", "Nederland"]
    assert chart.table.rows[0][0] == "2020"


def test_the_trend_marks_carry_dutch_tooltips(town):
    svg = render_svg(trend_chart(town.page()).spec)
    labels = re.findall(r'aria-label="([^"]*)"', svg)
    assert any(
        re.fullmatch(r"Voorbeeldstad, 2024: \d+,\d% \(95%-interval \d+,\d–\d+,\d\)", label)
        for label in labels
    )
    assert any(label.startswith("Nederland, 2020: ") for label in labels)
    assert "X-axis" not in svg and "mark container" not in svg


def test_a_trend_without_published_figures_is_not_drawn(town, figures):
    indicator = IndicatorFactory(code="leeg", unit="percentage")
    town.indicator = indicator
    assert trend_chart(town.page()) is None


def test_the_bars_show_the_latest_wijken_with_reference_lines(town):
    chart = wijk_bars(town.page())
    values = chart.spec["data"]["values"]
    assert [v["gebied"] for v in values] == ["West", "Centrum", "Oost", "Haven"]
    assert all("waarde" in v for v in values)  # 2024: every wijk published
    references = chart.spec["layer"][-1]["data"]["values"]
    assert [r["naam"] for r in references] == ["Voorbeeldstad", "Nederland"]
    assert chart.table.rows[-1][0] == "Nederland"
    assert "2024" in chart.title


def test_the_bars_name_suppressed_wijken_without_a_number(town, figures):
    page = town.page()
    page.values.periods = page.values.periods[:4]  # up to 2023, the year with hidden wijken
    for row in page.values.rows:
        row.cells = row.cells[:4]
    chart = wijk_bars(page)
    hidden = [v for v in chart.spec["data"]["values"] if "waarde" not in v]
    assert {v["gebied"] for v in hidden} == {"West", "Haven"}
    assert {v["label"] for v in hidden} == {"niet getoond (kleine aantallen)"}
    assert "Voor West en Haven is het cijfer niet getoond" in chart.description
    assert ["West", "."] in chart.table.rows


def test_the_small_multiples_have_a_panel_per_wijk_on_one_scale(town):
    chart = wijk_multiples(town.page())
    assert chart.spec["facet"]["sort"] == ["Centrum", "Oost", "West", "Haven"]
    values = chart.spec["data"]["values"]
    hidden = [v for v in values if "status" in v]
    assert not [v for v in hidden if "waarde" in v]
    assert {(v["gebied"], v["periode"]) for v in hidden} == {
        ("West", HIDDEN_YEAR),
        ("Haven", HIDDEN_YEAR),
    }
    assert "rule" in _marks(chart.spec)  # the grey columns over hidden periods
    assert chart.table.headers == ["Wijk", *YEARS]


def test_the_funnel_highlights_the_own_municipality_between_its_limits(town):
    chart = funnel_chart(town.page())
    values = chart.spec["data"]["values"]
    assert [v["naam"] for v in values if v["eigen"]] == ["Voorbeeldstad"]
    assert len(values) == 9
    limits = chart.spec["layer"][0]["data"]["values"]
    assert {v["grens"] for v in limits} == {"95%-grenzen", "99,8%-grenzen"}
    assert {v["kant"] for v in limits} == {"onder", "boven"}
    assert "Voorbeeldstad" in chart.description and "Nederland" in chart.description
    assert chart.table.rows[0][0] == "Voorbeeldstad"


def test_a_funnel_with_too_few_municipalities_is_not_drawn(town):
    page = town.page()
    page.funnel["points"] = page.funnel["points"][:2]
    assert funnel_chart(page) is None


def test_the_sparkline_draws_the_recent_periods(town):
    chart = sparkline(town.page().summary)
    assert [v["periode"] for v in chart.spec["data"]["values"]] == YEARS
    assert "van 2020 tot en met 2024" in chart.description


def test_no_chart_shows_a_suppressed_number(town):
    """Not in the spec's data, not in the SVG's text, the table or the text alternative."""
    hidden = town.hidden_observations()
    assert {(o.area.name, o.period) for o in hidden} == {("West", "2023"), ("Haven", "2023")}
    secret = set()
    for observation in hidden:
        secret |= {observation.numerator, observation.denominator, observation.value}
        secret.add(observation.numerator / observation.denominator * 100)
    for chart in _all_charts(town):
        numbers = _numbers(chart.spec)
        assert numbers, chart.slug
        assert not [n for n in numbers for s in secret if math.isclose(n, s, rel_tol=1e-9)], (
            chart.slug
        )
        text = "\n".join(
            [svg_reader_text(render_svg(chart.spec)), chart.description, chart.title]
            + [chart.table.caption, *chart.table.headers]
            + [cell for row in chart.table.rows for cell in row]
        )
        assert [t for t in HIDDEN_TEXTS if t in text] == [], chart.slug


@pytest.mark.parametrize("unit", ["percentage", "per_1000", "count", "score", "yes_no"])
def test_every_unit_gets_charts_that_render(
    unit, figures, coalition, municipality, country, wijken
):
    from kansrijk.charts.pages import page_charts
    from kansrijk.insight.tables import indicator_data

    indicator = IndicatorFactory(
        code=f"eenheid_{unit}", unit=unit, lowest_level="wijk", min_count=0
    )
    rows = []
    for index, year in enumerate(YEARS):
        for n, area in enumerate([municipality, *wijken, country]):
            if unit in ("score", "yes_no"):
                value = float((index + n) % 2) if unit == "yes_no" else 6.5 + 0.1 * index + n
                rows.append((area, year, None, 40 + n, value))
            elif unit == "count":
                rows.append((area, year, 30 + index + n))
            else:
                rows.append((area, year, 30 + index + n, 900 + 10 * n))
    figures.write(indicator, rows)
    charts = page_charts(coalition, indicator_data(coalition, indicator))
    assert {"trend", "wijken", "wijk-multiples"} <= {chart.slug for chart in charts}
    for chart in charts:
        assert 'role="graphics-symbol"' in render_svg(chart.spec), (unit, chart.slug)
        assert chart.description and chart.table.rows


def test_a_region_compares_its_municipalities(figures, coalition, country):
    region = AreaFactory(code="RG0001", name="Regio Voorbeeld", level="region")
    members = [AreaFactory(code=f"GM{300 + n:04d}", name=f"Lid {n}") for n in range(3)]
    from kansrijk.areas.models import RegionMember

    for member in members:
        RegionMember.objects.create(region=region, member=member)
    coalition.areas.set([region])
    indicator = IndicatorFactory(code="regio", unit="percentage", lowest_level="gemeente")
    figures.write(
        indicator,
        [(m, year, 100 + n, 1000) for n, m in enumerate(members) for year in YEARS]
        + [(country, year, 90_000, 1_000_000) for year in YEARS],
    )
    from kansrijk.insight.tables import indicator_data

    page = indicator_data(coalition, indicator)
    bars = wijk_bars(page)
    assert {v["gebied"] for v in bars.spec["data"]["values"]} == {"Lid 0", "Lid 1", "Lid 2"}
    assert bars.table.headers[0] == "Gemeente"
    assert "per gemeente" in bars.title
    assert trend_chart(page).spec["data"]["values"][0]["reeks"] == coalition.name
