"""The data of a session pack: an agenda, then per indicator its figures, chart and quotes.

``session_pack_data(session, user)`` gathers everything the pack shows for one
interpretation session; ``build_pack(coalition, indicators, …)`` does the same for any list
of indicators (the output registry uses it to check a pack without a session). Every number
comes from ``kansrijk.insight.tables.indicator_data`` (published cells only), every story
text from ``kansrijk.stories.data`` (approved, anonymised, with consent for sessions).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

from django.db import connections
from django.db.models import F

from kansrijk.catalog.models import Indicator
from kansrijk.charts.figures import Chart, trend_chart
from kansrijk.charts.rendering import to_svgs
from kansrijk.coalitions.access import role_in
from kansrijk.coalitions.models import Coalition
from kansrijk.insight.results import coalition_insights
from kansrijk.insight.tables import IndicatorPage, indicator_data
from kansrijk.stories.data import QuoteRecord, StoryRecord, approved_stories, quotes_for
from kansrijk.stories.data import story_record as _story_record
from kansrijk.stories.models import Use

from ..models import DEFAULT_QUESTIONS, Session
from ..snapshots import IndicatorComparison, compare

MAX_QUOTES = 5  # quotes per indicator
NOTE_LINES = 18  # ruled lines on the notes page of each indicator
CLOSING_LINES = 18  # ruled lines for conclusions and actions at the end
CHART_THREADS = 2  # vl-convert renders the charts in parallel


@dataclass
class PackIndicator:
    """One indicator of the pack: its page data, chart, changes since preparing, quotes."""

    indicator: Indicator
    page: IndicatorPage
    chart: Chart | None = None
    svg: str = ""  # the chart as inline SVG
    changes: list[IndicatorComparison] = field(default_factory=list)  # prepared vs now
    quotes: list[QuoteRecord] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.indicator.name_nl

    @property
    def svg_data_uri(self) -> str:
        """The chart as an image URL for the PDF: WeasyPrint draws an SVG image faster than
        the same SVG inline (no HTML parsing and no CSS cascade over every mark)."""
        if not self.svg:
            return ""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()

    @property
    def summary(self):
        return self.page.summary

    @property
    def other_comparisons(self) -> list:
        """The comparisons besides the one with the Netherlands (which the verdict shows):
        the rest of the GGD region, municipalities of the same size."""
        return [c for c in self.page.comparisons if c.kind != "country" and c.sentence]


@dataclass
class SessionPack:
    coalition: Coalition
    title: str
    indicators: list[PackIndicator]
    held_on: date | None = None
    cycle: str = ""
    purpose: str = ""
    goal: str = ""
    session_id: int | None = None
    questions: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    stories: list[StoryRecord] = field(default_factory=list)
    note_lines: range = range(NOTE_LINES)
    closing_lines: range = range(CLOSING_LINES)

    @property
    def is_fictitious(self) -> bool:
        return bool(getattr(self.coalition, "is_fictitious", False))


# Looking up sessions -----------------------------------------------------------------------


def latest_session(coalition) -> Session | None:
    """The session with the latest date (sessions without a date last), then the newest."""
    return (
        Session.objects.filter(cycle__coalition=coalition)
        .select_related("cycle", "goal")
        .order_by(F("held_on").desc(nulls_last=True), "-id")
        .first()
    )


def session_indicators(session: Session) -> list[Indicator]:
    """The session's indicators in the order they were chosen."""
    through = Session.indicators.through
    links = through.objects.filter(session=session).select_related("indicator").order_by("id")
    return [link.indicator for link in links]


# Building the pack -------------------------------------------------------------------------


