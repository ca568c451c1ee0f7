"""The helpers added to access.py: objects are only found through their own coalition."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from kansrijk.coalitions import access
from kansrijk.testing.factories import (
    ActivityFactory,
    GoalFactory,
    MembershipFactory,
    PartnerFactory,
    PlanIndicatorFactory,
    UserFactory,
)


def test_memberships_of_lists_the_users_coalitions(owner, coalition):
    assert [m.coalition for m in access.memberships_of(owner)] == [coalition]


def test_memberships_of_is_empty_for_anonymous_users():

    assert list(access.memberships_of(AnonymousUser())) == []


def test_get_membership_for_member_hides_the_coalition_from_outsiders(outsider, coalition):
    with pytest.raises(Http404):
        access.get_membership_for_member(outsider, coalition.slug)


def test_get_goal_finds_a_goal_of_the_coalition(coalition, goal):
    assert access.get_goal(coalition, goal.pk) == goal


@pytest.mark.parametrize(
    "getter, make",
    [
        (access.get_ambition, lambda c: GoalFactory(ambition__coalition=c).ambition),
        (access.get_goal, lambda c: GoalFactory(ambition__coalition=c)),
        (access.get_activity, lambda c: ActivityFactory(goal__ambition__coalition=c)),
        (access.get_plan_indicator, lambda c: PlanIndicatorFactory(goal__ambition__coalition=c)),
        (
            access.get_plan_indicator,
            lambda c: PlanIndicatorFactory(
                goal=None, activity=ActivityFactory(goal__ambition__coalition=c)
            ),
        ),
        (access.get_partner, lambda c: PartnerFactory(coalition=c)),
        (
            access.get_member,
            lambda c: MembershipFactory(coalition=c, user=UserFactory()),
        ),
    ],
)
def test_objects_of_another_coalition_are_not_found(coalition, other_coalition, getter, make):
    foreign = make(other_coalition)
    with pytest.raises(Http404):
        getter(coalition, foreign.pk)
    assert getter(other_coalition, foreign.pk) == foreign
