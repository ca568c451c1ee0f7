"""The professionals' dashboard: a tile per plan indicator with value, interval, sparkline,
comparisons, verdict and source; headings by plan or life phase; the wijk map."""

import re

import pytest
from django.urls import reverse

from kansrijk.dashboards.composing import open_public_page, settings_for
from kansrijk.stories.models import Consent
from kansrijk.stories.tests.factories import QuoteFactory, StoryFactory


@pytest.fixture
def plan(town):
    town.add("big2", name="Te vroeg of te klein geboren", phase="birth", wijken=True)
    town.add("roken", name="Roken in de zwangerschap", phase="pregnancy")
    town.add("klein", name="Een heel kleine groep", phase="post", base=4, step=0, denominator=50)
    return town


def open_dashboard(client, user, coalition, query=""):
    client.force_login(user)
    url = reverse("dashboards:dashboard", kwargs={"slug": coalition.slug}) + query
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_every_plan_indicator_has_a_tile_with_value_interval_trend_and_verdict(
    client, member, coalition, plan
):
    html = open_dashboard(client, member, coalition)

    assert html.count('<article class="tile') == 3
    tile = html[html.index('id="tile-big2"') :]
    tile = tile[: tile.index("</article>")]
    assert "7,2%" in tile  # 72 of 1000 in 2024
    assert "95%-interval" in tile
    assert 'class="chart chart-compact chart-sparkline"' in tile and "<svg" in tile
    assert "gunstig" in tile
    assert "Nederland" in tile and "GGD Voorbeeldland" in tile
    assert "Bron: CBS StatLine" in tile
    assert "Voorbeeldstad, 2024" in tile
    assert reverse("insight:indicator-detail", args=[coalition.slug, "big2"]) in tile


def test_a_suppressed_value_says_so_without_a_number(client, member, coalition, plan):
    html = open_dashboard(client, member, coalition)

    tile = html[html.index('id="tile-klein"') :]
    tile = tile[: tile.index("</article>")]
    assert "niet getoond (kleine aantallen)" in tile
    assert "8,0%" not in tile  # 4 of 50


def test_the_plan_order_has_ambition_and_goal_headings(client, member, coalition, plan):
    html = open_dashboard(client, member, coalition)

    assert re.search(r"<h2[^>]*>.*Ambitie:</span> Gezond opgroeien</h2>", html)
    assert re.search(r"<h3><span[^>]*>Doel:</span> Minder kinderen te vroeg geboren</h3>", html)
    assert re.search(r'<h4 class="tile-title" id="tile-big2">', html)


def test_the_reader_can_order_by_life_phase(client, member, coalition, plan):
    html = open_dashboard(client, member, coalition, "?volgorde=phase")

    headings = re.findall(r'<h2 id="section-\d+">([^<]+)</h2>', html)
    assert headings == [
        "Tijdens de zwangerschap",
        "Rond de geboorte",
        "Na de geboorte (eerste 1000 dagen)",
    ]


def test_the_coalitions_order_is_the_default(client, member, coalition, plan):
    settings = settings_for(coalition)
    settings.order = "phase"
    settings.save()

    html = open_dashboard(client, member, coalition)

    assert '<h2 id="section-1">Tijdens de zwangerschap</h2>' in html


def test_the_wijk_map_shows_the_first_indicator_with_wijk_figures(client, member, coalition, plan):
    html = open_dashboard(client, member, coalition)

    section = html[html.index('id="map-title"') :]
    assert '<option value="big2" selected>' in section
    assert 'class="chart chart-map"' in section and "<svg" in section
    assert "Centrum" in section


def test_an_unknown_map_indicator_gets_a_dutch_message(client, member, coalition, plan):
    html = open_dashboard(client, member, coalition, "?kaart=bestaat-niet")

    assert "Indicator op de kaart: kies een indicator uit de lijst." in html
    assert '<option value="big2" selected>' in html


def test_quotes_appear_on_their_tile_and_an_empty_slot_is_left_out(client, member, coalition, plan):
    story = StoryFactory(coalition=coalition, consent=Consent.SESSIONS)
    story.indicators.add(plan.indicators[1])
    QuoteFactory(story=story, text="Stoppen met roken lukte pas met hulp.")

    html = open_dashboard(client, member, coalition)

    assert html.count('class="tile-quotes"') == 1
    tile = html[html.index('id="tile-roken"') :]
    assert "Stoppen met roken lukte pas met hulp." in tile[: tile.index("</article>")]


def test_the_audience_tabs_mark_the_current_page(client, owner, member, coalition, plan):
    html = open_dashboard(client, member, coalition)

    assert 'aria-current="page">Professionals</a>' in html
    assert "Samenstellen" not in html
    assert "de openbare pagina staat uit" in html
    open_public_page(coalition)
    html = open_dashboard(client, owner, coalition)
    assert reverse("public:dashboard", args=[coalition.slug]) in html
    assert reverse("dashboards:compose", args=[coalition.slug]) in html


def test_an_empty_plan_says_what_to_do(client, member, coalition):
    html = open_dashboard(client, member, coalition)

    assert "Het monitoringsplan heeft nog geen indicatoren." in html
