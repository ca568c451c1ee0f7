import pytest

from kansrijk.coalitions import plans
from kansrijk.testing.factories import (
    ActivityFactory,
    AmbitionFactory,
    GoalFactory,
    IndicatorFactory,
    PartnerFactory,
    PlanIndicatorFactory,
)


def test_plan_tree_orders_every_level_by_position_then_creation(coalition):
    late = AmbitionFactory(coalition=coalition, title="B", position=1)
    early = AmbitionFactory(coalition=coalition, title="A", position=0)
    tie = AmbitionFactory(coalition=coalition, title="C", position=1)
    GoalFactory(ambition=early, title="A2", position=2)
    GoalFactory(ambition=early, title="A1", position=1)
    tree = plans.plan_tree(coalition)
    assert tree == [early, late, tie]
    assert [goal.title for goal in tree[0].goals.all()] == ["A1", "A2"]


def test_plan_tree_leaves_out_other_coalitions(coalition, other_coalition):
    AmbitionFactory(coalition=other_coalition)
    assert plans.plan_tree(coalition) == []


def test_plan_tree_reads_the_whole_plan_in_six_queries(coalition, django_assert_num_queries):
    partner = PartnerFactory(coalition=coalition)
    for _ in range(3):
        goal = GoalFactory(ambition=AmbitionFactory(coalition=coalition))
        PlanIndicatorFactory(goal=goal)
        activity = ActivityFactory(goal=goal)
        activity.partners.add(partner)
        PlanIndicatorFactory(goal=None, activity=activity)
    with django_assert_num_queries(6):
        tree = plans.plan_tree(coalition)
        for ambition in tree:
            for goal in ambition.goals.all():
                [link.indicator.name_nl for link in goal.indicator_links.all()]
                for activity in goal.activities.all():
                    [partner.name for partner in activity.partners.all()]
                    [link.indicator.name_nl for link in activity.indicator_links.all()]


def test_add_ambition_puts_the_first_one_at_position_zero(coalition):
    assert plans.add_ambition(coalition, title="Eerste").position == 0


def test_add_ambition_puts_a_new_one_after_the_last(coalition):
    AmbitionFactory(coalition=coalition, position=5)
    assert plans.add_ambition(coalition, title="Nieuw").position == 6


def test_add_goal_counts_positions_within_its_ambition_only(coalition, ambition):
    GoalFactory(ambition=AmbitionFactory(coalition=coalition), position=9)
    assert plans.add_goal(ambition, title="Doel").position == 0


def test_add_activity_stores_its_partners(goal, partner):
    activity = plans.add_activity(goal, title="Huisbezoek", partners=[partner])
    assert list(activity.partners.all()) == [partner]


def test_link_indicator_takes_the_indicators_direction_by_default(goal):
    indicator = IndicatorFactory(direction="higher")
    assert plans.link_indicator(goal=goal, indicator=indicator).direction == "higher"


def test_link_indicator_keeps_a_chosen_direction(goal):
    indicator = IndicatorFactory(direction="higher")
    assert (
        plans.link_indicator(goal=goal, indicator=indicator, direction="none").direction == "none"
    )


@pytest.mark.parametrize("both", [True, False])
def test_link_indicator_needs_exactly_one_of_goal_and_activity(goal, activity, indicator, both):
    with pytest.raises(ValueError):
        if both:
            plans.link_indicator(goal=goal, activity=activity, indicator=indicator)
        else:
            plans.link_indicator(indicator=indicator)


def test_is_linked_sees_a_link_on_the_same_goal_only(goal, goal_link, indicator, ambition):
    assert plans.is_linked(indicator, goal=goal)
    assert not plans.is_linked(indicator, goal=GoalFactory(ambition=ambition))
    assert not plans.is_linked(indicator, goal=goal, exclude=goal_link)
