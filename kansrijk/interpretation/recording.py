"""Recording a session: notes (what was seen, what explains it), conclusions and actions.

A note answers one of the session's questions, about one of its indicators or the session as
a whole. A conclusion may name an indicator and a goal of the plan. An action says what, who
and by when, may be linked to a goal or an activity, and has a status that is kept up to date
after the session.
"""

from __future__ import annotations

from datetime import date

from kansrijk.coalitions.models import Activity, Goal

from .models import (
    Action,
    ActionStatus,
    Conclusion,
    Cycle,
    NoteKind,
    Session,
    SessionNote,
)


class RecordingError(ValueError):
    """Something of another coalition was linked to a note, conclusion or action."""


def _coalition_id(session_or_cycle: Session | Cycle) -> int:
    cycle = session_or_cycle if isinstance(session_or_cycle, Cycle) else session_or_cycle.cycle
    return cycle.coalition_id


def _check_plan_items(coalition_id: int, goal: Goal | None, activity: Activity | None) -> None:
    if goal is not None and goal.ambition.coalition_id != coalition_id:
        raise RecordingError("The goal belongs to another coalition.")
    if activity is not None and activity.goal.ambition.coalition_id != coalition_id:
        raise RecordingError("The activity belongs to another coalition.")


def _check_indicator(coalition_id: int, indicator) -> None:
    if indicator is not None and indicator.coalition_id not in (None, coalition_id):
        raise RecordingError("The indicator belongs to another coalition.")


def add_note(
    session: Session,
    text: str,
    *,
    kind: str = NoteKind.OBSERVATION,
    indicator=None,
    question: str = "",
    author=None,
) -> SessionNote:
    """A waarneming (observation) or verklaring (explanation) in the session."""
    _check_indicator(_coalition_id(session), indicator)
    return SessionNote.objects.create(
        session=session,
        text=text.strip(),
        kind=NoteKind(kind),
        indicator=indicator,
        question=question.strip(),
        created_by=author if getattr(author, "is_authenticated", False) else None,
    )


def record_conclusion(
    session: Session, text: str, *, indicator=None, goal: Goal | None = None
) -> Conclusion:
    coalition_id = _coalition_id(session)
    _check_indicator(coalition_id, indicator)
    _check_plan_items(coalition_id, goal, None)
    return Conclusion.objects.create(
        session=session, text=text.strip(), indicator=indicator, goal=goal
    )


def record_action(
    session: Session | Cycle,
    what: str,
    *,
    who: str = "",
    due_on: date | None = None,
    goal: Goal | None = None,
    activity: Activity | None = None,
    status: str = ActionStatus.OPEN,
    carried_over_from: Action | None = None,
) -> Action:
    """An action agreed in a session (or, given a cycle, at the level of the cycle)."""
    coalition_id = _coalition_id(session)
    _check_plan_items(coalition_id, goal, activity)
    if isinstance(session, Cycle):
        cycle, session = session, None
    else:
        cycle = session.cycle
    return Action.objects.create(
        cycle=cycle,
        session=session,
        what=what.strip(),
        who=who.strip(),
        due_on=due_on,
        goal=goal,
        activity=activity,
        status=ActionStatus(status),
        carried_over_from=carried_over_from,
    )


def set_action_status(action: Action, status: str) -> Action:
    action.status = ActionStatus(status)
    action.save(update_fields=["status"])
    return action
