import pytest

URL = "/api/v1/indicators"


def codes(response):
    return [item["code"] for item in response.json()["results"]]


def test_it_shows_anonymous_callers_the_shared_catalogue(
    client, shared_indicator, own_indicator, foreign_indicator
):
    response = client.get(URL)
    assert response.status_code == 200
    assert codes(response) == ["big2"]


def test_it_adds_the_own_indicators_of_the_callers_coalitions(
    client, member, shared_indicator, own_indicator, foreign_indicator
):
    client.force_login(member)
    assert codes(client.get(URL)) == ["bereik_voorzorg", "big2"]


def test_it_never_shows_another_coalitions_own_indicators(
    client, outsider, shared_indicator, own_indicator, foreign_indicator
):
    client.force_login(outsider)
    assert codes(client.get(URL)) == ["big2", "geheim_elders"]


def test_it_works_with_a_personal_token(client, member, bearer, shared_indicator, own_indicator):
    response = client.get(URL, headers=bearer(member))
    assert codes(response) == ["bereik_voorzorg", "big2"]


def test_it_describes_each_indicator(client, shared_indicator):
    (item,) = client.get(URL).json()["results"]
    assert item == {
        "code": "big2",
        "name": "BIG2",
        "name_en": "",
        "unit": "percentage",
        "phase": "birth",
        "set": "basisset",
        "themes": ["birth_outcomes"],
        "direction": "lower",
        "lowest_level": "gemeente",
        "own_indicator_of": None,
        "url": "http://testserver/api/v1/indicators/big2",
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("q=klein", ["big2"]),
        ("q=voorzorg", ["bereik_voorzorg"]),
        ("phase=programme", ["bereik_voorzorg"]),
        ("set=basisset", ["bereik_voorzorg", "big2"]),
        ("theme=birth_outcomes", ["big2"]),
        ("provider=Perined", ["big2"]),
        ("level=wijk", []),
        ("level=nl", ["bereik_voorzorg", "big2"]),
        ("q=&phase=", ["bereik_voorzorg", "big2"]),
    ],
)
def test_it_filters_like_the_catalogue_page(
    client, member, shared_indicator, own_indicator, query, expected
):
    client.force_login(member)
    assert codes(client.get(f"{URL}?{query}")) == expected


@pytest.mark.parametrize(
    "query, message",
    [
        ("phase=zwanger", "Parameter ‘phase’: ‘zwanger’ is geen geldige keuze; kies uit pre,"),
        ("set=alles", "Parameter ‘set’: ‘alles’ is geen geldige keuze"),
        ("level=GM", "Parameter ‘level’: ‘GM’ is geen geldige keuze; kies uit nl, ggd,"),
        ("theme=onbekend", "Parameter ‘theme’: Er is geen thema ‘onbekend’."),
        ("fase=pre", "Onbekende parameter ‘fase’; mogelijk zijn: q, phase, set, theme,"),
    ],
)
def test_it_refuses_a_bad_filter_with_a_dutch_message_naming_it(
    client, shared_indicator, query, message
):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert response.json()["detail"].startswith(message)
