"""The data functions other parts of the platform call: the API, the dashboards, reports and
interpretation sessions. They apply review, consent and rights, and hand out plain records
that hold the anonymised text only; never a ``Story`` with its original text.

* ``approved_stories_for(user, coalition, use)``: approved stories whose consent covers
  ``use`` ("internal" or "sessions"), for a member of the coalition; nothing for anyone else.
* ``quotes_for(coalition, goal=…, indicator=…, audience="members"|"public")``: quotes from
  approved stories; the public audience gets only stories whose consent allows publication.
* ``quotes_by_indicator(coalition, indicators, audience=…, limit=…)``: the quotes of many
  indicators at once (dashboard tiles), in a fixed number of queries.
* ``search_approved(coalition, query)``: approved stories whose anonymised text has every word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet

from kansrijk.coalitions.access import role_in
from kansrijk.coalitions.models import PlanIndicator

from .models import Consent, Quote, ReviewStatus, Story, StoryTheme, Use

AUDIENCES = {"members": Use.INTERNAL, "sessions": Use.SESSIONS, "public": Use.PUBLIC}
MAX_QUERY_WORDS = 10


@dataclass(frozen=True)
class StoryRecord:
    id: int
    text: str  # the approved anonymised text
    phase: str
    phase_label: str
    catalogue_phase: str
    wijk: str | None
    month: str | None  # "2024-03": the month it was told, never the day
    method: str
    language: str
    consent: str
    themes: list[str] = field(default_factory=list)
    goal_ids: list[int] = field(default_factory=list)
    indicator_codes: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    answers: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class QuoteRecord:
    id: int
    text: str
    story_id: int
    phase: str
    phase_label: str
    themes: list[str] = field(default_factory=list)


def approved_stories(coalition, use: str = Use.INTERNAL) -> QuerySet[Story]:
    """Approved stories of the coalition whose consent covers ``use`` (no rights applied:
    for callers that have checked them)."""
    return Story.objects.filter(
        coalition=coalition,
        review_status=ReviewStatus.APPROVED,
        consent__in=Consent.allowing(use),
    )


def search_filter(query: str) -> Q:
    """Every word of ``query`` must occur in the anonymised text (case-insensitive)."""
    condition = Q()
    for word in (query or "").replace("\x00", " ").split()[:MAX_QUERY_WORDS]:
        condition &= Q(anonymised_text__icontains=word[:100])
    return condition


def search_approved(coalition, query: str, use: str = Use.INTERNAL) -> QuerySet[Story]:
    return approved_stories(coalition, use).filter(search_filter(query))


def _month(day: date | None) -> str | None:
    return f"{day.year:04d}-{day.month:02d}" if day else None


def story_record(story: Story) -> StoryRecord:
    return StoryRecord(
        id=story.pk,
        text=story.anonymised_text,
        phase=story.phase,
        phase_label=str(story.get_phase_display()),
        catalogue_phase=str(story.catalogue_phase),
        wijk=story.area.name if story.area_id else None,
        month=_month(story.told_on),
        method=story.method,
        language=story.language,
        consent=story.consent,
        themes=[theme.name for theme in story.themes.all()],
        goal_ids=[goal.pk for goal in story.goals.all()],
        indicator_codes=[indicator.code for indicator in story.indicators.all()],
        quotes=[quote.text for quote in story.quotes.all()],
        answers={answer.question.text: answer.score for answer in story.answers.all()},
    )


def approved_stories_for(
    user, coalition, use: str = Use.INTERNAL, *, query: str = "", theme=None, phase: str = ""
) -> list[StoryRecord]:
    """Approved stories for a member of ``coalition`` in ``use`` ("internal" for the
    coalition's own pages and exports, "sessions" for interpretation sessions). Anyone who is
    not a member (or None) gets an empty list: stories are published only as quotes
    (``quotes_for(…, audience="public")``)."""
    if Use(use) == Use.PUBLIC:
        raise ValueError("Public use of stories goes through quotes_for(audience='public').")
    if user is None or role_in(user, coalition) is None:
        return []
    stories = search_approved(coalition, query, use)
    if theme is not None:
        stories = stories.filter(themes=theme)
    if phase:
        stories = stories.filter(phase=phase)
    stories = stories.select_related("area").prefetch_related(
        "themes", "goals", "indicators", "quotes", "answers__question"
    )
    return [story_record(story) for story in stories.order_by("-told_on", "-id")]


def quotes_for(
    coalition,
    *,
    goal=None,
    indicator=None,
    theme=None,
    audience: str = "members",
    limit: int | None = None,
) -> list[QuoteRecord]:
    """Quotes from approved stories of the coalition whose consent fits the audience:
    "members" (the coalition's own pages), "sessions" (interpretation sessions) or "public"
    (public dashboards and reports: only stories whose parents agreed to publication).

    ``goal``, ``indicator`` and ``theme`` narrow them to quotes from stories linked to it,
    directly or through one of their themes.
    """
    if audience not in AUDIENCES:
        raise ValueError(f"Unknown audience {audience!r}; choose from {sorted(AUDIENCES)}.")
    quotes = Quote.objects.filter(
        story__coalition=coalition,
        story__review_status=ReviewStatus.APPROVED,
        story__consent__in=Consent.allowing(AUDIENCES[audience]),
    )
    if goal is not None:
        quotes = quotes.filter(Q(story__goals=goal) | Q(story__themes__goals=goal))
    if indicator is not None:
        quotes = quotes.filter(
            Q(story__indicators=indicator) | Q(story__themes__indicators=indicator)
        )
    if theme is not None:
        quotes = quotes.filter(story__themes=theme)
    quotes = (
        quotes.distinct()
        .select_related("story")
        .prefetch_related("story__themes")
        .order_by("-created_at", "-id")
    )
    if limit is not None:
        quotes = quotes[:limit]
    return [
        QuoteRecord(
            id=quote.pk,
            text=quote.text,
            story_id=quote.story_id,
            phase=quote.story.phase,
            phase_label=str(quote.story.get_phase_display()),
            themes=[theme.name for theme in quote.story.themes.all()],
        )
        for quote in quotes
    ]


def _quote_record(quote: Quote) -> QuoteRecord:
    return QuoteRecord(
        id=quote.pk,
        text=quote.text,
        story_id=quote.story_id,
        phase=quote.story.phase,
        phase_label=str(quote.story.get_phase_display()),
        themes=[theme.name for theme in quote.story.themes.all()],
    )


def _pairs(rows) -> dict[int, set[int]]:
    found: dict[int, set[int]] = {}
    for key, value in rows:
        found.setdefault(key, set()).add(value)
    return found


def quotes_by_indicator(
    coalition, indicators, audience: str = "members", limit: int | None = 3
) -> dict[int, list[QuoteRecord]]:
    """Quotes for many indicators at once: indicator id → its quotes, newest first, at most
    ``limit`` each. Consent and review as in ``quotes_for``.

    A quote belongs to an indicator when its story is linked to the indicator or to a goal of
    the coalition's plan that the indicator is linked to (on the goal or on one of its
    activities), directly or through one of the story's themes. Eight queries at most,
    however many indicators.
    """
    if audience not in AUDIENCES:
        raise ValueError(f"Unknown audience {audience!r}; choose from {sorted(AUDIENCES)}.")
    ids = [indicator.pk for indicator in indicators]
    found: dict[int, list[QuoteRecord]] = {pk: [] for pk in ids}
    if not ids:
        return found
    stories = approved_stories(coalition, AUDIENCES[audience]).values("pk")
    # Goals of the plan per indicator.
    links = PlanIndicator.objects.filter(indicator_id__in=ids).filter(
        Q(goal__ambition__coalition=coalition) | Q(activity__goal__ambition__coalition=coalition)
    )
    goal_indicators: dict[int, set[int]] = {}
    for goal_id, activity_goal_id, indicator_id in links.values_list(
        "goal_id", "activity__goal_id", "indicator_id"
    ):
        goal_indicators.setdefault(goal_id or activity_goal_id, set()).add(indicator_id)
    # Themes → indicators, directly and through the theme's goals.
    themes = StoryTheme.objects.filter(coalition=coalition)
    theme_indicators = _pairs(
        StoryTheme.indicators.through.objects.filter(
            storytheme__in=themes, indicator_id__in=ids
        ).values_list("storytheme_id", "indicator_id")
    )
    for theme_id, goal_id in StoryTheme.goals.through.objects.filter(
        storytheme__in=themes, goal_id__in=list(goal_indicators)
    ).values_list("storytheme_id", "goal_id"):
        theme_indicators.setdefault(theme_id, set()).update(goal_indicators[goal_id])
    # Stories → indicators: directly, through a goal, through a theme.
    story_indicators = _pairs(
        Story.indicators.through.objects.filter(
            story__in=stories, indicator_id__in=ids
        ).values_list("story_id", "indicator_id")
    )
    for story_id, goal_id in Story.goals.through.objects.filter(
        story__in=stories, goal_id__in=list(goal_indicators)
    ).values_list("story_id", "goal_id"):
        story_indicators.setdefault(story_id, set()).update(goal_indicators[goal_id])
    for story_id, theme_id in Story.themes.through.objects.filter(
        story__in=stories, storytheme_id__in=list(theme_indicators)
    ).values_list("story_id", "storytheme_id"):
        story_indicators.setdefault(story_id, set()).update(theme_indicators[theme_id])
    quotes = (
        Quote.objects.filter(story_id__in=list(story_indicators))
        .select_related("story")
        .prefetch_related("story__themes")
        .order_by("-created_at", "-id")
    )
    for quote in quotes:
        record = None
        for indicator_id in sorted(story_indicators[quote.story_id]):
            if limit is None or len(found[indicator_id]) < limit:
                record = record or _quote_record(quote)
                found[indicator_id].append(record)
    return found
