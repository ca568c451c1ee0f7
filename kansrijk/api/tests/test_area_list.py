import pytest

URL = "/api/v1/areas"


def codes(response):
    assert response.status_code == 200, response.content
    return [item["code"] for item in response.json()["results"]]


def test_it_lists_areas_by_code_for_anyone(client, areas):
    assert codes(client.get(URL)) == [
        "BU99990101",
        "GM9998",
        "GM9999",
        "WK999901",
        "WK999902",
    ]


def test_it_describes_each_area_with_its_level_parent_and_years(client, areas):
    response = client.get(f"{URL}?level=wijk&q=centrum")
    assert response.json()["results"] == [
        {
            "code": "WK999901",
            "name": "Centrum",
            "level": "wijk",
            "parent": "GM9999",
            "valid_from": 2020,
            "valid_to": None,
            "url": "http://testserver/api/v1/areas/WK999901",
        }
    ]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("level=gemeente", ["GM9998", "GM9999"]),
        ("level=wijk&parent=GM9999", ["WK999901", "WK999902"]),
        ("parent=gm9999", ["WK999901", "WK999902"]),
        ("level=buurt", ["BU99990101"]),
        ("q=noord", ["WK999902"]),
        ("q=GM99", ["GM9998", "GM9999"]),
        ("level=gemeente&year=2023", ["GM9999"]),
        ("level=wijk&year=2019", ["WK999902"]),
    ],
)
def test_it_filters_by_level_parent_text_and_year(client, areas, query, expected):
    assert codes(client.get(f"{URL}?{query}")) == expected


@pytest.mark.parametrize(
    "query, message",
    [
        ("level=municipality", "Parameter ‘level’: ‘municipality’ is geen geldige keuze"),
        ("parent=GM0001", "Parameter ‘parent’: Gebied 'GM0001' bestaat niet."),
        ("year=twintig", "Parameter ‘year’: "),
        ("year=1200", "Parameter ‘year’: "),
        ("niveau=wijk", "Onbekende parameter ‘niveau’"),
    ],
)
def test_it_refuses_bad_filters_with_a_dutch_message_naming_them(client, areas, query, message):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert response.json()["detail"].startswith(message)
