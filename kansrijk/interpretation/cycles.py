"""Monitoring rounds (cycles) and closing the learning loop.

A coalition works in cycles ("Monitor 2025"): each records the state of the data it used,
holds one or more sessions, and ends with conclusions, actions and plan changes. Starting the
next cycle looks back: the previous cycle's conclusions and actions with their status, beside
how the linked indicators moved since (``review_cycle``). Unfinished actions can be carried
over: each becomes a new action of the new cycle, at the level of the cycle (it has no
session yet), pointing back to the old one (``carried_over_from``). The old action keeps its
status as the record of the old cycle; an action that has been carried over no longer counts
as open, its continuation does.

The functions here, with ``preparing.prepare_session`` and ``recording.record_conclusion`` /
``record_action``, are what the pages, the demo and the tests call.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Exists, F, Func, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from kansrijk.coalitions.models import Coalition
from kansrijk.insight.versioning import current_data_version

from .models import UNFINISHED, Action, Conclusion, Cycle, Session
from .movement import Movement, cycle_movement, linked_movements
from .preparing import prepare_session
from .recording import record_action, record_conclusion

HELD_ON = F("held_on").asc(nulls_last=True)  # sessions by date, those without one last


class CycleError(ValueError):
    """A cycle cannot be started or closed like this."""


@dataclass
class TimelineEntry:
    cycle: Cycle
    sessions: list[Session]
    conclusion_count: int
    action_count: int
    open_action_count: int


@dataclass
class ReviewItem:
    """A conclusion or an action of a cycle, with the movement of its linked indicators."""

    item: Conclusion | Action
    movements: list[Movement] = field(default_factory=list)


@dataclass
class CycleReview:
    cycle: Cycle
    conclusions: list[ReviewItem]
    actions: list[ReviewItem]
    movements: list[Movement]

    @property
    def carriable(self) -> list[Action]:
        return [entry.item for entry in self.actions if is_carriable(entry.item)]


# Reading ---------------------------------------------------------------------------------


def latest_cycle(coalition: Coalition) -> Cycle | None:
    return coalition.cycles.order_by("-started_on", "-id").first()


def timeline(coalition: Coalition) -> list[TimelineEntry]:
    """The coalition's cycles from the first to the latest, with their sessions and counts
    (three queries, however many cycles)."""
    cycles = (
        coalition.cycles.annotate(
            conclusion_count=_count(Conclusion.objects.filter(session__cycle=OuterRef("pk"))),
            action_count=_count(Action.objects.filter(cycle=OuterRef("pk"))),
            open_action_count=_count(
                Action.objects.filter(cycle=OuterRef("pk"), status__in=UNFINISHED).filter(
                    _not_carried_over()
                )
            ),
        )
        .prefetch_related(Prefetch("sessions", queryset=Session.objects.order_by(HELD_ON, "id")))
        .order_by("started_on", "id")
    )
    return [
        TimelineEntry(
            cycle=cycle,
            sessions=list(cycle.sessions.all()),
            conclusion_count=cycle.conclusion_count,
            action_count=cycle.action_count,
            open_action_count=cycle.open_action_count,
        )
        for cycle in cycles
    ]


def _count(rows: QuerySet) -> Coalesce:
    """The number of ``rows`` as a subquery (an annotation of the outer row)."""
    counted = rows.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted), 0)


def _not_carried_over() -> Exists:
    return ~Exists(Action.objects.filter(carried_over_from=OuterRef("pk")))


def is_carriable(action: Action) -> bool:
    """Unfinished and not carried over yet (reads ``continuations``: prefetch it)."""
    return action.is_unfinished and not action.continuations.all()


def cycle_actions(cycle: Cycle) -> QuerySet[Action]:
    """The cycle's actions: carried-over ones first, then by session and order of entry."""
    return (
        cycle.actions.select_related("session", "goal", "activity__goal", "carried_over_from")
        .prefetch_related("continuations__cycle")
        .order_by(F("session_id").asc(nulls_first=True), "id")
    )


def cycle_conclusions(cycle: Cycle) -> QuerySet[Conclusion]:
    return (
        Conclusion.objects.filter(session__cycle=cycle)
        .select_related("session", "indicator", "goal")
        .order_by(F("session__held_on").asc(nulls_last=True), "session_id", "id")
    )


