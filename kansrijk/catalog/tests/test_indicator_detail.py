"""/catalogus/<code>/: everything about one indicator, its sources, and who uses it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kansrijk.catalog.own import accept_proposal, propose_indicator
from kansrijk.catalog.tests.factories import SourceFactory, ThemeFactory
from kansrijk.testing.factories import (
    ActivityFactory,
    CoalitionFactory,
    IndicatorFactory,
    PlanIndicatorFactory,
)


def _url(code="big2"):
    return reverse("catalog:indicator-detail", kwargs={"code": code})


def test_it_shows_the_definition_and_the_sources(client, catalogue):
    response = client.get(_url("perinatal_mortality"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Perinatale sterfte</h1>" in content
    for text in ("Teller", "Noemer", "per 1.000", "Rond de geboorte", "lager is beter"):
        assert text in content
    assert "Basisset" in content
    assert "5 jaar samen" in content
    assert "De definities verschillen per bron" in content
    assert '<th scope="col">Hoe te verkrijgen</th>' in content
    assert (
        'href="https://www.cbs.nl/nl-nl/onze-diensten/methoden/begrippen/perinatale-sterfte"'
        in content
    )


def test_it_shows_the_themes_and_lowest_level(client, catalogue):
    content = client.get(_url("inhabitants")).content.decode()
    assert "Bevolking en geboorten" in content
    assert "Buurt" in content
    assert "afgerond op 5-tallen" in content


def test_it_shows_which_coalitions_use_it_with_a_mailto_link(client, member, indicator):
    PlanIndicatorFactory(
        indicator=indicator,
        goal__ambition__coalition=CoalitionFactory(
            name="Kansrijk Aan Zee", slug="aan-zee", contact_email="kansrijk@aanzee.example.org"
        ),
    )
    activity = ActivityFactory(goal__ambition__coalition=CoalitionFactory(slug="binnenland"))
    PlanIndicatorFactory(indicator=indicator, goal=None, activity=activity)
    client.force_login(member)
    response = client.get(_url())
    content = response.content.decode()
    assert [c.slug for c in response.context["coalitions_using"]] == ["binnenland", "aan-zee"]
    assert 'href="mailto:kansrijk@aanzee.example.org?subject=' in content
    assert "Kansrijk Aan Zee" in content


def test_a_coalition_using_it_twice_is_listed_once(client, member, coalition, indicator):
    PlanIndicatorFactory(indicator=indicator, goal__ambition__coalition=coalition)
    PlanIndicatorFactory(indicator=indicator, goal__ambition__coalition=coalition)
    client.force_login(member)
    assert list(client.get(_url()).context["coalitions_using"]) == [coalition]


def test_it_says_so_when_no_coalition_uses_it(client, member, indicator):
    client.force_login(member)
    content = client.get(_url()).content.decode()
    assert "Nog geen coalitie heeft deze indicator in haar plan opgenomen." in content


def test_anonymous_visitors_are_asked_to_log_in_to_see_who_uses_it(client, coalition, indicator):
    PlanIndicatorFactory(indicator=indicator, goal__ambition__coalition=coalition)
    response = client.get(_url())
    content = response.content.decode()
    assert response.status_code == 200
    assert "mailto:" not in content
    assert 'href="/inloggen/?next=/catalogus/big2/"' in content


@pytest.fixture
def own(coalition):
    indicator = IndicatorFactory(
        code="bereik_voorzorg", name_nl="Bereik VoorZorg", coalition=coalition
    )
    SourceFactory(indicator=indicator, provider="JGZ Voorbeeldstad")
    return indicator


def test_members_see_their_own_indicator(client, member, own):
    client.force_login(member)
    response = client.get(_url("bereik_voorzorg"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Eigen indicator van Kansrijk Voorbeeldstad" in content
    assert "JGZ Voorbeeldstad" in content
    assert [c.slug for c in response.context["coalitions_using"]] == ["voorbeeldstad"]


def test_editors_get_a_link_to_edit_their_own_indicator(client, editor, own):
    client.force_login(editor)
    content = client.get(_url("bereik_voorzorg")).content.decode()
    assert "/coalities/voorbeeldstad/indicatoren/bereik_voorzorg/bewerken/" in content


def test_it_hides_an_own_indicator_from_outsiders(client, outsider, own):
    client.force_login(outsider)
    assert client.get(_url("bereik_voorzorg")).status_code == 404


def test_it_hides_an_own_indicator_from_anonymous_visitors(client, own):
    assert client.get(_url("bereik_voorzorg")).status_code == 404


def test_an_accepted_indicator_is_public_and_names_its_coalition(client, outsider, own):
    accept_proposal(propose_indicator(own))
    client.force_login(outsider)
    response = client.get(_url("bereik_voorzorg"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Bedacht door Kansrijk Voorbeeldstad" in content
    assert [c.slug for c in response.context["coalitions_using"]] == ["voorbeeldstad"]


def test_an_unknown_code_is_not_found(client, db):
    assert client.get(_url("bestaat_niet")).status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_sources_themes_or_users(
    client, member, coalition, indicator
):
    client.force_login(member)
    few = _queries(client, _url())
    for n in range(10):
        indicator.themes.add(ThemeFactory(code=f"thema_{n}"))
        SourceFactory(indicator=indicator, provider=f"Bron {n}")
        PlanIndicatorFactory(indicator=indicator, goal__ambition__coalition__slug=f"c{n}")
    assert _queries(client, _url()) == few


def test_an_own_indicator_page_takes_a_fixed_number_of_queries(
    client, member, own, django_assert_max_num_queries
):
    client.force_login(member)
    with django_assert_max_num_queries(8):
        client.get(_url("bereik_voorzorg"))
