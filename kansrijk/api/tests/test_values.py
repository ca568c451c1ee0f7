"""``/api/v1/coalitions/{slug}/indicators/{code}/values``: the figures of the insight pages,
after small-number protection, for members only."""

import json
import re

import pytest
from django.core.cache import cache

from kansrijk.areas.models import Level
from kansrijk.observations.importing import ObservationRow, save_observations
from kansrijk.observations.models import ImportBatch, SourceKind
from kansrijk.testing.factories import AreaFactory, IndicatorFactory, PlanIndicatorFactory

from .test_openapi import assert_matches_declaration

URL = "/api/v1/coalitions/voorbeeldstad/indicators/{code}/values"
YEARS = ["2020", "2021", "2022"]
# (numerator, denominator) per wijk and year; 3 of 40 in Centrum in 2022 is below the threshold.
WIJK_FIGURES = {
    "WK999901": [(30, 400), (28, 390), (3, 40)],
    "WK999902": [(52, 410), (50, 420), (48, 430)],
    "WK999903": [(61, 500), (63, 510), (66, 520)],
}
WIJK_NAMES = {"WK999901": "Centrum", "WK999902": "Noord", "WK999903": "Haven"}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def write(indicator, rows, coalition=None):
    batch = ImportBatch.objects.create(
        kind=SourceKind.REGISTRATION if coalition else SourceKind.CBS,
        source_name="CBS StatLine",
        table_or_file="t1",
        coalition=coalition,
    )
    save_observations(
        batch,
        [
            ObservationRow(indicator.id, area.id, period, num, den, None)
            for area, period, num, den in rows
        ],
        {indicator.id: indicator.unit},
    )


@pytest.fixture
def wijk_indicator(coalition, municipality):
    """A percentage with figures for Voorbeeldstad and its three wijken, in the plan."""
    indicator = IndicatorFactory(
        code="kleine_wijk",
        name_nl="Kleine wijk",
        unit="percentage",
        direction="lower",
        lowest_level="wijk",
        min_count=10,
    )
    PlanIndicatorFactory(goal__ambition__coalition=coalition, indicator=indicator)
    rows = []
    for code, figures in WIJK_FIGURES.items():
        wijk = AreaFactory(
            code=code, name=WIJK_NAMES[code], level=Level.DISTRICT, parent=municipality
        )
        rows += [(wijk, year, num, den) for year, (num, den) in zip(YEARS, figures, strict=True)]
    for index, year in enumerate(YEARS):
        num = sum(figures[index][0] for figures in WIJK_FIGURES.values())
        den = sum(figures[index][1] for figures in WIJK_FIGURES.values())
        rows.append((municipality, year, num, den))
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


def test_it_gives_a_member_the_municipal_figures_with_verdict_and_source(
    client, member, wijk_indicator, document
):
    client.force_login(member)
    response = client.get(URL.format(code="kleine_wijk"))
    assert response.status_code == 200
    assert_matches_declaration(
        document, "/api/v1/coalitions/{slug}/indicators/{code}/values", response
    )
    data = response.json()
    assert (data["indicator"], data["level"], data["period"]) == ("kleine_wijk", "gemeente", None)
    assert data["periods"] == YEARS
    assert [(v["area_code"], v["period"]) for v in data["values"]] == [
        ("GM9999", year) for year in YEARS
    ]
    latest = data["values"][-1]
    assert (latest["numerator"], latest["denominator"]) == (117, 990)
    assert latest["value"] == pytest.approx(100 * 117 / 990)
    assert latest["lower"] < latest["value"] < latest["upper"]
    assert latest["suppressed"] is False
    assert latest["verdict"] in {"gunstig", "ongunstig", "geen duidelijke verandering"}
    assert latest["verdict_basis"]
    assert latest["source"].startswith("Bron: CBS StatLine t1")


