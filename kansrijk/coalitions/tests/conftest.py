"""Fixtures for the coalition pages: a small plan in ``coalition`` and a look-alike one in
``other_coalition`` (the outsider's), so every test can try to reach across."""

import pytest

from kansrijk.coalitions.models import Membership
from kansrijk.testing.factories import (
    ActivityFactory,
    AmbitionFactory,
    GoalFactory,
    IndicatorFactory,
    PartnerFactory,
    PlanIndicatorFactory,
)


@pytest.fixture
def partner(coalition):
    return PartnerFactory(
        coalition=coalition, name="Verloskundigenpraktijk De Wieg", domain="medical"
    )


@pytest.fixture
def ambition(coalition):
    return AmbitionFactory(coalition=coalition, title="Ieder kind een kansrijke start")


@pytest.fixture
def goal(ambition):
    return GoalFactory(ambition=ambition, title="Minder kinderen met een laag geboortegewicht")


@pytest.fixture
def activity(goal, partner):
    activity = ActivityFactory(goal=goal, title="Prenataal huisbezoek")
    activity.partners.add(partner)
    return activity


@pytest.fixture
def goal_link(goal, indicator):
    return PlanIndicatorFactory(
        goal=goal, indicator=indicator, baseline_value=8.5, baseline_year=2022, direction="lower"
    )


@pytest.fixture
def activity_link(activity):
    indicator = IndicatorFactory(code="phb_bereik", name_nl="Bereik prenataal huisbezoek")
    return PlanIndicatorFactory(
        goal=None, activity=activity, indicator=indicator, direction="higher"
    )


@pytest.fixture
def membership(member, coalition):
    """The viewer's membership: the one coordinators change or remove in the member pages."""
    return Membership.objects.get(user=member, coalition=coalition)


@pytest.fixture
def foreign_plan(other_coalition, outsider):
    """The same kind of objects in the outsider's coalition."""
    partner = PartnerFactory(coalition=other_coalition, name="Kraamzorg Elders")
    ambition = AmbitionFactory(coalition=other_coalition)
    goal = GoalFactory(ambition=ambition)
    activity = ActivityFactory(goal=goal)
    goal_link = PlanIndicatorFactory(goal=goal)
    membership = Membership.objects.get(user=outsider, coalition=other_coalition)
    return {
        "ambition_id": ambition.pk,
        "goal_id": goal.pk,
        "activity_id": activity.pk,
        "link_id": goal_link.pk,
        "partner_id": partner.pk,
        "membership_id": membership.pk,
    }
