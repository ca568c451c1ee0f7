"""Objects of a coalition's cycles, looked up through the coalition in the URL.

An id of another coalition's cycle, session, note, conclusion or action is a 404. Who may
read or write is decided by ``kansrijk.coalitions.access`` (members read, editors and
coordinators write).
"""

from django.shortcuts import get_object_or_404

from kansrijk.coalitions.models import Coalition

from .models import Action, Conclusion, Cycle, Session, SessionNote


def get_cycle(coalition: Coalition, cycle_id: int) -> Cycle:
    cycles = Cycle.objects.select_related("previous")
    return get_object_or_404(cycles, coalition=coalition, pk=cycle_id)


def get_session(coalition: Coalition, session_id: int) -> Session:
    return get_object_or_404(
        Session.objects.select_related("cycle", "goal"), cycle__coalition=coalition, pk=session_id
    )


def get_action(coalition: Coalition, action_id: int) -> Action:
    return get_object_or_404(
        Action.objects.select_related("cycle", "session"), cycle__coalition=coalition, pk=action_id
    )


def get_conclusion(coalition: Coalition, conclusion_id: int) -> Conclusion:
    return get_object_or_404(
        Conclusion.objects.select_related("session__cycle"),
        session__cycle__coalition=coalition,
        pk=conclusion_id,
    )


def get_note(coalition: Coalition, note_id: int) -> SessionNote:
    return get_object_or_404(
        SessionNote.objects.select_related("session__cycle"),
        session__cycle__coalition=coalition,
        pk=note_id,
    )
