"""The page for bestuur en raad: the chosen headline indicators, verdicts first, in plain
words; the coordinator's intro; a hint to compose when nothing is chosen."""

import pytest
from django.urls import reverse

from kansrijk.dashboards.composing import choose_headline, settings_for


@pytest.fixture
def headlines(coalition, town):
    big2 = town.add("big2", name="Te vroeg of te klein geboren")
    town.add("roken", name="Roken in de zwangerschap")
    choose_headline(coalition, big2, plain_text="Minder baby's komen te vroeg.")
    settings = settings_for(coalition)
    settings.council_intro = "Voor de raadsvergadering van maart."
    settings.save()
    return big2


def open_council(client, user, coalition):
    client.force_login(user)
    response = client.get(reverse("dashboards:council", kwargs={"slug": coalition.slug}))
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_only_the_headlines_verdict_first_in_plain_words(
    client, member, coalition, headlines
):
    html = open_council(client, member, coalition)

    assert "Voor de raadsvergadering van maart." in html
    assert "Te vroeg of te klein geboren" in html
    assert "Roken in de zwangerschap" not in html
    tile = html[html.index('id="tile-big2"') :]
    verdict = tile.index("Dit gaat de goede kant op.")
    value = tile.index("In 2024: 7,2%.")
    assert verdict < value
    assert "Minder baby&#x27;s komen te vroeg." in tile
    assert "Dat is lager dan in Nederland (9,0%)." in tile
    assert 'aria-current="page">Bestuur en raad</a>' in html


def test_without_headlines_the_coordinator_is_sent_to_compose(client, owner, member, coalition):
    html = open_council(client, owner, coalition)
    assert "nog geen kernindicatoren" in html
    assert reverse("dashboards:compose", args=[coalition.slug]) in html

    html = open_council(client, member, coalition)
    assert "Kies ze bij Samenstellen." not in html
