"""Every output path goes through ``disclose``: no hidden number leaves the platform.

The outputs are not listed here: they come from the registry (``kansrijk.insight.outputs``),
where every page, chart data function, export and API registers itself. For a coalition whose
wijken (and some other municipalities) are full of counts below the threshold, each
registered output is rendered for each indicator, and the test fails when any number that
``disclose`` hid shows up in it: a hidden cell's value, numerator or denominator in the page
text, a small count in a table cell, or a small numerator, denominator or complement
anywhere in JSON.
"""

import html
import json
import re

import pytest
from django.urls import get_resolver

from kansrijk.insight import outputs
from kansrijk.insight.outputs import Output, registered_outputs
from kansrijk.insight.results import coalition_insights, national_tables
from kansrijk.observations.models import Observation
from kansrijk.testing.factories import AreaFactory, IndicatorFactory

YEARS = ["2020", "2021", "2022", "2023", "2024"]
K = 10

# Wijk figures per indicator: (numerator, denominator) per wijk, shifted by the year index.
# Denominators and values are chosen to be distinctive, so they are easy to spot in a page.
WIJK_FIGURES = {
    "percentage": [(3, 467), (0, 9), (251, 257), (120, 1000), (200, 1250)],
    "per_1000": [(2, 2613), (7, 3977), (20, 5290), (55, 6120), (61, 7380)],
    "count": [(4, None), (7, None), (0, None), (35, None), (52, None)],
    "single": [(4, 611), (31, 293), (45, 517), (60, 701), (75, 833)],
}
UNITS = {
    "percentage": "percentage",
    "per_1000": "per_1000",
    "count": "count",
    "single": "percentage",
}


@pytest.fixture
def small_numbers(figures, coalition, municipality, country, in_plan):
    """The coalition's municipality with five wijken, three other municipalities (one small)
    and the country, for one indicator per unit; every wijk table holds small counts."""
    wijken = [
        AreaFactory(code=f"WK9999{i:02d}", name=f"Wijk {i}", level="district", parent=municipality)
        for i in range(1, 6)
    ]
    others = [
        AreaFactory(code=f"GM{100 + i:04d}", name=f"Elders {i}", inhabitants=60_000)
        for i in range(3)
    ]
    municipality.inhabitants = 61_000
    municipality.save()
    indicators = []
    for name, rows in WIJK_FIGURES.items():
        indicator = IndicatorFactory(
            code=f"klein_{name}",
            name_nl=f"Kleine aantallen ({name})",
            unit=UNITS[name],
            lowest_level="wijk",
            min_count=K,
        )
        in_plan(indicator)
        data = []
        for shift, year in enumerate(YEARS):
            total_num = total_den = 0
            for wijk, (num, den) in zip(wijken, rows, strict=True):
                num = num + shift if num else 0
                den = den + shift if den else None
                total_num += num
                total_den += den or 0
                data.append((wijk, year, num, den))
            data.append((municipality, year, total_num, total_den or None))
            data.append((others[0], year, 6 + shift % 2, 2043 if den else None))
            data.append((others[1], year, 40 + shift, 1700 if den else None))
            data.append((others[2], year, 150, 1900 if den else None))
            data.append((country, year, 9000 + shift, 120_000 if den else None))
        figures.write(indicator, data)
        indicators.append(indicator)
    return indicators


def _hidden_cells(coalition, indicators):
    """(indicator, numerator, denominator) of every cell ``disclose`` hid for this coalition."""
    keys = []
    insights = coalition_insights(coalition, indicators)
    for indicator in indicators:
        for row in insights[indicator.id].rows:
            for cell in row.cells:
                if cell.suppressed:
                    keys.append((indicator, row.place.id, cell.key[1]))
    for indicator in indicators:
        table = national_tables([indicator])[indicator.id]
        for i, area_id in enumerate(table.grid.area_ids):
            for j, period in enumerate(table.grid.periods):
                if table.hidden[i, j]:
                    keys.append((indicator, area_id, period))
    found = []
    for indicator, area_id, period in keys:
        obs = Observation.objects.get(indicator=indicator, area_id=area_id, period=period)
        found.append((indicator, obs.numerator, obs.denominator, obs.value))
    return found


def _number_patterns(number: float, decimals: int) -> list[str]:
    text = f"{number:.{decimals}f}"
    forms = {text, text.replace(".", ",")}
    if decimals == 0 and number >= 1000:
        forms.add(f"{number:,.0f}".replace(",", "."))
    return [rf"(?<![\d.,]){re.escape(form)}(?![\d])" for form in forms]


def forbidden_patterns(hidden) -> dict[str, list[str]]:
    """Patterns of hidden numbers: "text" for what a reader sees, "data" for JSON.

    Only distinctive numbers: counts of 100 or more and values with their decimals (small
    counts such as 9 or 40 occur everywhere, and are checked as table cells and JSON counts).
    """
    text, data = set(), set()
    for indicator, num, den, value in hidden:
        for count in (num, den):
            if count is not None and count >= 100:
                text.update(_number_patterns(count, 0))
        if indicator.unit in ("percentage", "per_1000") and num and den and num < den:
            text.update(_number_patterns(value, 1))
            exact = _number_patterns(value, 2) + [rf"(?<![\d.]){re.escape(repr(float(value))[:7])}"]
            text.update(exact)
            data.update(exact)
    return {"text": sorted(text), "data": sorted(data)}


