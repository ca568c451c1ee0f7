"""``{% chart %}``: the figure with its SVG, caption, table and links, or a compact tile."""

from django.template import Context, Template

from .test_rendering import make_chart

FULL = "{% load charts %}{% chart chart svg_url='/a.svg' png_url='/a.png' %}"
COMPACT = "{% load charts %}{% chart chart compact=True %}"


def render(source, **context):
    return Template(source).render(Context(context))


def test_the_figure_has_the_svg_a_caption_and_the_table(db):
    html = render(FULL, chart=make_chart())
    assert html.startswith('<figure class="chart chart-trend" data-chart="full"')
    assert "<figcaption>" in html and "Een grafiek &amp; meer" in html
    assert "Twee punten &lt;b&gt;." in html
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert '<details class="chart-data">' in html and "<caption>Waarden</caption>" in html
    assert '<th scope="col">Jaar</th>' in html and '<th scope="row">2020</th>' in html
    assert '<td class="number">1,5</td>' in html
    assert '<a href="/a.svg" download>SVG' in html and '<a href="/a.png" download>PNG' in html


def test_without_urls_there_are_no_download_links(db):
    html = render("{% load charts %}{% chart chart %}", chart=make_chart())
    assert "Downloaden" not in html


def test_a_compact_chart_has_a_hidden_text_and_no_table(db):
    html = render(COMPACT, chart=make_chart())
    assert 'data-chart="compact"' in html
    assert '<figcaption class="visually-hidden">Een grafiek &amp; meer: Twee punten' in html
    assert "<table" not in html and "<details" not in html
    assert '<div class="chart-image" aria-hidden="true"><svg' in html


def test_a_missing_chart_renders_nothing(db):
    assert render(FULL, chart=None).strip() == ""


def test_the_source_is_shown_under_the_chart(db):
    html = render(FULL, chart=make_chart(source="Gebiedsgrenzen: CBS"))
    assert '<p class="chart-source">Gebiedsgrenzen: CBS</p>' in html


def test_page_charts_gives_the_charts_by_name(town):
    source = (
        "{% load charts %}{% page_charts coalition page as figures %}"
        "{{ figures.wijk_multiples.slug }} {{ figures.map.slug }}"
    )
    html = render(source, coalition=town.coalition, page=town.page())
    assert html == "wijk-multiples map"