def session_pack_data(session: Session, user=None) -> SessionPack:
    """Everything the pack of ``session`` shows. ``user`` limits the chosen stories to what
    that user may see (a non-member sees none); None is for trusted callers (the command)."""
    coalition = session.cycle.coalition
    return build_pack(
        coalition,
        session_indicators(session),
        title=session.title,
        held_on=session.held_on,
        cycle=session.cycle.title,
        purpose=session.purpose,
        goal=session.goal.title if session.goal_id else "",
        session=session,
        questions=session.questions or DEFAULT_QUESTIONS,
        participants=_participants(session),
        stories=_chosen_stories(session, coalition, user),
    )


def build_pack(
    coalition,
    indicators: Sequence[Indicator],
    *,
    title: str,
    held_on: date | None = None,
    cycle: str = "",
    purpose: str = "",
    goal: str = "",
    session: Session | None = None,
    questions: Iterable[str] = (),
    participants: Iterable[str] = (),
    stories: Iterable[StoryRecord] = (),
) -> SessionPack:
    """A pack for ``indicators`` of ``coalition``: figures, charts, changes and quotes."""
    coalition_insights(coalition, indicators)  # computes the misses together, then cached
    items = [
        PackIndicator(
            indicator,
            indicator_data(coalition, indicator),
            quotes=quotes_for(
                coalition, indicator=indicator, audience="sessions", limit=MAX_QUOTES
            ),
        )
        for indicator in indicators
    ]
    _add_charts(items)
    if session is not None:
        _add_changes(session, items)
    return SessionPack(
        coalition=coalition,
        title=title,
        indicators=items,
        held_on=held_on,
        cycle=cycle,
        purpose=purpose,
        goal=goal,
        session_id=session.pk if session is not None else None,
        questions=[str(q) for q in questions if str(q).strip()],
        participants=list(participants),
        stories=list(stories),
    )


def _add_charts(items: list[PackIndicator]) -> None:
    """The trend chart of each indicator, rendered to SVG (cached by the charts app)."""
    charts = [(item, trend_chart(item.page)) for item in items]
    charts = [(item, chart) for item, chart in charts if chart is not None]
    svgs = _render_svgs([chart for _item, chart in charts])
    for (item, chart), svg in zip(charts, svgs, strict=True):
        item.chart, item.svg = chart, svg


def _render_svgs(charts: list) -> list[str]:
    """``to_svgs`` in ``CHART_THREADS`` threads: vl-convert renders outside Python's GIL, so
    cold charts take about half the time on two cores."""
    if len(charts) < 2:
        return to_svgs(charts) if charts else []
    parts = [charts[start::CHART_THREADS] for start in range(CHART_THREADS)]
    with ThreadPoolExecutor(max_workers=CHART_THREADS) as pool:
        rendered = list(pool.map(_to_svgs_in_thread, parts))
    svgs = [""] * len(charts)
    for start, part in enumerate(rendered):
        svgs[start::CHART_THREADS] = part
    return svgs


def _to_svgs_in_thread(charts: list) -> list[str]:
    try:
        return to_svgs(charts)
    finally:
        connections.close_all()  # this thread's own connections, if the cache used one


def _add_changes(session: Session, items: list[PackIndicator]) -> None:
    """Where today's figures differ from those the session was prepared with: both."""
    if not session.snapshot:
        return
    for item in items:
        item.changes = compare(session, item.indicator, item.page)


def _participants(session: Session) -> list[str]:
    """Who takes part: per role the number of people and, if given, their names."""
    return [str(participant) for participant in session.participants.order_by("id")]


def _chosen_stories(session: Session, coalition, user) -> list[StoryRecord]:
    """The session's stories that are approved with consent for sessions, as records with
    the anonymised text only; none for a user outside the coalition."""
    if user is not None and role_in(user, coalition) is None:
        return []
    stories = (
        approved_stories(coalition, Use.SESSIONS)
        .filter(pk__in=session.stories.values("pk"))
        .select_related("area")
        .prefetch_related("themes", "goals", "indicators", "quotes", "answers__question")
        .order_by("told_on", "id")
    )
    return [_story_record(story) for story in stories]
