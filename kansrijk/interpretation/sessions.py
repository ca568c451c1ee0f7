"""Everything a session's page shows, in one data function: ``session_page(session, user)``.

The agenda, who takes part, each indicator's figures as prepared (and today's where they
differ, ``snapshots.compare``), the chosen stories and their quotes (approved, consent for
sessions, anonymised text only), the guiding questions, and what was recorded: notes per
indicator, conclusions and actions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.stories.data import QuoteRecord, StoryRecord

from .models import Action, Conclusion, Participant, ParticipantRole, Session, SessionNote
from .preparing import session_quotes, session_stories
from .snapshots import IndicatorComparison, compare


@dataclass
class AgendaItem:
    title: str
    detail: str = ""


@dataclass
class NoteGroup:
    """The notes about one indicator (``indicator`` None: about the session as a whole)."""

    indicator: object | None
    notes: list[SessionNote] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.indicator.name_nl if self.indicator is not None else _("De sessie als geheel")


@dataclass
class SessionPage:
    session: Session
    agenda: list[AgendaItem]
    participants: list[Participant]
    comparisons: list[IndicatorComparison]
    stories: list[StoryRecord]
    quotes: list[QuoteRecord]
    unavailable_stories: int
    questions: list[str]
    note_groups: list[NoteGroup]
    conclusions: list[Conclusion]
    actions: list[Action]
    carried_over: list[Action]  # actions the cycle took over from the previous one

    @property
    def participant_total(self) -> int:
        return sum(participant.count for participant in self.participants)

    @property
    def has_changes(self) -> bool:
        return any(comparison.has_differences for comparison in self.comparisons)

    @property
    def note_count(self) -> int:
        return sum(len(group.notes) for group in self.note_groups)


def note_groups(session: Session) -> list[NoteGroup]:
    """Notes per indicator, in the order of the session's indicators; general notes first."""
    groups: dict[int | None, NoteGroup] = {None: NoteGroup(None)}
    for indicator in session.indicators.order_by("name_nl", "code"):
        groups[indicator.pk] = NoteGroup(indicator)
    for note in session.notes.select_related("indicator").order_by("created_at", "id"):
        if note.indicator_id not in groups:
            groups[note.indicator_id] = NoteGroup(note.indicator)
        groups[note.indicator_id].notes.append(note)
    return [group for group in groups.values() if group.notes]


def agenda(
    session: Session, *, indicators: int, stories: int, carried_over: int
) -> list[AgendaItem]:
    """The running order of a session, from what it holds."""
    items = [AgendaItem(_("Welkom en doel van de sessie"), session.purpose)]
    if carried_over:
        items.append(
            AgendaItem(
                _("Terugblik: acties uit de vorige ronde"),
                ngettext(
                    "%(count)s actie loopt door uit de vorige ronde.",
                    "%(count)s acties lopen door uit de vorige ronde.",
                    carried_over,
                )
                % {"count": carried_over},
            )
        )
    if indicators:
        items.append(
            AgendaItem(
                _("De cijfers"),
                ngettext("%(count)s indicator", "%(count)s indicatoren", indicators)
                % {"count": indicators},
            )
        )
    if stories:
        items.append(
            AgendaItem(
                _("De verhalen van ouders"),
                ngettext("%(count)s verhaal", "%(count)s verhalen", stories) % {"count": stories},
            )
        )
    items.append(
        AgendaItem(
            _("Gesprek aan de hand van de leidende vragen"),
            " ".join(session.questions),
        )
    )
    items.append(AgendaItem(_("Conclusies en acties: wat, wie en wanneer")))
    return items


def session_page(session: Session, user) -> SessionPage:
    """Everything the page of ``session`` shows to ``user`` (a member of its coalition)."""
    comparisons = compare(session)
    stories = session_stories(session, user)
    chosen = session.stories.count()
    carried_over = list(
        session.cycle.actions.filter(session__isnull=True, carried_over_from__isnull=False)
        .select_related("goal", "activity", "carried_over_from")
        .prefetch_related("continuations__cycle")
        .order_by("id")
    )
    return SessionPage(
        session=session,
        agenda=agenda(
            session,
            indicators=len(comparisons),
            stories=len(stories),
            carried_over=len(carried_over),
        ),
        participants=sorted(
            session.participants.all(), key=lambda p: ParticipantRole.values.index(p.role)
        ),
        comparisons=comparisons,
        stories=stories,
        quotes=session_quotes(session),
        unavailable_stories=max(chosen - len(stories), 0),
        questions=list(session.questions),
        note_groups=note_groups(session),
        conclusions=list(session.conclusions.select_related("indicator", "goal").order_by("id")),
        actions=list(
            session.actions.select_related("goal", "activity")
            .prefetch_related("continuations__cycle")
            .order_by("id")
        ),
        carried_over=carried_over,
    )