def open_actions(coalition: Coalition) -> QuerySet[Action]:
    """Actions still open or in progress in any cycle (carried-over originals excluded), the
    earliest deadline first (one query)."""
    return (
        Action.objects.filter(cycle__coalition=coalition, status__in=UNFINISHED)
        .filter(_not_carried_over())
        .select_related("cycle", "session", "goal", "activity")
        .order_by(F("due_on").asc(nulls_last=True), "id")
    )


def review_cycle(cycle: Cycle) -> CycleReview:
    """The cycle's conclusions and actions with their status, beside how the indicators of
    its sessions moved since they were prepared."""
    movements = cycle_movement(cycle)
    conclusions = [
        ReviewItem(c, linked_movements(movements, indicator=c.indicator, goal=c.goal))
        for c in cycle_conclusions(cycle)
    ]
    actions = [
        ReviewItem(a, linked_movements(movements, goal=a.goal, activity=a.activity))
        for a in cycle_actions(cycle)
    ]
    return CycleReview(cycle, conclusions, actions, movements)


# Writing ---------------------------------------------------------------------------------


@transaction.atomic
def start_cycle(
    coalition: Coalition,
    title: str,
    started_on: date,
    previous: Cycle | None = None,
    *,
    data_note: str = "",
    carry_over: Iterable[Action] = (),
    close_previous: bool = False,
) -> Cycle:
    """A new cycle, after ``previous`` (if any): records the data version it starts with,
    carries over the chosen unfinished actions of the previous cycle and, with
    ``close_previous``, closes the previous cycle on the new start date if it is still open."""
    if previous is not None:
        if previous.coalition_id != coalition.id:
            raise CycleError("The previous cycle belongs to another coalition.")
        if started_on < previous.started_on:
            raise CycleError("The next cycle cannot start before the previous one.")
    carry_over = list(carry_over)
    if carry_over and previous is None:
        raise CycleError("Only actions of the previous cycle can be carried over.")
    cycle = Cycle.objects.create(
        coalition=coalition,
        title=title,
        started_on=started_on,
        previous=previous,
        data_note=data_note,
        data_version=current_data_version(),
    )
    if carry_over:
        carry_over_actions(carry_over, cycle)
    if close_previous and previous is not None and previous.closed_on is None:
        close_cycle(previous, started_on)
    return cycle


def carry_over_actions(actions: Iterable[Action], cycle: Cycle) -> list[Action]:
    """Copy unfinished actions of the previous cycle into ``cycle`` (what, who, by when, goal,
    activity and status), each pointing back to its original."""
    actions = list(actions)
    for action in actions:
        if cycle.previous_id is None or action.cycle_id != cycle.previous_id:
            raise CycleError("Only actions of the previous cycle can be carried over.")
        if not action.is_unfinished:
            raise CycleError("Only open actions and actions in progress can be carried over.")
        if Action.objects.filter(carried_over_from=action).exists():
            raise CycleError("This action has already been carried over.")
    return [
        record_action(
            cycle,
            action.what,
            who=action.who,
            due_on=action.due_on,
            goal=action.goal,
            activity=action.activity,
            status=action.status,
            carried_over_from=action,
        )
        for action in actions
    ]


def close_cycle(cycle: Cycle, closed_on: date, plan_changes: str | None = None) -> Cycle:
    """Close the cycle; ``plan_changes`` records the changes to the plan that follow from it."""
    if closed_on < cycle.started_on:
        raise CycleError("A cycle cannot close before it started.")
    cycle.closed_on = closed_on
    fields = ["closed_on"]
    if plan_changes is not None:
        cycle.plan_changes = plan_changes
        fields.append("plan_changes")
    cycle.save(update_fields=fields)
    return cycle


# For the demo and scripts: the whole cycle API in one place.
__all__ = [
    "CycleError",
    "CycleReview",
    "carry_over_actions",
    "close_cycle",
    "latest_cycle",
    "open_actions",
    "prepare_session",
    "record_action",
    "record_conclusion",
    "review_cycle",
    "start_cycle",
    "timeline",
]
