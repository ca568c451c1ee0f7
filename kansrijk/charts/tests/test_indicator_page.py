"""The charts on the page of one indicator: /coalities/<slug>/cijfers/<code>/."""

import re

from django.urls import reverse

from kansrijk.insight.tests.test_output_paths import SVG, svg_reader_text
from kansrijk.web.tests.structure import structure_problems

from .conftest import HIDDEN_TEXTS


def page_html(client, town, member):
    client.force_login(member)
    url = reverse(
        "insight:indicator-detail",
        kwargs={"slug": town.coalition.slug, "code": town.indicator.code},
    )
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_every_chart_with_its_table_and_downloads(client, town, member):
    html = page_html(client, town, member)
    for chart in ("trend", "funnel", "wijken", "wijk-multiples", "map"):
        assert f'<figure class="chart chart-{chart}" data-chart="full"' in html
        assert f"/coalities/voorbeeldstad/cijfers/rookt/grafieken/{chart}.svg" in html
        assert f"/coalities/voorbeeldstad/cijfers/rookt/grafieken/{chart}.png" in html
    assert html.count('<details class="chart-data">') == 5
    assert html.count("<svg ") == 5
    assert "js/charts.js" in html and "css/charts.css" in html


def test_the_page_keeps_what_it_showed_before(client, town, member):
    html = page_html(client, town, member)
    assert '<script id="funnel-data" type="application/json">' in html
    assert "Alle cijfers per periode" in html and "Teller en noemer voor Voorbeeldstad" in html
    assert html.index('id="trend-title"') < html.index('id="comparisons-title"')
    assert html.index('id="areas-title"') < html.index('id="values-title"')


def test_the_page_with_its_charts_is_well_formed(client, town, member):
    html = page_html(client, town, member)
    assert structure_problems(html) == []
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_the_charts_on_the_page_show_no_suppressed_number(client, town, member):
    html = page_html(client, town, member)
    text = SVG.sub(lambda svg: svg_reader_text(svg.group(0)), html)
    text = re.sub(r"<script.*?</script>", "", text, flags=re.S)  # the funnel's limits
    found = [t for t in HIDDEN_TEXTS if re.search(rf"(?<![\d.,]){re.escape(t)}(?!\d)", text)]
    assert found == []
    assert "West, 2023: niet getoond (kleine aantallen)" in text
