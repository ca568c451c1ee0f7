"""The public pages: no login, only what the coalition published, in plain words.

The unpublished indicator has a distinctive name and figures; none of them may appear on
any public page, chart or download, and neither may its plan, its target or members' quotes.
"""

import pytest
from django.urls import reverse

from kansrijk.dashboards.composing import close_public_page, open_public_page, publish
from kansrijk.stories.models import Consent
from kansrijk.stories.tests.factories import QuoteFactory, StoryFactory

SECRET_NAME = "Geheime indicator Zebravink"


@pytest.fixture
def site(town, coalition):
    shown = town.add("openbaar", name="Borstvoeding na drie maanden", wijken=True)
    town.add("geheim", name=SECRET_NAME, base=613, step=-2, denominator=4111)
    publish(coalition, shown, plain_text="Hoeveel kinderen nog borstvoeding krijgen.")
    open_public_page(coalition, intro="Zo gaat het met jonge kinderen in Voorbeeldstad.")
    return town


def home_url(slug="voorbeeldstad"):
    return reverse("public:dashboard", kwargs={"slug": slug})


def indicator_url(code, slug="voorbeeldstad"):
    return reverse("public:indicator", kwargs={"slug": slug, "code": code})


def chart_url(code, chart, fmt, slug="voorbeeldstad"):
    return reverse("public:chart", kwargs={"slug": slug, "code": code, "chart": chart, "fmt": fmt})


def secret_values():
    """The unpublished indicator's figures in 2024 as a reader would see them."""
    return ["605", "4.111", "4111", "14,7"]


def test_anyone_sees_the_published_tiles_without_logging_in(client, site):
    response = client.get(home_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Zo gaat het met jonge kinderen in Voorbeeldstad." in html
    assert "Borstvoeding na drie maanden" in html
    assert "Hoeveel kinderen nog borstvoeding krijgen." in html
    assert "In 2024: 7,2%." in html
    assert "Dit gaat de goede kant op." in html
    assert 'class="chart chart-compact chart-sparkline"' in html
    assert indicator_url("openbaar") in html


@pytest.mark.parametrize("path", ["home", "indicator"])
def test_a_public_page_shows_nothing_that_was_not_published(client, site, path):
    url = home_url() if path == "home" else indicator_url("openbaar")

    html = client.get(url).content.decode()
    main = html[html.index("<main") : html.index("</main>")]

    assert SECRET_NAME not in main and "geheim" not in main
    for value in secret_values():
        assert value not in main
    assert "Gezond opgroeien" not in main  # the plan's ambition
    assert "Minder kinderen te vroeg geboren" not in main  # the plan's goal


def test_the_indicator_page_shows_wijken_only_when_they_are_published(client, coalition, site):
    hidden = client.get(indicator_url("openbaar")).content.decode()
    publish(coalition, site.indicators[0], show_wijken=True)
    shown = client.get(indicator_url("openbaar")).content.decode()

    assert "Centrum" not in hidden and "chart-map" not in hidden
    assert "Centrum" in shown and 'class="chart chart-map"' in shown


def test_the_indicator_page_has_the_trend_the_table_and_chart_downloads(client, site):
    html = client.get(indicator_url("openbaar")).content.decode()

    assert 'class="chart chart-trend"' in html
    assert chart_url("openbaar", "trend", "svg") in html
    assert chart_url("openbaar", "trend", "png") in html
    assert "<caption" in html and "Nederland" in html
    assert "doel" not in html.lower().split("<main")[1].split("</main>")[0].replace("doelgroep", "")


def test_chart_downloads_work_for_published_charts_only(client, coalition, site):
    svg = client.get(chart_url("openbaar", "trend", "svg"))
    png = client.get(chart_url("openbaar", "trend", "png"))

    assert svg.status_code == 200 and svg["Content-Type"].startswith("image/svg+xml")
    assert png.status_code == 200 and png.content[:4] == b"\x89PNG"
    assert client.get(chart_url("openbaar", "map", "svg")).status_code == 404  # wijken hidden
    assert client.get(chart_url("openbaar", "trend", "pdf")).status_code == 404
    assert client.get(chart_url("geheim", "trend", "svg")).status_code == 404
    assert client.get(chart_url("openbaar", "funnel", "svg")).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        lambda: indicator_url("geheim"),
        lambda: indicator_url("bestaat-niet"),
        lambda: home_url("bestaat-niet"),
        lambda: indicator_url("openbaar", slug="bestaat-niet"),
        lambda: chart_url("geheim", "trend", "png"),
    ],
)
def test_anything_unpublished_or_unknown_is_a_404(client, site, url):
    assert client.get(url()).status_code == 404


def test_a_closed_public_page_is_a_404_even_for_members(client, member, coalition, site):
    close_public_page(coalition)
    client.force_login(member)

    assert client.get(home_url()).status_code == 404
    assert client.get(indicator_url("openbaar")).status_code == 404


def test_another_coalition_without_a_public_page_is_a_404(client, site, other_coalition):
    assert client.get(home_url(other_coalition.slug)).status_code == 404


def test_only_quotes_whose_parents_agreed_to_publication_appear(client, coalition, site):
    for consent, text in ((Consent.PUBLISH, "Mag iedereen lezen."), (Consent.SESSIONS, "Intern.")):
        story = StoryFactory(coalition=coalition, consent=consent)
        story.indicators.add(site.indicators[0])
        QuoteFactory(story=story, text=text)

    home = client.get(home_url()).content.decode()
    page = client.get(indicator_url("openbaar")).content.decode()

    for html in (home, page):
        assert "Mag iedereen lezen." in html
        assert "Intern." not in html


def test_a_suppressed_latest_value_is_explained_in_plain_words(client, coalition, town):
    small = town.add("klein", name="Kleine groep", base=4, step=0, denominator=50)
    publish(coalition, small)
    open_public_page(coalition)

    html = client.get(home_url()).content.decode()

    assert "Dit cijfer laten we niet zien, omdat het over heel weinig mensen gaat." in html
    assert "8,0%" not in html


def test_the_public_page_without_published_indicators_says_so(client, coalition, town):
    open_public_page(coalition)

    html = client.get(home_url()).content.decode()

    assert "Er staan nog geen cijfers op deze pagina." in html
