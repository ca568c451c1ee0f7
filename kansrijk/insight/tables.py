"""Data functions: one per table of the figures pages, used by the pages and any other output.

``overview_data(coalition)`` and ``indicator_data(coalition, indicator)`` gather what a page
shows; ``value_table``, ``detail_table``, ``comparison_table`` and ``funnel_chart_data``
each build one table or chart from an ``IndicatorInsight``. Every number they hand out is a
``PublishedCell`` from ``disclose`` (or computed from published cells only), so an export,
a report or the API can call the same functions and show the same numbers. ``as_data``
turns any of them into plain JSON-ready data.

Each page runs a fixed number of queries, however many indicators the plan has.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils.translation import gettext as _

from kansrijk.catalog.models import Indicator, Unit
from kansrijk.coalitions.models import PlanIndicator
from kansrijk.observations.models import Observation

from .disclosure import PublishedCell
from .engine import Comparison, IndicatorInsight, effective_direction
from .results import coalition_insights
from .verdicts import Verdict

RECENT_PERIODS = 5


@dataclass
class PlanLink:
    """What the coalition's plan says about an indicator (its first link with a target)."""

    direction: str
    baseline_value: float | None
    baseline_year: int | None
    target_value: float | None
    target_year: int | None
    context: str  # the goal or activity it belongs to


@dataclass
class ValueRow:
    label: str
    code: str
    role: str  # "region", "municipality", "wijk", "country"
    cells: list[PublishedCell]


@dataclass
class ValueTable:
    caption: str
    unit: str
    periods: list[str]
    rows: list[ValueRow]
    sources: list[str]
    has_suppressed: bool = False
    has_provisional: bool = False
    has_rounded: bool = False
    min_count: int = 0


@dataclass
class DetailRow:
    period: str
    cell: PublishedCell
    country: PublishedCell | None


@dataclass
class DetailTable:
    caption: str
    unit: str
    area: str
    rows: list[DetailRow]
    sources: list[str]
    has_suppressed: bool = False
    has_provisional: bool = False
    has_country: bool = False


@dataclass
class IndicatorSummary:
    code: str
    name: str
    unit: str
    is_own: bool
    direction: str
    link: PlanLink | None
    verdict: Verdict
    area: str  # the name of the main area (municipality or coalition)
    latest: PublishedCell | None
    latest_period: str
    country: Comparison | None
    table: ValueTable
    pooled_years: int = 1
    test: str = ""
    p_value: float | None = None
    # Every comparison of the latest value: NL, the rest of the GGD region, same-size
    # municipalities (``country`` above is the first of them).
    comparisons: list[Comparison] = field(default_factory=list)


@dataclass
class Overview:
    coalition: str
    is_fictitious: bool
    indicators: list[IndicatorSummary] = field(default_factory=list)


@dataclass
class IndicatorPage:
    summary: IndicatorSummary
    values: ValueTable
    detail: DetailTable
    comparisons: list[Comparison]
    funnel: dict | None
    definition: str = ""
    numerator: str = ""
    denominator: str = ""
    caveats: str = ""
    min_count: int = 0


# Looking things up -------------------------------------------------------------------------


def plan_links(coalition) -> dict[int, PlanLink]:
    """Indicator id → the plan's link (goals first, then activities; one query)."""
    return _plan(coalition)[0]


def _plan(coalition) -> tuple[dict[int, PlanLink], list[Indicator]]:
    """The plan's links per indicator and its indicators in plan order (one query)."""
    links = (
        PlanIndicator.objects.filter(
            Q(goal__ambition__coalition=coalition)
            | Q(activity__goal__ambition__coalition=coalition)
        )
        .select_related("indicator", "goal__ambition", "activity__goal__ambition")
        .order_by("id")
    )

    def order(link):
        goal = link.goal or link.activity.goal
        return (
            goal.ambition.position,
            goal.ambition_id,
            goal.position,
            goal.id,
            0 if link.goal_id else 1,
            link.activity.position if link.activity_id else 0,
            link.id,
        )

    found: dict[int, PlanLink] = {}
    indicators: dict[int, Indicator] = {}
    for link in sorted(links, key=order):
        indicators.setdefault(link.indicator_id, link.indicator)
        current = found.get(link.indicator_id)
        if current is not None and (current.target_value is not None or link.target_value is None):
            continue
        owner = link.goal or link.activity
        found[link.indicator_id] = PlanLink(
            link.direction,
            link.baseline_value,
            link.baseline_year,
            link.target_value,
            link.target_year,
            owner.title,
        )
    return found, list(indicators.values())


def _plan_and_own(coalition) -> tuple[list[Indicator], dict[int, PlanLink]]:
    links, indicators = _plan(coalition)
    in_plan = {i.id for i in indicators}
    has_data = Observation.objects.filter(indicator=OuterRef("pk"), coalition=coalition)
    own = Indicator.objects.filter(coalition=coalition).filter(Exists(has_data)).order_by("code")
    indicators += [i for i in own if i.id not in in_plan]
    return indicators, links


def get_indicator(coalition, code: str) -> Indicator:
    """A shared indicator or one of the coalition's own; 404 for another coalition's."""
    indicator = (
        Indicator.objects.filter(code=code)
        .filter(Q(coalition__isnull=True) | Q(coalition=coalition))
        .first()
    )
    if indicator is None:
        raise Http404
    return indicator


