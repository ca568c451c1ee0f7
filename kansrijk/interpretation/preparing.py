"""Preparing an interpretation session: its indicators and stories, who takes part, and the
questions that guide the conversation.

Indicators come from the coalition's plan (and its own indicators); stories are approved
stories whose consent allows use in sessions, always as their anonymised text
(``kansrijk.stories.data``). Picking a goal selects the indicators linked to it (directly or
through its activities) and the stories linked to it (directly or through a theme).
Preparing a session takes a snapshot of its figures (``snapshots.take_snapshot``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import F, Q

from kansrijk.catalog.models import Indicator
from kansrijk.coalitions.models import Coalition, Goal, PlanIndicator
from kansrijk.stories.data import (
    QuoteRecord,
    StoryRecord,
    approved_stories,
    approved_stories_for,
    quotes_for,
)
from kansrijk.stories.models import Story, Use

from .models import DEFAULT_QUESTIONS, Cycle, Participant, ParticipantRole, Session
from .snapshots import take_snapshot

MAX_QUESTIONS = 12
MAX_QUESTION_LENGTH = 300

ParticipantCounts = Mapping[str, int | tuple[int, str]]


class PreparationError(ValueError):
    """A session cannot be prepared with these indicators or stories."""


@dataclass
class Selection:
    """What a goal brings to a session: its indicators and its stories (ids)."""

    goal: Goal
    indicators: list[Indicator] = field(default_factory=list)
    story_ids: list[int] = field(default_factory=list)


# What can be chosen ----------------------------------------------------------------------


def _plan_links(coalition: Coalition):
    return PlanIndicator.objects.filter(
        Q(goal__ambition__coalition=coalition) | Q(activity__goal__ambition__coalition=coalition)
    )


def offered_indicators(coalition: Coalition) -> list[Indicator]:
    """The plan's indicators (in plan order), then the coalition's own indicators."""
    links = _plan_links(coalition).select_related(
        "indicator", "goal__ambition", "activity__goal__ambition"
    )

    def order(link):
        goal = link.goal or link.activity.goal
        activity = link.activity.position if link.activity_id else -1
        return (goal.ambition.position, goal.ambition_id, goal.position, goal.id, activity, link.id)

    found: dict[int, Indicator] = {}
    for link in sorted(links, key=order):
        found.setdefault(link.indicator_id, link.indicator)
    for indicator in Indicator.objects.filter(coalition=coalition).order_by("name_nl", "code"):
        found.setdefault(indicator.id, indicator)
    return list(found.values())


def offered_stories(user, coalition: Coalition) -> list[StoryRecord]:
    """Approved stories whose consent allows use in sessions, for a member of the coalition."""
    return approved_stories_for(user, coalition, use=Use.SESSIONS)


def goal_indicators(goal: Goal) -> list[Indicator]:
    """The indicators linked to a goal or to one of its activities."""
    links = (
        PlanIndicator.objects.filter(Q(goal=goal) | Q(activity__goal=goal))
        .select_related("indicator")
        .order_by(
            F("activity__position").asc(nulls_first=True),
            F("activity_id").asc(nulls_first=True),
            "id",
        )
    )
    found: dict[int, Indicator] = {}
    for link in links:
        found.setdefault(link.indicator_id, link.indicator)
    return list(found.values())


def goal_selection(user, coalition: Coalition, goal: Goal) -> Selection:
    """The goal's indicators and the session-allowed stories linked to it (directly or
    through one of their themes)."""
    theme_names = set(goal.story_themes.values_list("name", flat=True))
    stories = [
        record.id
        for record in offered_stories(user, coalition)
        if goal.pk in record.goal_ids or theme_names & set(record.themes)
    ]
    return Selection(goal=goal, indicators=goal_indicators(goal), story_ids=stories)


# Questions and participants --------------------------------------------------------------


def clean_questions(questions: Iterable[str] | str | None) -> list[str]:
    """The guiding questions as a list: one per line (or item), without blanks or repeats.
    None gives the four default questions."""
    if questions is None:
        return list(DEFAULT_QUESTIONS)
    if isinstance(questions, str):
        questions = questions.splitlines()
    found: list[str] = []
    for question in questions:
        text = " ".join(str(question).split())
        if text and text not in found:
            found.append(text)
    return found


def questions_as_text(questions: Iterable[str]) -> str:
    return "\n".join(questions)


def _participant_rows(participants: ParticipantCounts | None) -> list[tuple[str, int, str]]:
    rows = []
    for role, value in (participants or {}).items():
        if role not in ParticipantRole.values:
            raise PreparationError(f"Unknown participant role {role!r}.")
        count, names = (value, "") if isinstance(value, int) else value
        if count < 0:
            raise PreparationError("A number of participants cannot be negative.")
        if count or names:
            rows.append((role, int(count), names.strip()))
    return rows


def set_participants(session: Session, participants: ParticipantCounts | None) -> None:
    """Replace the session's participants: role → count, or role → (count, names)."""
    rows = _participant_rows(participants)
    session.participants.all().delete()
    Participant.objects.bulk_create(
        Participant(session=session, role=role, count=count, names=names)
        for role, count, names in rows
    )


