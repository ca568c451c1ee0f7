"""Fixtures for the API tests: a small plan, a few areas with a boundary, own indicators of
both coalitions, and a way to call the API with a personal token."""

import pytest

from kansrijk.api.tokens import create_token
from kansrijk.areas.models import Geometry, Level
from kansrijk.catalog.models import Source, Theme
from kansrijk.testing.factories import (
    ActivityFactory,
    AmbitionFactory,
    AreaFactory,
    GoalFactory,
    IndicatorFactory,
    PartnerFactory,
    PlanIndicatorFactory,
)

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[5.0, 52.0], [5.1, 52.0], [5.1, 52.1], [5.0, 52.1], [5.0, 52.0]]],
}


@pytest.fixture
def shared_indicator(db):
    theme = Theme.objects.create(code="birth_outcomes", name_nl="Uitkomsten rond de geboorte")
    indicator = IndicatorFactory(
        code="big2",
        name_nl="BIG2",
        definition="Te vroeg en/of te klein geboren.",
        phase="birth",
        indicator_set="basisset",
        lowest_level="gemeente",
    )
    indicator.themes.add(theme)
    Source.objects.create(indicator=indicator, provider="Perined", table="Perinatale registratie")
    return indicator


@pytest.fixture
def own_indicator(coalition):
    return IndicatorFactory(
        code="bereik_voorzorg", name_nl="Bereik VoorZorg", coalition=coalition, phase="programme"
    )


@pytest.fixture
def foreign_indicator(other_coalition):
    return IndicatorFactory(
        code="geheim_elders", name_nl="Geheime indicator van Elders", coalition=other_coalition
    )


@pytest.fixture
def plan(coalition, shared_indicator, own_indicator):
    """Ambition → goal (with a linked indicator) → activity (with a partner and an indicator)."""
    partner = PartnerFactory(coalition=coalition, name="Verloskundigenpraktijk De Wieg")
    ambition = AmbitionFactory(coalition=coalition, title="Ieder kind een kansrijke start")
    goal = GoalFactory(ambition=ambition, title="Minder kinderen met een laag geboortegewicht")
    activity = ActivityFactory(goal=goal, title="Prenataal huisbezoek")
    activity.partners.add(partner)
    PlanIndicatorFactory(
        goal=goal,
        indicator=shared_indicator,
        baseline_value=8.5,
        baseline_year=2022,
        target_value=7.0,
        target_year=2026,
        direction="lower",
    )
    PlanIndicatorFactory(goal=None, activity=activity, indicator=own_indicator, direction="higher")
    return ambition


@pytest.fixture
def areas(municipality):
    """Voorbeeldstad (GM9999) with two wijken, one buurt, and a boundary of 2023."""
    wijk = AreaFactory(
        code="WK999901", name="Centrum", level=Level.DISTRICT, parent=municipality, valid_from=2020
    )
    AreaFactory(code="WK999902", name="Noord", level=Level.DISTRICT, parent=municipality)
    AreaFactory(code="BU99990101", name="Oude Haven", level=Level.NEIGHBOURHOOD, parent=wijk)
    AreaFactory(code="GM9998", name="Anderdorp", level=Level.MUNICIPALITY, valid_to=2021)
    Geometry.objects.create(area=municipality, year=2022, geojson=SQUARE)
    Geometry.objects.create(area=municipality, year=2023, geojson=SQUARE, source="test")
    return municipality


@pytest.fixture
def bearer():
    """``bearer(user)`` → headers for the test client with a new personal token of ``user``."""

    def headers(user, **kwargs):
        secret = create_token(user, kwargs.pop("name", "test"), **kwargs).secret
        return {"Authorization": f"Bearer {secret}"}

    return headers