def test_a_small_wijk_count_is_suppressed_and_appears_nowhere(
    client, member, wijk_indicator, document
):
    client.force_login(member)
    response = client.get(URL.format(code="kleine_wijk") + "?level=wijk&period=2022")
    assert response.status_code == 200
    assert_matches_declaration(
        document, "/api/v1/coalitions/{slug}/indicators/{code}/values", response
    )
    data = response.json()
    values = {v["area_code"]: v for v in data["values"]}
    assert set(values) == set(WIJK_FIGURES)
    assert all(v["period"] == "2022" and v["verdict"] is None for v in values.values())
    small = values["WK999901"]
    assert small["suppressed"] is True
    fields = ["numerator", "denominator", "value", "lower", "upper"]
    assert [small[name] for name in fields] == [None] * 5
    # Neither the count nor its percentage (7.5) can be read anywhere, nor worked out from
    # the other wijken: at least one of them is hidden as well.
    assert sum(v["suppressed"] for v in values.values()) >= 2
    assert 3 not in _numbers(data) and 7.5 not in _numbers(data)
    text = json.dumps({**data, "values": [{**v, "source": ""} for v in data["values"]]})
    assert not re.search(r"(?<![\d.])3(\.0+)?(?![\d.])", text)
    assert "7.5" not in text


def test_level_wijk_and_gemeente_give_different_areas(client, member, wijk_indicator):
    client.force_login(member)
    url = URL.format(code="kleine_wijk")
    gemeente = client.get(url + "?level=gemeente").json()["values"]
    wijk = client.get(url + "?level=wijk").json()["values"]
    assert {v["area_code"] for v in gemeente} == {"GM9999"}
    assert {v["area_code"] for v in wijk} == set(WIJK_FIGURES)
    assert len(wijk) == 3 * len(YEARS)


def test_a_period_without_figures_gives_no_values(client, member, wijk_indicator):
    client.force_login(member)
    response = client.get(URL.format(code="kleine_wijk") + "?period=2018/2022")
    assert response.status_code == 200
    assert response.json()["values"] == []


@pytest.mark.parametrize(
    "query, name",
    [("level=buurt", "level"), ("period=2022-Q5", "period"), ("period=vorig jaar", "period")],
)
def test_a_wrong_parameter_is_a_400_naming_it(client, member, wijk_indicator, query, name):
    client.force_login(member)
    response = client.get(URL.format(code="kleine_wijk") + "?" + query)
    assert response.status_code == 400
    assert f"‘{name}’" in response.json()["detail"]


def test_it_asks_anonymous_callers_to_sign_in(client, wijk_indicator):
    assert client.get(URL.format(code="kleine_wijk")).status_code == 401


def test_outsiders_get_a_404(client, outsider, wijk_indicator):
    client.force_login(outsider)
    response = client.get(URL.format(code="kleine_wijk"))
    assert response.status_code == 404
    assert response.json() == {"detail": "Er is geen coalitie ‘voorbeeldstad’ waarvan u lid bent."}


def test_another_coalitions_own_indicator_is_a_404(client, member, foreign_indicator):
    client.force_login(member)
    response = client.get(URL.format(code="geheim_elders"))
    assert response.status_code == 404
    assert response.json() == {"detail": "Er is geen indicator met code ‘geheim_elders’."}
    assert client.get(URL.format(code="bestaat_niet")).status_code == 404


def test_the_coalitions_own_indicator_is_there_for_its_members(
    client, member, coalition, own_indicator, municipality
):
    write(own_indicator, [(municipality, "2023", 40, 80)], coalition=coalition)
    client.force_login(member)
    response = client.get(URL.format(code="bereik_voorzorg"))
    assert response.status_code == 200
    (value,) = response.json()["values"]
    assert (value["area_code"], value["period"], value["numerator"]) == ("GM9999", "2023", 40)


def test_it_works_with_a_personal_token(client, owner, wijk_indicator, bearer):
    response = client.get(URL.format(code="kleine_wijk") + "?period=2021", headers=bearer(owner))
    assert response.status_code == 200
    assert [v["period"] for v in response.json()["values"]] == ["2021"]
