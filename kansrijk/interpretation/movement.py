"""How a cycle's indicators moved since its sessions were prepared.

For every indicator in a cycle's sessions, the figures of the first snapshot that holds it
(``then``) stand beside today's figures (``now``): the latest value then and now, the periods
that came in since, and whether the verdict changed. Both sides are published figures
(``snapshots.Figures``), so nothing here shows a number the figures pages may not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q

from kansrijk.catalog.models import Indicator
from kansrijk.coalitions.models import PlanIndicator

from .models import Cycle
from .snapshots import TOLERANCE, Figures, current_figures, snapshot_figures

UP, DOWN, SAME = "up", "down", "same"


@dataclass
class Movement:
    code: str
    name: str
    unit: str
    then: Figures
    now: Figures | None
    session_title: str = ""  # the session whose snapshot is ``then``
    goal_ids: list[int] = field(default_factory=list)  # goals the indicator is linked to

    @property
    def change(self) -> str:
        """UP, DOWN or SAME between the latest published values; "" when one is missing."""
        if self.now is None or self.then.latest is None or self.now.latest is None:
            return ""
        before, after = self.then.latest, self.now.latest
        if not (before.is_published and after.is_published):
            return ""
        if before.value is None or after.value is None:
            return ""
        if abs(after.value - before.value) <= TOLERANCE:
            return SAME
        return UP if after.value > before.value else DOWN

    @property
    def new_periods(self) -> list[str]:
        if self.now is None:
            return []
        return [
            period
            for period in self.now.periods
            if period not in self.then.periods and period > self.then.latest_period
        ]

    @property
    def verdict_changed(self) -> bool:
        return self.now is not None and self.now.judgement != self.then.judgement

    def as_data(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "unit": self.unit,
            "session": self.session_title,
            "then": self.then.as_data(),
            "now": self.now.as_data() if self.now is not None else None,
            "change": self.change,
            "new_periods": self.new_periods,
            "verdict_changed": self.verdict_changed,
        }


def first_figures(cycle: Cycle) -> dict[str, tuple[Figures, str]]:
    """Code → (figures, session title) from the earliest snapshot in the cycle holding it."""
    found: dict[str, tuple[Figures, str]] = {}
    sessions = cycle.sessions.exclude(prepared_at__isnull=True).order_by("prepared_at", "id")
    for session in sessions:
        for code, figures in snapshot_figures(session).items():
            found.setdefault(code, (figures, session.title))
    return found


def _goals_per_indicator(coalition, codes: Iterable[str]) -> dict[str, list[int]]:
    """Code → the goals of the plan the indicator is linked to (directly or by an activity)."""
    links = PlanIndicator.objects.filter(
        Q(goal__ambition__coalition=coalition) | Q(activity__goal__ambition__coalition=coalition),
        indicator__code__in=list(codes),
    ).values_list("indicator__code", "goal_id", "activity__goal_id")
    found: dict[str, list[int]] = {}
    for code, goal_id, activity_goal_id in links.order_by("id"):
        goal_ids = found.setdefault(code, [])
        if (goal_id or activity_goal_id) not in goal_ids:
            goal_ids.append(goal_id or activity_goal_id)
    return found


def cycle_movement(cycle: Cycle) -> list[Movement]:
    """Every indicator of the cycle's sessions: its figures then and now, by name."""
    first = first_figures(cycle)
    if not first:
        return []
    coalition = cycle.coalition
    indicators = Indicator.objects.filter(code__in=list(first)).filter(
        Q(coalition__isnull=True) | Q(coalition=coalition)
    )
    now = current_figures(coalition, indicators)
    goals = _goals_per_indicator(coalition, first)
    movements = [
        Movement(
            code=code,
            name=figures.name,
            unit=figures.unit,
            then=figures,
            now=now.get(code),
            session_title=title,
            goal_ids=goals.get(code, []),
        )
        for code, (figures, title) in first.items()
    ]
    return sorted(movements, key=lambda movement: (movement.name.lower(), movement.code))


def linked_movements(
    movements: Iterable[Movement], *, indicator=None, goal=None, activity=None
) -> list[Movement]:
    """The movements that belong to a conclusion or an action: of its indicator, of the
    indicators linked to its goal, or to its activity's goal."""
    goal_ids = {g.pk for g in (goal, getattr(activity, "goal", None)) if g is not None}
    code = indicator.code if indicator is not None else None
    return [m for m in movements if m.code == code or goal_ids & set(m.goal_ids)]
