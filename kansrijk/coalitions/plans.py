"""A coalition's monitoring plan: ambition → goal → activity, with linked indicators.

``plan_tree`` reads the whole plan in a fixed number of queries. The ``add_*`` functions put a
new item at the end of its siblings unless a position is given; editing and deleting use the
model forms and ``Model.delete`` directly.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models, transaction
from django.db.models import Prefetch

from kansrijk.catalog.models import Indicator

from .models import Activity, Ambition, Coalition, Goal, Partner, PlanIndicator


def plan_tree(coalition: Coalition) -> list[Ambition]:
    """The coalition's ambitions in order, with everything below them prefetched.

    Use ``ambition.goals.all``, ``goal.indicator_links.all``, ``goal.activities.all``,
    ``activity.partners.all`` and ``activity.indicator_links.all``; none of them queries again.
    Six queries at most, however large the plan.
    """
    links = PlanIndicator.objects.select_related("indicator").order_by("id")
    activities = Activity.objects.prefetch_related(
        Prefetch("partners", queryset=Partner.objects.order_by("name")),
        Prefetch("indicator_links", queryset=links),
    )
    goals = Goal.objects.prefetch_related(
        Prefetch("indicator_links", queryset=links),
        Prefetch("activities", queryset=activities),
    )
    return list(coalition.ambitions.prefetch_related(Prefetch("goals", queryset=goals)))


def _next_position(siblings: models.QuerySet) -> int:
    highest = siblings.aggregate(highest=models.Max("position"))["highest"]
    return 0 if highest is None else highest + 1


def add_ambition(
    coalition: Coalition, *, title: str, description: str = "", position: int | None = None
) -> Ambition:
    if position is None:
        position = _next_position(coalition.ambitions.all())
    return Ambition.objects.create(
        coalition=coalition, title=title, description=description, position=position
    )


def add_goal(
    ambition: Ambition, *, title: str, description: str = "", position: int | None = None
) -> Goal:
    if position is None:
        position = _next_position(ambition.goals.all())
    return Goal.objects.create(
        ambition=ambition, title=title, description=description, position=position
    )


@transaction.atomic
def add_activity(
    goal: Goal,
    *,
    title: str,
    description: str = "",
    partners: Iterable[Partner] = (),
    position: int | None = None,
) -> Activity:
    if position is None:
        position = _next_position(goal.activities.all())
    activity = Activity.objects.create(
        goal=goal, title=title, description=description, position=position
    )
    activity.partners.set(partners)
    return activity


def link_indicator(
    *,
    indicator: Indicator,
    goal: Goal | None = None,
    activity: Activity | None = None,
    direction: str = "",
    baseline_value: float | None = None,
    baseline_year: int | None = None,
    target_value: float | None = None,
    target_year: int | None = None,
) -> PlanIndicator:
    """Link an indicator to a goal or to an activity (exactly one of them).

    Without a direction the link takes the indicator's own desired direction.
    """
    if (goal is None) == (activity is None):
        raise ValueError("Link an indicator to a goal or to an activity, not both or neither.")
    return PlanIndicator.objects.create(
        goal=goal,
        activity=activity,
        indicator=indicator,
        direction=direction or indicator.direction,
        baseline_value=baseline_value,
        baseline_year=baseline_year,
        target_value=target_value,
        target_year=target_year,
    )


def is_linked(
    indicator: Indicator,
    *,
    goal: Goal | None = None,
    activity: Activity | None = None,
    exclude: PlanIndicator | None = None,
) -> bool:
    """Whether the indicator is already linked to this goal or activity (apart from ``exclude``)."""
    links = PlanIndicator.objects.filter(indicator=indicator, goal=goal, activity=activity)
    if exclude is not None and exclude.pk:
        links = links.exclude(pk=exclude.pk)
    return links.exists()