def participant_counts(session: Session) -> dict[str, tuple[int, str]]:
    return {p.role: (p.count, p.names) for p in session.participants.all()}


# Preparing -------------------------------------------------------------------------------


def _check_indicators(coalition: Coalition, indicators: Iterable[Indicator]) -> list[Indicator]:
    indicators = list(indicators)
    foreign = [i for i in indicators if i.coalition_id not in (None, coalition.id)]
    if foreign:
        raise PreparationError("An indicator of another coalition cannot be used.")
    return indicators


def _check_stories(coalition: Coalition, stories: Iterable[Story | int]) -> list[int]:
    """Story ids, each of an approved story of the coalition whose consent allows sessions."""
    ids = [story if isinstance(story, int) else story.pk for story in stories]
    allowed = approved_stories(coalition, Use.SESSIONS).filter(pk__in=ids)
    allowed = set(allowed.values_list("pk", flat=True))
    if set(ids) - allowed:
        raise PreparationError(
            "Only approved stories whose consent allows use in sessions can be used."
        )
    return ids


@transaction.atomic
def prepare_session(
    cycle: Cycle,
    title: str,
    held_on: date | None,
    indicators: Iterable[Indicator],
    stories: Iterable[Story | int],
    participants: ParticipantCounts | None = None,
    questions: Iterable[str] | str | None = None,
    *,
    goal: Goal | None = None,
    purpose: str = "",
) -> Session:
    """A new session in the cycle, with a snapshot of its figures as they are now.

    ``participants`` maps a role (``ParticipantRole``) to a count or to (count, names);
    ``questions`` defaults to the four guiding questions (``DEFAULT_QUESTIONS``).
    """
    coalition = cycle.coalition
    indicators = _check_indicators(coalition, indicators)
    story_ids = _check_stories(coalition, stories)
    session = Session.objects.create(
        cycle=cycle,
        title=title,
        held_on=held_on,
        purpose=purpose,
        goal=goal,
        questions=clean_questions(questions) or list(DEFAULT_QUESTIONS),
    )
    session.indicators.set(indicators)
    session.stories.set(story_ids)
    set_participants(session, participants)
    take_snapshot(session)
    return session


@transaction.atomic
def update_session(
    session: Session,
    *,
    title: str,
    held_on: date | None,
    indicators: Iterable[Indicator],
    stories: Iterable[Story | int],
    participants: ParticipantCounts | None = None,
    questions: Iterable[str] | str | None = None,
    goal: Goal | None = None,
    purpose: str = "",
    refresh_figures: bool = False,
) -> Session:
    """Change a prepared session. Its figures stay as they were when it was prepared (newly
    added indicators are taken as they are now), unless ``refresh_figures`` asks to take
    all of them again."""
    coalition = session.cycle.coalition
    indicators = _check_indicators(coalition, indicators)
    story_ids = _check_stories(coalition, stories)
    session.title = title
    session.held_on = held_on
    session.purpose = purpose
    session.goal = goal
    session.questions = clean_questions(questions) or list(DEFAULT_QUESTIONS)
    session.save()
    session.indicators.set(indicators)
    session.stories.set(story_ids)
    set_participants(session, participants)
    take_snapshot(session, keep=not refresh_figures)
    return session


# What a session shows of its stories -----------------------------------------------------


def session_stories(session: Session, user) -> list[StoryRecord]:
    """The session's stories that (still) allow use in sessions, for a member: anonymised
    text only. A story whose consent was narrowed or that was deleted drops out."""
    ids = set(session.stories.values_list("pk", flat=True))
    if not ids:
        return []
    return [record for record in offered_stories(user, session.cycle.coalition) if record.id in ids]


def session_quotes(session: Session) -> list[QuoteRecord]:
    """Quotes from the session's stories, for the sessions audience."""
    ids = set(session.stories.values_list("pk", flat=True))
    if not ids:
        return []
    quotes = quotes_for(session.cycle.coalition, audience="sessions")
    return [quote for quote in quotes if quote.story_id in ids]
