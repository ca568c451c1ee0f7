"""``/api/v1/indicators/{code}/values``: one shared indicator for every municipality (or the
country), public figures only, from the engine's national table, for anyone."""

import json

import pytest
from django.core.cache import cache

from kansrijk.api.serializers import NationalValueSerializer
from kansrijk.api.views.national import national_values, published_values
from kansrijk.areas.models import Area, Level
from kansrijk.insight.outputs import registered_outputs
from kansrijk.insight.results import national_tables
from kansrijk.observations.importing import ObservationRow, save_observations
from kansrijk.observations.models import ImportBatch, SourceKind
from kansrijk.testing.factories import AreaFactory, IndicatorFactory

from .test_openapi import assert_matches_declaration

URL = "/api/v1/indicators/{code}/values"
PATH = "/api/v1/indicators/{code}/values"
YEARS = ["2022", "2023"]
# (numerator, denominator) per municipality and year. Kleindorp's 3 is below the threshold of
# 10; the country is the sum, so another municipality must be hidden with it.
FIGURES = {
    "GM0001": ("Aadorp", [(120, 1000), (130, 1010)]),
    "GM0002": ("Beekdal", [(60, 480), (61, 490)]),
    "GM0003": ("Kleindorp", [(30, 200), (3, 40)]),
    "GM0004": ("Dijkstad", [(220, 2100), (230, 2110)]),
}
FIELDS = ["numerator", "denominator", "value", "lower", "upper"]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def write(indicator, rows, coalition=None, table="t1"):
    batch = ImportBatch.objects.create(
        kind=SourceKind.REGISTRATION if coalition else SourceKind.CBS,
        source_name="CBS StatLine",
        table_or_file=table,
        coalition=coalition,
    )
    save_observations(
        batch,
        [ObservationRow(indicator.id, area.id, year, num, den) for area, year, num, den in rows],
        {indicator.id: indicator.unit},
    )
    return batch


@pytest.fixture
def country(db):
    return AreaFactory(code="NL01", name="Nederland", level=Level.COUNTRY)


@pytest.fixture
def national(country):
    """A shared percentage for four municipalities and the country, two years."""
    indicator = IndicatorFactory(code="laag_geboortegewicht", unit="percentage", min_count=10)
    rows = []
    for code, (name, figures) in FIGURES.items():
        area = AreaFactory(code=code, name=name, level=Level.MUNICIPALITY)
        rows += [(area, year, num, den) for year, (num, den) in zip(YEARS, figures, strict=True)]
    for index, year in enumerate(YEARS):
        num = sum(figures[index][0] for _name, figures in FIGURES.values())
        den = sum(figures[index][1] for _name, figures in FIGURES.values())
        rows.append((country, year, num, den))
    write(indicator, rows)
    return indicator


@pytest.fixture
def document(client, db):
    return client.get("/api/v1/openapi.json").json()


def _numbers(data):
    if isinstance(data, dict):
        return [n for value in data.values() for n in _numbers(value)]
    if isinstance(data, list):
        return [n for value in data for n in _numbers(value)]
    if isinstance(data, int | float) and not isinstance(data, bool):
        return [data]
    return []


def test_anyone_gets_every_municipality_of_a_period_by_code(client, national, document):
    response = client.get(URL.format(code="laag_geboortegewicht") + "?period=2022")
    assert response.status_code == 200
    assert_matches_declaration(document, PATH, response)
    data = response.json()
    assert (data["count"], data["next"], data["previous"]) == (4, None, None)
    assert [(v["area_code"], v["area_name"]) for v in data["results"]] == [
        (code, name) for code, (name, _figures) in FIGURES.items()
    ]
    first = data["results"][0]
    assert first["period"] == "2022"
    assert (first["numerator"], first["denominator"]) == (120, 1000)
    assert first["value"] == pytest.approx(12.0)
    assert first["lower"] < first["value"] < first["upper"]
    assert (first["suppressed"], first["missing"], first["provisional"]) == (False, False, False)
    assert first["source"].startswith("Bron: CBS StatLine t1")