SMALL_CELL = re.compile(r"<td[^>]*>\s*[1-9]\*?\s*</td>")


def _json_leaks(data) -> list[str]:
    """Small numerators, denominators or complements anywhere in JSON data."""
    found = []
    if isinstance(data, dict):
        num, den = data.get("numerator"), data.get("denominator")
        for name, count in (("numerator", num), ("denominator", den)):
            if isinstance(count, int | float) and 1 <= count < K:
                found.append(f"{name} {count}")
        if isinstance(num, int | float) and isinstance(den, int | float) and 1 <= den - num < K:
            found.append(f"complement {den - num}")
        for value in data.values():
            found += _json_leaks(value)
    elif isinstance(data, list):
        for value in data:
            found += _json_leaks(value)
    return found


PLUMBING = re.compile(
    r"\s(?:href|src|action|id|for|name|class|headers|aria-(?:labelledby|describedby|controls))"
    r'="[^"]*"'
)
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
SVG_LABEL = re.compile(r'aria-label="([^"]*)"')
SVG_TEXT = re.compile(r"<(text|title|desc)\b[^>]*>(.*?)</\1>", re.S)


def svg_reader_text(svg: str) -> str:
    """What a reader gets from an SVG: its texts, title, description and aria-labels, not its
    geometry (coordinates and attributes such as version="1.1" are not figures)."""
    parts = SVG_LABEL.findall(svg) + [text for _tag, text in SVG_TEXT.findall(svg)]
    return "\n".join(html.unescape(re.sub(r"<[^>]+>", "", part)) for part in parts)


def leaks(text: str, kind: str, patterns) -> list[str]:
    """Every hidden number found in an output."""
    found = []
    if kind in ("html", "svg"):  # inline charts count by their text (their spec is checked too)
        text = SVG.sub(lambda svg: svg_reader_text(svg.group(0)), text)
    if kind == "html":
        if "<main" in text:
            text = text[text.index("<main") : text.index("</main>")]
        scripts = re.findall(r'<script[^>]*type="application/json">(.*?)</script>', text, re.S)
        text = re.sub(r"<script.*?</script>", "", text, flags=re.S)
        text = PLUMBING.sub("", text)  # links and ids carry database ids, not figures
        found += SMALL_CELL.findall(text)
        found += [p for p in patterns["text"] if re.search(p, text)]
        for script in scripts:
            found += _json_leaks(json.loads(script))
            found += [p for p in patterns["data"] if re.search(p, script)]
    elif kind == "json":
        found += _json_leaks(json.loads(text))
        found += [p for p in patterns["data"] if re.search(p, text)]
    else:  # CSV, text of a PDF, …: what a reader sees
        found += [p for p in patterns["text"] if re.search(p, text)]
    return found


def _render(output: Output, client, coalition, indicator) -> str:
    if output.url is not None:
        response = client.get(output.url(coalition, indicator))
        assert response.status_code == 200, output.name
        return response.content.decode()
    content = output.render(coalition, indicator)
    return content.decode() if isinstance(content, bytes) else content


def test_the_engine_registers_its_pages_and_data_functions():
    names = {output.name for output in registered_outputs()}
    assert {
        "insight:overview",
        "insight:indicator-detail",
        "insight.tables.overview_data",
        "insight.tables.indicator_data",
    } <= names


def test_every_figures_page_is_a_registered_output():
    resolver = get_resolver()
    insight_urls = {
        f"insight:{name}"
        for name in resolver.namespace_dict["insight"][1].reverse_dict
        if isinstance(name, str)
    }
    assert insight_urls <= {output.name for output in registered_outputs()}


def test_the_fixture_hides_cells_of_every_kind(small_numbers, coalition):
    hidden = _hidden_cells(coalition, small_numbers)
    assert {indicator.unit for indicator, *_rest in hidden} == {"percentage", "per_1000", "count"}
    patterns = forbidden_patterns(hidden)
    assert len(patterns["text"]) > 40 and len(patterns["data"]) > 20


@pytest.mark.parametrize("output", registered_outputs(), ids=lambda output: output.name)
def test_no_output_shows_a_number_that_disclose_hid(
    output, client, member, coalition, small_numbers
):
    client.force_login(member)
    patterns = forbidden_patterns(_hidden_cells(coalition, small_numbers))
    for indicator in small_numbers:
        text = _render(output, client, coalition, indicator)
        found = leaks(text, output.kind, patterns)
        assert found == [], (output.name, indicator.code, found)


def test_the_check_catches_an_output_that_bypasses_disclose(
    client, member, coalition, small_numbers, monkeypatch
):
    """A leaky output (raw observations into a page) is caught by the same check."""

    def leaky(coalition, indicator):
        rows = Observation.objects.filter(indicator=indicator).values("numerator", "denominator")
        return json.dumps(list(rows))

    monkeypatch.setattr(outputs, "_OUTPUTS", dict(outputs._OUTPUTS))
    outputs.register_output(Output("test:leaky", "json", render=leaky))
    patterns = forbidden_patterns(_hidden_cells(coalition, small_numbers))
    leaky_output = next(o for o in registered_outputs() if o.name == "test:leaky")
    text = _render(leaky_output, client, coalition, small_numbers[0])
    assert leaks(text, "json", patterns) != []
    html = f"<main><table><tr><td>{text}</td><td>7</td></tr></table></main>"
    assert leaks(html, "html", patterns) != []