# Tables ----------------------------------------------------------------------------------


def _flags(cells) -> tuple[bool, bool, bool]:
    cells = list(cells)
    return (
        any(not c.is_published for c in cells),
        any(c.provisional for c in cells),
        any(c.rounded for c in cells),
    )


def value_table(insight: IndicatorInsight, last: int | None = None) -> ValueTable:
    """Values per period (columns) for the main area, the municipalities, their wijken and
    the country (rows); ``last`` keeps only the most recent periods."""
    keep = slice(-last, None) if last else slice(None)
    rows = [
        ValueRow(series.place.name, series.place.code, series.role, series.cells[keep])
        for series in insight.rows
    ]
    if insight.country is not None:
        country = insight.country
        place = country.place
        rows.append(ValueRow(place.name, place.code, "country", country.cells[keep]))
    suppressed, provisional, rounded = _flags(c for row in rows for c in row.cells)
    caption = _("%(name)s: %(unit)s per %(period)s") % {
        "name": insight.name,
        "unit": _unit_phrase(insight.unit),
        "period": _kind_word(insight),
    }
    return ValueTable(
        caption,
        insight.unit,
        insight.periods[keep],
        rows,
        insight.sources,
        suppressed,
        provisional,
        rounded,
        insight.min_count,
    )


def detail_table(insight: IndicatorInsight) -> DetailTable:
    """Numerator, denominator, value and interval per period for the main area, beside NL."""
    rows = []
    if insight.main is not None:
        country = insight.country.cells if insight.country is not None else []
        for index, period in enumerate(insight.periods):
            rows.append(
                DetailRow(
                    period,
                    insight.main.cells[index],
                    country[index] if index < len(country) else None,
                )
            )
    area = insight.main.place.name if insight.main is not None else ""
    suppressed, provisional, _rounded = _flags(r.cell for r in rows)
    caption = _("%(name)s: teller, noemer en waarde met 95%%-interval voor %(area)s") % {
        "name": insight.name,
        "area": area,
    }
    return DetailTable(
        caption,
        insight.unit,
        area,
        rows,
        insight.sources,
        suppressed,
        provisional,
        insight.country is not None,
    )


def comparison_table(insight: IndicatorInsight) -> list[Comparison]:
    """The main area beside NL, the rest of its GGD region and comparable municipalities."""
    return list(insight.comparisons)


def funnel_chart_data(insight: IndicatorInsight) -> dict | None:
    """The funnel plot of the latest period: published municipalities and control limits."""
    if insight.funnel is None:
        return None
    return as_data(insight.funnel)


def _unit_phrase(unit: str) -> str:
    return {
        Unit.PERCENTAGE: _("percentage"),
        Unit.PER_1000: _("aantal per 1.000"),
        Unit.COUNT: _("aantal"),
        Unit.SCORE: _("score"),
        Unit.YES_NO: _("ja of nee"),
    }.get(unit, unit)


def _kind_word(insight: IndicatorInsight) -> str:
    if insight.pool_years > 1:
        return _("periode van %(years)s jaar") % {"years": insight.pool_years}
    return {"quarter": _("kwartaal"), "month": _("maand"), "pool": _("periode")}.get(
        insight.period_kind, _("jaar")
    )


def _summary(insight: IndicatorInsight, link: PlanLink | None, indicator) -> IndicatorSummary:
    direction = effective_direction(indicator, link)
    verdict = insight.verdict(
        direction,
        link.target_value if link else None,
        link.target_year if link else None,
    )
    country = next((c for c in insight.comparisons if c.kind == "country"), None)
    return IndicatorSummary(
        insight.code,
        insight.name,
        insight.unit,
        insight.is_own_indicator,
        direction,
        link,
        verdict,
        insight.main.place.name if insight.main is not None else "",
        insight.latest,
        insight.latest_period,
        country,
        value_table(insight, RECENT_PERIODS),
        insight.pool_years,
        insight.trend.test,
        insight.trend.p_value,
        list(insight.comparisons),
    )


def overview_data(coalition) -> Overview:
    """Every indicator of the plan (and the coalition's own with data), summarised."""
    indicators, links = _plan_and_own(coalition)
    insights = coalition_insights(coalition, indicators)
    overview = Overview(coalition.name, coalition.is_fictitious)
    for indicator in indicators:
        overview.indicators.append(
            _summary(insights[indicator.id], links.get(indicator.id), indicator)
        )
    return overview


def indicator_data(coalition, indicator) -> IndicatorPage:
    """Everything the page of one indicator shows."""
    links = plan_links(coalition)
    insight = coalition_insights(coalition, [indicator])[indicator.id]
    return IndicatorPage(
        _summary(insight, links.get(indicator.id), indicator),
        value_table(insight),
        detail_table(insight),
        comparison_table(insight),
        funnel_chart_data(insight),
        indicator.definition,
        indicator.numerator,
        indicator.denominator,
        indicator.caveats,
        insight.min_count,
    )


def as_data(obj):
    """Plain data for JSON: dataclasses as dicts, NaN as None, suppressed cells as marks."""
    if isinstance(obj, PublishedCell):
        data = dataclasses.asdict(obj)
        data["key"] = None
        data["mark"] = obj.mark
        return data
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: as_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): as_data(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [as_data(v) for v in obj]
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if hasattr(obj, "item"):  # numpy scalars
        return as_data(obj.item())
    return obj