def test_without_a_period_it_gives_every_period_oldest_first(client, national):
    data = client.get(URL.format(code="laag_geboortegewicht")).json()
    assert [(v["period"], v["area_code"]) for v in data["results"]] == [
        (year, code) for year in YEARS for code in FIGURES
    ]


def test_a_small_count_is_suppressed_and_cannot_be_worked_out(client, national, document):
    response = client.get(URL.format(code="laag_geboortegewicht") + "?period=2023")
    assert_matches_declaration(document, PATH, response)
    data = response.json()
    values = {v["area_code"]: v for v in data["results"]}
    small = values["GM0003"]
    assert small["suppressed"] is True
    assert [small[name] for name in FIELDS] == [None] * 5
    # The country total is published, so Kleindorp could be worked out from it and the other
    # municipalities: at least one of them is hidden too.
    assert sum(v["suppressed"] for v in values.values()) >= 2
    assert 3 not in _numbers(data) and 40 not in _numbers(data)
    assert "7.5" not in json.dumps(data)


def test_every_cell_is_published_as_the_national_table_publishes_it(national, country):
    table = national_tables([national])[national.id]
    areas = {area.code: area.id for area in Area.objects.all()}
    rows = published_values(national, table, "gemeente", None)
    rows += published_values(national, table, "land", None)
    assert len(rows) == 2 * 5
    for row in rows:
        assert row.cell == table.cell(areas[row.area_code], row.period)


def test_the_cached_rows_are_what_the_serializer_makes_of_the_published_values(client, national):
    url = URL.format(code="laag_geboortegewicht")
    client.get(url)  # fills the cache
    expected = NationalValueSerializer(national_values(national, "gemeente"), many=True).data
    assert client.get(url).json()["results"] == json.loads(json.dumps(expected))
    indented = client.get(url, headers={"Accept": "application/json; indent=2"})
    assert indented.json() == client.get(url).json()
    assert b'\n  "count": 8' in indented.content


def test_level_land_gives_the_country(client, national, document):
    response = client.get(URL.format(code="laag_geboortegewicht") + "?level=land")
    assert_matches_declaration(document, PATH, response)
    rows = response.json()["results"]
    assert [(v["area_code"], v["period"]) for v in rows] == [("NL01", year) for year in YEARS]
    assert (rows[0]["numerator"], rows[0]["denominator"]) == (430, 3780)


def test_a_period_without_figures_gives_an_empty_list(client, national):
    response = client.get(URL.format(code="laag_geboortegewicht") + "?period=2018")
    assert response.status_code == 200
    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}


def test_a_coalitions_own_registrations_never_appear(client, national, coalition, municipality):
    """The coalition's own figure for the same indicator, area and period stays its own."""
    write(national, [(municipality, "2023", 7, 77)], coalition=coalition)
    rows = client.get(URL.format(code="laag_geboortegewicht") + "?period=2023").json()["results"]
    assert "GM9999" not in {v["area_code"] for v in rows}
    assert 77 not in _numbers(rows)


def test_new_figures_replace_the_cached_answer(client, national):
    url = URL.format(code="laag_geboortegewicht") + "?period=2022"
    assert client.get(url).json()["results"][0]["numerator"] == 120
    write(national, [(Area.objects.get(code="GM0001"), "2022", 125, 1000)], table="t2")
    first = client.get(url).json()["results"][0]
    assert first["numerator"] == 125
    assert "t2" in first["source"]


def test_an_indicator_only_published_nationally_has_no_municipal_figures(client, country):
    indicator = IndicatorFactory(code="alleen_landelijk", lowest_level="nl")
    municipality = AreaFactory(code="GM0001", name="Aadorp", level=Level.MUNICIPALITY)
    write(indicator, [(country, "2023", 500, 4000), (municipality, "2023", 50, 400)])
    url = URL.format(code="alleen_landelijk")
    assert client.get(url).json()["count"] == 0
    assert [v["area_code"] for v in client.get(url + "?level=land").json()["results"]] == ["NL01"]


