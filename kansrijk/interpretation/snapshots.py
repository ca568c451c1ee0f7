"""The figures a session was prepared with, and how they compare with the figures now.

``take_snapshot(session)`` stores, per indicator of the session, what the figures pages show
(``kansrijk.insight.tables``): the latest period and its value with its 95% interval, the
verdict and its basis, the comparison with the Netherlands, the last periods of the main
area's row of the value table, the sources, and the data version. Everything in it comes from
``PublishedCell``s: a suppressed cell is stored as suppressed, without a number, so the
snapshot never holds a number the pages may not show.

``compare(session)`` puts the snapshot beside the current figures; where they differ (a new
period, a revised value, another verdict) a page shows both.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy

from kansrijk.insight.disclosure import PublishedCell
from kansrijk.insight.tables import IndicatorSummary, indicator_data, overview_data
from kansrijk.insight.versioning import current_data_version

from .models import Session

SNAPSHOT_FORMAT = 1
TOLERANCE = 1e-9

# What changed between the snapshot and now.
NEW_PERIOD = "new_period"
VALUE_CHANGED = "value_changed"
VERDICT_CHANGED = "verdict_changed"
NO_SNAPSHOT = "no_snapshot"

CELL_FIELDS = ("value", "lower", "upper", "suppressed", "missing", "provisional", "rounded")


@dataclass
class Figures:
    """One indicator's published figures at one moment (the snapshot's or today's)."""

    code: str
    name: str
    unit: str
    area: str = ""
    latest_period: str = ""
    latest: PublishedCell | None = None
    judgement: str | None = None
    verdict_label: str = ""
    verdict_class: str = ""
    basis: str = ""
    target: str = ""
    country_sentence: str = ""
    periods: list[str] = field(default_factory=list)
    values: list[PublishedCell] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def value_in(self, period: str) -> PublishedCell | None:
        if period in self.periods:
            return self.values[self.periods.index(period)]
        return None

    def as_data(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "unit": self.unit,
            "area": self.area,
            "latest_period": self.latest_period,
            "latest": cell_data(self.latest),
            "judgement": self.judgement,
            "verdict_label": self.verdict_label,
            "verdict_class": self.verdict_class,
            "basis": self.basis,
            "target": self.target,
            "country_sentence": self.country_sentence,
            "periods": list(self.periods),
            "values": [cell_data(cell) for cell in self.values],
            "sources": list(self.sources),
        }

    @classmethod
    def from_data(cls, data: dict) -> Figures:
        return cls(
            code=data.get("code", ""),
            name=data.get("name", ""),
            unit=data.get("unit", ""),
            area=data.get("area", ""),
            latest_period=data.get("latest_period", ""),
            latest=cell_from_data(data.get("latest")),
            judgement=data.get("judgement"),
            verdict_label=data.get("verdict_label", ""),
            verdict_class=data.get("verdict_class", ""),
            basis=data.get("basis", ""),
            target=data.get("target", ""),
            country_sentence=data.get("country_sentence", ""),
            periods=list(data.get("periods", [])),
            values=[cell_from_data(cell) for cell in data.get("values", [])],
            sources=list(data.get("sources", [])),
        )


@dataclass
class PeriodCell:
    cell: PublishedCell | None  # None: no figure for this period at that moment
    changed: bool = False


@dataclass
class PeriodRow:
    key: str  # "then" (as prepared) or "now"
    cells: list[PeriodCell]


@dataclass
class PeriodTable:
    area: str
    unit: str
    periods: list[str]
    rows: list[PeriodRow]


@dataclass
class IndicatorComparison:
    """An indicator of a session: its figures when prepared, and today's where they differ."""

    code: str
    name: str
    then: Figures | None
    now: Figures | None
    differences: list[str] = field(default_factory=list)

    @property
    def has_differences(self) -> bool:
        return bool(self.differences)

    @property
    def new_periods(self) -> list[str]:
        if self.then is None or self.now is None:
            return []
        latest = self.then.latest_period
        return [p for p in self.now.periods if p not in self.then.periods and p > latest]

    @property
    def period_table(self) -> PeriodTable:
        """The main area's values per period as prepared and, when they differ, now; a
        cell of "now" is marked ``changed`` where it differs from the prepared one."""
        then, now = self.then, self.now
        shown = then if then is not None else now
        if shown is None:
            return PeriodTable("", "", [], [])
        periods = sorted(set(shown.periods) | set(now.periods if now is not None else []))
        rows = []
        if then is not None:
            rows.append(PeriodRow("then", [PeriodCell(then.value_in(p)) for p in periods]))
        if now is not None:
            cells = []
            for period in periods:
                cell = now.value_in(period)
                before = then.value_in(period) if then is not None else None
                cells.append(PeriodCell(cell, then is not None and not _same_cell(before, cell)))
            rows.append(PeriodRow("now", cells))
        return PeriodTable(shown.area, shown.unit, periods, rows)

    @property
    def difference_labels(self) -> list[str]:
        return describe_differences(self.differences)

    @property
    def shown(self) -> Figures | None:
        """The figures the session works with: the snapshot's, or today's if there is none."""
        return self.then if self.then is not None else self.now


