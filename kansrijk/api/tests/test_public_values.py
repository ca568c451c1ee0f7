"""``/api/v1/coalitions/{slug}/indicators/{code}/values`` for callers who are not members:
only what a coalition published on its public page (``kansrijk.dashboards.publication``).

Anonymous callers get a 401 for everything else, whether or not the coalition or the
indicator exists; signed-in outsiders keep getting a 404; members see everything, as before.
"""

import pytest
from django.core.cache import cache

from kansrijk.areas.models import Level
from kansrijk.dashboards.composing import close_public_page, open_public_page, publish
from kansrijk.testing.factories import (
    AreaFactory,
    GoalFactory,
    IndicatorFactory,
    PlanIndicatorFactory,
)

from .test_openapi import assert_matches_declaration
from .test_values import write

PATH = "/api/v1/coalitions/{slug}/indicators/{code}/values"
URL = "/api/v1/coalitions/{slug}/indicators/{code}/values"
YEARS = ["2022", "2023", "2024"]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def figures(coalition, municipality):
    """Two plan indicators with figures for Voorbeeldstad and its wijk Centrum."""
    wijk = AreaFactory(code="WK999901", name="Centrum", level=Level.DISTRICT, parent=municipality)
    goal = GoalFactory(ambition__coalition=coalition)
    found = {}
    for code, (num, den) in {"openbaar": (431, 2917), "geheim": (587, 3119)}.items():
        indicator = IndicatorFactory(code=code, unit="percentage", lowest_level="wijk")
        PlanIndicatorFactory(goal=goal, indicator=indicator)
        rows = []
        for shift, year in enumerate(YEARS):
            rows.append((municipality, year, num + shift, den))
            rows.append((wijk, year, 211 + shift, 1409))
        write(indicator, rows)
        found[code] = indicator
    return found


@pytest.fixture
def published(coalition, figures):
    publish(coalition, figures["openbaar"])
    open_public_page(coalition)
    return figures["openbaar"]


@pytest.fixture
def document(client, db):
    return client.get("/api/v1/openapi.json").json()


def url(code, slug="voorbeeldstad", level=""):
    return URL.format(slug=slug, code=code) + (f"?level={level}" if level else "")


def test_anyone_gets_the_municipal_figures_of_a_published_indicator(client, published, document):
    response = client.get(url("openbaar"))

    assert response.status_code == 200
    assert_matches_declaration(document, PATH, response)
    data = response.json()
    assert [(v["area_code"], v["period"]) for v in data["values"]] == [
        ("GM9999", year) for year in YEARS
    ]
    assert data["values"][-1]["numerator"] == 433
    assert data["values"][-1]["verdict"] is not None


def test_anonymous_callers_get_no_wijken_unless_they_are_published(client, coalition, published):
    assert client.get(url("openbaar", level="wijk")).json()["values"] == []

    publish(coalition, published, show_wijken=True)
    values = client.get(url("openbaar", level="wijk")).json()["values"]

    assert [(v["area_code"], v["numerator"]) for v in values] == [
        ("WK999901", 211),
        ("WK999901", 212),
        ("WK999901", 213),
    ]


@pytest.mark.parametrize(
    ("slug", "code"),
    [
        ("voorbeeldstad", "geheim"),  # in the plan, not published
        ("voorbeeldstad", "bestaat-niet"),
        ("bestaat-niet", "openbaar"),
        ("elders", "openbaar"),  # another coalition, page on, nothing published
    ],
)
def test_anything_unpublished_is_the_same_401_for_anonymous_callers(
    client, published, other_coalition, slug, code, document
):
    open_public_page(other_coalition)
    reference = client.get(url("geheim"))

    response = client.get(url(code, slug=slug))

    assert response.status_code == 401
    assert response.json() == reference.json()
    assert "587" not in response.content.decode()
    assert_matches_declaration(document, PATH, response)


def test_a_closed_public_page_publishes_nothing(client, coalition, published):
    close_public_page(coalition)

    assert client.get(url("openbaar")).status_code == 401


def test_a_member_still_sees_every_indicator_and_every_wijk(client, member, published):
    client.force_login(member)

    secret = client.get(url("geheim"))
    wijken = client.get(url("openbaar", level="wijk"))

    assert secret.status_code == 200
    assert secret.json()["values"][-1]["numerator"] == 589
    assert [v["area_code"] for v in wijken.json()["values"]] == ["WK999901"] * 3


def test_a_signed_in_outsider_sees_the_published_figures_and_nothing_else(
    client, outsider, published, bearer
):
    headers = bearer(outsider)

    shown = client.get(url("openbaar"), headers=headers)
    hidden = client.get(url("geheim"), headers=headers)
    wijken = client.get(url("openbaar", level="wijk"), headers=headers)

    assert shown.status_code == 200
    assert shown.json()["values"][-1]["numerator"] == 433
    assert hidden.status_code == 404
    assert wijken.json()["values"] == []


def test_a_wrong_token_is_a_401_even_for_a_published_indicator(client, published):
    response = client.get(url("openbaar"), headers={"Authorization": "Bearer kr_fout"})

    assert response.status_code == 401