@pytest.fixture
def every_municipality(country):
    """342 municipalities, as many as in 2024, with one figure each."""
    indicator = IndicatorFactory(code="overal", unit="percentage")
    Area.objects.bulk_create(
        Area(code=f"GM{n:04d}", name=f"Gemeente {n}", level=Level.MUNICIPALITY)
        for n in range(1, 343)
    )
    municipalities = Area.objects.filter(level=Level.MUNICIPALITY)
    write(indicator, [(area, "2024", 100, 1000) for area in municipalities])
    return indicator


def test_a_page_holds_100_by_default(client, every_municipality):
    data = client.get(URL.format(code="overal")).json()
    assert (data["count"], len(data["results"])) == (342, 100)
    assert data["next"].endswith("/api/v1/indicators/overal/values?limit=100&offset=100")


def test_limit_1000_gives_every_municipality_in_one_call(client, every_municipality):
    data = client.get(URL.format(code="overal") + "?period=2024&limit=1000").json()
    assert (data["count"], len(data["results"]), data["next"]) == (342, 342, None)
    assert data["results"][-1]["area_code"] == "GM0342"


def test_offset_pages_on(client, national):
    data = client.get(URL.format(code="laag_geboortegewicht") + "?limit=3&offset=3").json()
    assert data["count"] == 8
    assert [(v["period"], v["area_code"]) for v in data["results"]] == [
        ("2022", "GM0004"),
        ("2023", "GM0001"),
        ("2023", "GM0002"),
    ]
    assert data["previous"] and data["next"]


def test_an_own_indicator_is_a_404_even_for_its_members(
    client, member, coalition, municipality, own_indicator, document
):
    write(own_indicator, [(municipality, "2023", 40, 80)], coalition=coalition)
    client.force_login(member)
    response = client.get(URL.format(code="bereik_voorzorg"))
    assert response.status_code == 404
    assert_matches_declaration(document, PATH, response)
    assert response.json() == {
        "detail": "Er is geen indicator met code ‘bereik_voorzorg’ in de gedeelde catalogus."
    }


def test_an_unknown_indicator_is_a_404(client, db):
    assert client.get(URL.format(code="bestaat_niet")).status_code == 404


@pytest.mark.parametrize(
    "query, name",
    [
        ("level=wijk", "level"),
        ("level=buurt", "level"),
        ("period=2022-Q5", "period"),
        ("period=vorig jaar", "period"),
        ("limit=1001", "limit"),
        ("offset=-1", "offset"),
        ("jaar=2022", "jaar"),
    ],
)
def test_a_wrong_parameter_is_a_400_naming_it(client, national, document, query, name):
    response = client.get(URL.format(code="laag_geboortegewicht") + "?" + query)
    assert response.status_code == 400
    assert f"‘{name}’" in response.json()["detail"]
    assert_matches_declaration(document, PATH, response)


def test_it_works_with_a_personal_token(client, owner, national, bearer):
    url = URL.format(code="laag_geboortegewicht") + "?period=2023"
    response = client.get(url, headers=bearer(owner))
    assert response.status_code == 200
    assert response.json()["count"] == 4


def test_the_openapi_document_describes_it(document):
    operation = document["paths"][PATH]["get"]
    assert {p["name"] for p in operation["parameters"]} == {
        "code",
        "level",
        "period",
        "limit",
        "offset",
    }
    assert {"200", "400", "401", "404"} <= set(operation["responses"])


def test_it_is_a_registered_output_that_shows_the_figures(national, coalition):
    """So ``kansrijk/insight/tests/test_output_paths.py`` checks it for hidden numbers."""
    outputs = {output.name: output for output in registered_outputs()}
    municipal = json.loads(outputs["api:national-values"].render(coalition, national))
    assert municipal["count"] == 8
    assert any(v["suppressed"] for v in municipal["results"])
    land = json.loads(outputs["api:national-values-land"].render(coalition, national))
    assert [v["area_code"] for v in land["results"]] == ["NL01", "NL01"]
