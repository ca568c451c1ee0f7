"""SVG and PNG from Vega-Lite specs: cached, with unique ids, and ready to download."""

import re

import pytest
from django.core.cache import cache
from django.http import Http404

from kansrijk.charts import rendering
from kansrijk.charts.figures import Chart, ChartTable
from kansrijk.charts.rendering import (
    chart_response,
    finish_svg,
    standalone_svg,
    to_png,
    to_svg,
    to_svgs,
)
from kansrijk.insight.tests.test_output_paths import leaks


def make_chart(values=(1.5, 2.5), slug="trend", source=""):
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": 200,
        "height": 80,
        "data": {
            "values": [
                {"jaar": str(2020 + i), "waarde": v, "tekst": f"{2020 + i}: {v}"}
                for i, v in enumerate(values)
            ]
        },
        "mark": {"type": "point", "ariaRoleDescription": "punt"},
        "encoding": {
            "x": {"field": "jaar", "type": "ordinal"},
            "y": {"field": "waarde", "type": "quantitative"},
            "description": {"field": "tekst"},
        },
    }
    table = ChartTable("Waarden", ["Jaar", "Waarde"], [["2020", "1,5"]])
    return Chart(slug, "Een grafiek & meer", spec, "Twee punten <b>.", table, source)


@pytest.fixture
def renders(monkeypatch):
    """Counts vl-convert's renders (the real function still does the work)."""
    calls = []
    real = rendering.vl_convert.vegalite_to_svg

    def counting(spec, **kwargs):
        calls.append(spec)
        return real(spec, **kwargs)

    monkeypatch.setattr(rendering.vl_convert, "vegalite_to_svg", counting)
    return calls


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_second_render_comes_from_the_cache(renders):
    first = to_svg(make_chart())
    second = to_svg(make_chart())
    assert first == second
    assert len(renders) == 1


def test_another_spec_is_rendered_anew(renders):
    to_svg(make_chart())
    to_svg(make_chart(values=(3.0, 4.0)))
    assert len(renders) == 2


def test_many_charts_take_one_cache_lookup(renders, monkeypatch):
    charts = [make_chart(values=(i, i + 1)) for i in range(4)]
    to_svgs(charts)
    lookups = []
    real = rendering.cache.get_many
    monkeypatch.setattr(
        rendering.cache, "get_many", lambda keys: lookups.append(keys) or real(keys)
    )
    again = [make_chart(values=(i, i + 1)) for i in range(4)]
    svgs = to_svgs(again)
    assert len(lookups) == 1 and len(renders) == 4
    assert [chart.svg for chart in again] == svgs  # the template tag reuses them


def test_the_svg_has_dutch_numbers_and_the_marks_texts():
    svg = to_svg(make_chart(values=(0.15, 0.25)))
    assert 'aria-label="2020: 0.15"' in svg  # the text from the data, as given
    assert re.search(r">\d,\d<", svg) and not re.search(r">\d\.\d<", svg)  # Dutch axis labels
    assert 'class="marks chart-svg"' in svg


def test_ids_are_unique_per_chart():
    svg = '<svg class="marks"><defs><clipPath id="clip1"/></defs><g clip-path="url(#clip1)"/></svg>'
    finished = finish_svg(svg, "cabc")
    assert 'id="cabc-clip1"' in finished and "url(#cabc-clip1)" in finished
    assert 'id="clip1"' not in finished


def test_a_symbol_without_text_is_hidden_from_screen_readers():
    svg = (
        '<svg class="marks"><g role="graphics-symbol"/>'
        '<path role="graphics-symbol" aria-label="a"/></svg>'
    )
    finished = finish_svg(svg, "c1")
    assert '<g aria-hidden="true"/>' in finished
    assert '<path role="graphics-symbol" aria-label="a"/>' in finished


def test_the_hatch_pattern_is_defined_where_it_is_used():
    svg = '<svg class="marks"><path fill="url(#kansrijk-hatch) #9a9a9a"/></svg>'
    finished = finish_svg(svg, "c1")
    assert '<pattern id="c1-kansrijk-hatch"' in finished
    assert 'fill="url(#c1-kansrijk-hatch) #9a9a9a"' in finished
    assert "<pattern" not in finish_svg('<svg class="marks"></svg>', "c1")


def test_a_download_has_title_source_and_text_alternative():
    svg = standalone_svg(make_chart(source="Bron: CBS"))
    assert svg.startswith('<svg role="img"')
    assert "<title>Een grafiek &amp; meer</title>" in svg
    assert "<desc>Twee punten &lt;b&gt;.</desc>" in svg
    assert ">Bron: CBS<" in svg and ">Een grafiek &amp; meer<" in svg


def test_the_png_is_a_png_at_twice_the_size():
    chart = make_chart()
    png = to_png(chart)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(png[16:20], "big")
    svg_width = int(re.search(r'width="(\d+)"', to_svg(chart, titled=True))[1])
    assert width == 2 * svg_width


def test_the_response_is_a_download_with_its_content_type():
    chart = make_chart()
    svg = chart_response(chart, "svg", "stad-big2-trend.svg")
    assert svg["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert svg["Content-Disposition"] == 'attachment; filename="stad-big2-trend.svg"'
    png = chart_response(chart, "png", "stad-big2-trend.png")
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    with pytest.raises(Http404):
        chart_response(chart, "gif", "x.gif")


def test_the_leak_check_reads_the_text_of_an_svg_not_its_geometry():
    """Coordinates are not figures; a hidden number in a mark's text is still caught."""
    patterns = {"text": [r"(?<![\d.,])99,9(?![\d])"], "data": []}
    geometry = '<svg version="1.1"><path d="M99,9L3,4" aria-label="West: 12,0%"/></svg>'
    assert leaks(geometry, "svg", patterns) == []
    leaked = '<svg><path d="M1,2" aria-label="West: 99,9%"/></svg>'
    assert leaks(leaked, "svg", patterns) != []
    text = "<main><figure><svg><text>99,9%</text></svg></figure></main>"
    assert leaks(text, "html", patterns) != []
