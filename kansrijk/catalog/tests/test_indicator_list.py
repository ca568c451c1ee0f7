"""/catalogus/: the shared catalogue with search and filters, plus the visitor's own indicators."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kansrijk.catalog.tests.factories import SourceFactory, ThemeFactory
from kansrijk.testing.factories import IndicatorFactory

URL = reverse("catalog:indicator-list")


def _codes(response):
    return [indicator.code for indicator in response.context["indicators"]]


def test_anyone_sees_the_shared_catalogue(client, catalogue):
    response = client.get(URL)
    assert response.status_code == 200
    assert len(_codes(response)) == catalogue.created
    assert '<th scope="col">Levensfase</th>' in response.content.decode()


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("kraamzorg", ["no_maternity_care"]),  # a word of the name
        ("sga_p10", ["sga_p10"]),  # the code
        ("Breastfeeding", ["breastfeeding_3m", "breastfeeding_6m"]),  # the English name
        ("borstvoeding 6", ["breastfeeding_6m"]),  # every word must match
        ("70 dagen", []),  # the numerator is not searched
    ],
)
def test_it_searches_name_and_code(client, catalogue, q, expected):
    assert _codes(client.get(URL, {"q": q})) == expected


def test_it_searches_the_definition(client, catalogue):
    assert _codes(client.get(URL, {"q": "preconceptieconsult had"})) == ["preconception_consult"]


@pytest.mark.parametrize(
    ("filters", "included", "excluded"),
    [
        ({"phase": "context"}, {"live_births", "inhabitants", "birth_rate"}, {"big2"}),
        ({"indicator_set": "keuzeset"}, {"teen_births", "breastfeeding_3m"}, {"big2"}),
        ({"theme": "poverty_debt"}, {"problematic_debt_19_45", "children_low_income"}, {"big2"}),
        ({"provider": "Perined"}, {"big2", "smoking_during_pregnancy"}, {"teen_births"}),
        ({"level": "wijk"}, {"smoking_women_19_45", "inhabitants"}, {"big2"}),
        ({"level": "buurt"}, {"inhabitants", "birth_rate"}, {"smoking_women_19_45"}),
        ({"level": "ggd"}, {"smoking_during_pregnancy", "big2"}, {"very_preterm_lt32"}),
    ],
)
def test_each_filter_narrows_the_list(client, catalogue, filters, included, excluded):
    codes = set(_codes(client.get(URL, filters)))
    assert included <= codes
    assert not excluded & codes


def test_filters_combine_with_the_search(client, catalogue):
    response = client.get(URL, {"q": "vroeggeboorte", "indicator_set": "basisset", "level": "nl"})
    assert _codes(response) == ["big2", "preterm_lt37", "very_preterm_lt32"]


def test_an_unknown_filter_value_is_reported_and_ignored(client, catalogue):
    response = client.get(URL, {"phase": "later", "indicator_set": "keuzeset"})
    content = response.content.decode()
    assert response.status_code == 200
    assert '<a href="#id_phase">Levensfase</a>' in content
    assert _codes(response) == _codes(client.get(URL, {"indicator_set": "keuzeset"}))


def test_it_offers_the_theme_and_provider_choices(client, catalogue):
    content = client.get(URL).content.decode()
    assert '<option value="poverty_debt">Armoede en schulden</option>' in content
    assert '<option value="CBS StatLine">CBS StatLine</option>' in content


def test_members_also_see_their_coalitions_own_indicators_marked(client, member, coalition):
    IndicatorFactory(code="bereik_voorzorg", name_nl="Bereik VoorZorg", coalition=coalition)
    client.force_login(member)
    response = client.get(URL)
    assert _codes(response) == ["bereik_voorzorg"]
    assert "Eigen indicator van Kansrijk Voorbeeldstad" in response.content.decode()


def test_it_never_shows_another_coalitions_own_indicators(client, outsider, coalition):
    own = IndicatorFactory(code="bereik_voorzorg", name_nl="Bereik VoorZorg", coalition=coalition)
    SourceFactory(indicator=own, provider="JGZ Voorbeeldstad")
    client.force_login(outsider)
    response = client.get(URL, {"q": "voorzorg"})
    content = response.content.decode()
    assert _codes(response) == []
    assert "Bereik VoorZorg" not in content
    assert "JGZ Voorbeeldstad" not in content


def test_anonymous_visitors_see_no_own_indicators(client, coalition, indicator):
    IndicatorFactory(code="bereik_voorzorg", coalition=coalition)
    assert _codes(client.get(URL)) == ["big2"]


def _queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_catalogue(client, member, coalition):
    client.force_login(member)
    IndicatorFactory(code="een")
    few = _queries(client, URL, {"provider": "Perined"})
    for n in range(15):
        indicator = IndicatorFactory(code=f"extra_{n}", coalition=coalition if n % 2 else None)
        indicator.themes.add(ThemeFactory(code=f"thema_{n}"))
        SourceFactory(indicator=indicator)
    assert _queries(client, URL, {"provider": "Perined"}) == few


def test_the_full_catalogue_page_takes_a_fixed_number_of_queries(
    client, member, catalogue, django_assert_max_num_queries
):
    client.force_login(member)
    with django_assert_max_num_queries(8):
        client.get(URL, {"q": "geboorte", "level": "gemeente"})