# Published cells as plain data -----------------------------------------------------------


def _number(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def cell_data(cell: PublishedCell | None) -> dict | None:
    """A published cell as JSON: only what may be shown (a hidden cell has no numbers)."""
    if cell is None:
        return None
    published = cell.is_published
    return {
        "value": _number(cell.value) if published else None,
        "lower": _number(cell.lower) if published else None,
        "upper": _number(cell.upper) if published else None,
        "suppressed": bool(cell.suppressed),
        "missing": bool(cell.missing),
        "provisional": bool(cell.provisional),
        "rounded": bool(cell.rounded),
    }


def cell_from_data(data: dict | None) -> PublishedCell | None:
    if data is None:
        return None
    return PublishedCell(key=None, **{name: data.get(name) for name in CELL_FIELDS if name in data})


# Today's figures -------------------------------------------------------------------------


def figures_from_summary(summary: IndicatorSummary) -> Figures:
    """What the figures pages show of one indicator, as ``Figures``."""
    table = summary.table
    main = next((row for row in table.rows if row.label == summary.area), None)
    if main is None and table.rows:
        main = table.rows[0]
    country = summary.country
    return Figures(
        code=summary.code,
        name=summary.name,
        unit=summary.unit,
        area=summary.area,
        latest_period=summary.latest_period,
        latest=summary.latest,
        judgement=summary.verdict.judgement,
        verdict_label=str(summary.verdict.label),
        verdict_class=summary.verdict.css_class,
        basis=summary.verdict.basis,
        target=summary.verdict.target,
        country_sentence=country.sentence if country is not None else "",
        periods=list(table.periods),
        values=list(main.cells) if main is not None else [],
        sources=list(table.sources),
    )


def current_figures(coalition, indicators: Iterable) -> dict[str, Figures]:
    """Today's figures of these indicators (code → ``Figures``), from the figures pages' data
    functions: the plan's indicators from ``overview_data``, any other from
    ``indicator_data``."""
    indicators = list(indicators)
    if not indicators:
        return {}
    found = {summary.code: summary for summary in overview_data(coalition).indicators}
    figures = {}
    for indicator in indicators:
        summary = found.get(indicator.code)
        if summary is None:
            summary = indicator_data(coalition, indicator).summary
        figures[indicator.code] = figures_from_summary(summary)
    return figures


# Snapshots -------------------------------------------------------------------------------


def build_snapshot(coalition, indicators: Iterable) -> dict:
    """The snapshot data of these indicators as they are now (JSON-ready)."""
    figures = current_figures(coalition, indicators)
    return {
        "format": SNAPSHOT_FORMAT,
        "taken_at": timezone.now().isoformat(),
        "data_version": current_data_version(),
        "indicators": {code: entry.as_data() for code, entry in figures.items()},
    }


def take_snapshot(session: Session, *, keep: bool = False) -> dict:
    """Store the session's figures as they are now and return the snapshot.

    With ``keep``, indicators already in the snapshot keep their figures: only indicators
    added since are taken now (and removed ones are dropped), so editing a session does not
    change the figures it was prepared with.
    """
    indicators = list(session.indicators.all())
    old = snapshot_figures(session) if keep else {}
    new = [indicator for indicator in indicators if indicator.code not in old]
    snapshot = build_snapshot(session.cycle.coalition, new)
    if keep and session.snapshot:
        snapshot["taken_at"] = session.snapshot.get("taken_at", snapshot["taken_at"])
        snapshot["data_version"] = session.snapshot.get("data_version", snapshot["data_version"])
    codes = [indicator.code for indicator in indicators]
    entries = {code: old[code].as_data() for code in codes if code in old}
    entries.update(snapshot["indicators"])
    snapshot["indicators"] = {code: entries[code] for code in codes if code in entries}
    session.snapshot = snapshot
    session.prepared_at = session.prepared_at if keep and session.prepared_at else timezone.now()
    session.save(update_fields=["snapshot", "prepared_at"])
    return snapshot


def snapshot_figures(session: Session) -> dict[str, Figures]:
    """The figures stored when the session was prepared (code → ``Figures``)."""
    entries = (session.snapshot or {}).get("indicators", {})
    return {code: Figures.from_data(data) for code, data in entries.items()}


def snapshot_version(session: Session) -> str:
    return (session.snapshot or {}).get("data_version", "")


# Comparing -------------------------------------------------------------------------------


def _same_cell(a: PublishedCell | None, b: PublishedCell | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.is_published != b.is_published:
        return False
    if not a.is_published:
        return True
    if a.value is None or b.value is None:
        return a.value is b.value
    return abs(a.value - b.value) <= TOLERANCE


def differences(then: Figures | None, now: Figures | None) -> list[str]:
    """What changed between two moments: a new period, a changed value, another verdict."""
    if then is None:
        return [NO_SNAPSHOT]
    if now is None:
        return []
    found = []
    if now.latest_period and now.latest_period != then.latest_period:
        found.append(NEW_PERIOD)
    revised = any(
        not _same_cell(cell, now.value_in(period))
        for period, cell in zip(then.periods, then.values, strict=False)
        if period in now.periods
    )
    if revised or (
        now.latest_period == then.latest_period and not _same_cell(then.latest, now.latest)
    ):
        found.append(VALUE_CHANGED)
    if now.judgement != then.judgement:
        found.append(VERDICT_CHANGED)
    return found


def compare(session: Session, indicator=None, page=None) -> list[IndicatorComparison]:
    """Each indicator of the session: the snapshot, and today's figures where they differ.

    When the figures have not changed since the snapshot (the same data version), today's
    figures are the snapshot's and are not computed again.

    Given one ``indicator`` (and optionally its current ``IndicatorPage`` from
    ``indicator_data``, to save computing it again), only that indicator's comparison is
    returned, and only when it differs: ``[]`` means the snapshot is still current.
    """
    if indicator is not None:
        return _compare_one(session, indicator, page)
    indicators = list(session.indicators.order_by("name_nl", "code"))
    then = snapshot_figures(session)
    unchanged = bool(session.snapshot) and snapshot_version(session) == current_data_version()
    missing = [indicator for indicator in indicators if indicator.code not in then]
    if unchanged:
        now = then | current_figures(session.cycle.coalition, missing)
    else:
        now = current_figures(session.cycle.coalition, indicators)
    comparisons = []
    for indicator in indicators:
        before, after = then.get(indicator.code), now.get(indicator.code)
        found = differences(before, after)
        comparisons.append(
            IndicatorComparison(
                code=indicator.code,
                name=before.name if before is not None else indicator.name_nl,
                then=before,
                now=after if found else None,
                differences=found,
            )
        )
    return comparisons


def _compare_one(session: Session, indicator, page=None) -> list[IndicatorComparison]:
    before = snapshot_figures(session).get(indicator.code)
    if page is not None:
        after = figures_from_summary(page.summary)
    else:
        after = current_figures(session.cycle.coalition, [indicator])[indicator.code]
    found = differences(before, after)
    if not found:
        return []
    name = before.name if before is not None else indicator.name_nl
    return [IndicatorComparison(indicator.code, name, before, after, found)]


DIFFERENCE_LABELS = {
    NEW_PERIOD: gettext_lazy("er is een nieuwere periode"),
    VALUE_CHANGED: gettext_lazy("een cijfer is gewijzigd"),
    VERDICT_CHANGED: gettext_lazy("het oordeel is veranderd"),
    NO_SNAPSHOT: gettext_lazy("niet vastgelegd bij de voorbereiding"),
}


def describe_differences(found: Iterable[str]) -> list[str]:
    return [str(DIFFERENCE_LABELS[kind]) for kind in found]


def comparison_data(comparisons: Iterable[IndicatorComparison]) -> list[dict]:
    """Comparisons as plain data (for JSON twins and the output check)."""
    return [
        {
            "code": comparison.code,
            "name": comparison.name,
            "then": comparison.then.as_data() if comparison.then is not None else None,
            "now": comparison.now.as_data() if comparison.now is not None else None,
            "differences": list(comparison.differences),
        }
        for comparison in comparisons
    ]
