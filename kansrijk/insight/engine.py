"""The engine: from observations to published values, intervals, trends and comparisons.

Two results, both cached (``caching.py``):

* ``NationalTable`` per indicator: every municipality and the country, with what may be
  published of them (NL and its municipalities form one table for ``disclose``). It is the
  same for every coalition, and it decides which public municipal figures are shown
  anywhere, so that two outputs never hide different cells of the same table.
* ``IndicatorInsight`` per coalition and indicator: the coalition's municipality (or its
  region of several), its wijken, the trend of the main area, comparisons with NL, the GGD
  region and comparable municipalities, and the data for a funnel plot. Every number in it
  has passed ``disclose``.

``national_summary`` computes values, intervals, trends and verdicts for every
municipality × period of one indicator at once (numpy); the bench times it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansrijk.catalog.models import AreaLevel, Direction, Unit
from kansrijk.lib import periods as periodlib

from . import verdicts
from .comparisons import (
    difference_tests,
    funnel_denominators,
    funnel_limits,
    size_class,
    size_class_label,
)
from .disclosure import Cell, Group, PublishedCell, Rule, Table, disclose, disclose_star
from .estimates import compute_values, confidence_intervals, is_additive, is_ratio
from .geography import CoalitionAreas, NationalAreas, Place
from .series import Grid, Row, build_grid
from .trends import trend_tests
from .verdicts import ALPHA, Point, Verdict

TREND_POINTS = {periodlib.YEAR: 5, periodlib.POOL: 5, periodlib.QUARTER: 8, periodlib.MONTH: 12}
LEVELS_WITH_MUNICIPALITIES = (AreaLevel.GEMEENTE, AreaLevel.WIJK, AreaLevel.BUURT)
LEVELS_WITH_WIJKEN = (AreaLevel.WIJK, AreaLevel.BUURT)

INSIDE = "inside"  # a funnel point within the 95% limits

TEST_NAMES = {
    Unit.PERCENTAGE: gettext_lazy("Cochran–Armitage-toets voor trend"),
    Unit.PER_1000: gettext_lazy("Poisson-scoretoets voor trend"),
    Unit.COUNT: gettext_lazy("Poisson-scoretoets voor trend"),
    Unit.SCORE: gettext_lazy("t-toets op de helling (kleinste kwadraten)"),
}


# The national table ---------------------------------------------------------------------


@dataclass
class NationalTable:
    indicator_id: int
    unit: str
    grid: Grid  # the country (if known) in row 0, then the municipalities
    country_id: int | None
    hidden: np.ndarray  # bool, areas × periods: not published
    places: dict[int, Place] = field(default_factory=dict)
    country_batches: set[int] = field(default_factory=set)

    def has_cell(self, area_id: int, period: str) -> bool:
        grid = self.grid
        if area_id not in grid.area_ids or period not in grid.periods:
            return False
        return bool(np.isfinite(grid.numerators[grid.row(area_id), grid.periods.index(period)]))

    def cell(self, area_id: int, period: str) -> PublishedCell | None:
        """The published cell of an area in a period (None: not in this table)."""
        grid = self.grid
        if area_id not in grid.area_ids or period not in grid.periods:
            return None
        i, j = grid.row(area_id), grid.periods.index(period)
        return _published_cell(grid, self.unit, i, j, bool(self.hidden[i, j]), (area_id, period))

    def is_hidden(self, area_id: int, period: str) -> bool:
        grid = self.grid
        if area_id not in grid.area_ids or period not in grid.periods:
            return False
        return bool(self.hidden[grid.row(area_id), grid.periods.index(period)])


def _nan_to_none(value) -> float | None:
    return None if value is None or not np.isfinite(value) else float(value)


def _published_cell(grid: Grid, unit: str, i: int, j: int, hidden: bool, key) -> PublishedCell:
    """A cell of a municipal-level table (exact numbers, with interval) or its mark."""
    cell = Cell(
        key,
        _nan_to_none(grid.numerators[i, j]),
        _nan_to_none(grid.denominators[i, j]),
        _nan_to_none(grid.values[i, j]),
        status="provisional" if grid.provisional[i, j] else "definitive",
    )
    rule = Rule(unit, 0)
    published = disclose(Table([cell]), rule)[key]
    if hidden and published.is_published:
        return PublishedCell(key, suppressed=True, reason="elsewhere")
    return published


def national_table(indicator, rows: Sequence[Row], areas: NationalAreas) -> NationalTable:
    """Every municipality and the country for one indicator, with what may be published."""
    rule = Rule.for_indicator(indicator)
    country_id = areas.country.id if areas.country is not None else None
    area_ids = ([country_id] if country_id is not None else []) + [
        m.id for m in areas.municipalities
    ]
    grid = build_grid(rows, area_ids, pool_size=indicator.pool_years or 1)
    hidden = np.zeros(grid.numerators.shape, dtype=bool)
    first = 1 if country_id is not None else 0
    for j in range(len(grid.periods)):
        if country_id is not None:
            total = (grid.numerators[0, j], grid.denominators[0, j])
        else:
            total = (np.nan, np.nan)
        total_hidden, parts = disclose_star(
            rule,
            *total,
            grid.numerators[first:, j],
            grid.denominators[first:, j],
        )
        if country_id is not None:
            hidden[0, j] = total_hidden
        hidden[first:, j] = parts
    places = {m.id: m for m in areas.municipalities}
    if areas.country is not None:
        places[areas.country.id] = areas.country
    country_batches = {r.batch_id for r in rows if r.area_id == country_id}
    return NationalTable(
        indicator.id, indicator.unit, grid, country_id, hidden, places, country_batches
    )


# National summary (every municipality at once) ------------------------------------------


@dataclass
class NationalSummary:
    indicator_id: int
    area_ids: list[int]  # municipalities
    latest_period: str
    values: np.ndarray  # latest value per municipality (NaN when not published)
    lower: np.ndarray
    upper: np.ndarray
    changes: np.ndarray  # verdicts.UP / DOWN / NONE / ""
    judgements: np.ndarray
    p_values: np.ndarray
    verdict_texts: list[str]


def _times(labels: Sequence[str]) -> np.ndarray:
    """Period ends as fractional years, so quarters and months are spaced as in time."""
    ends = [periodlib.parse_period(label).end for label in labels]
    return np.array([e.year + (e.month - 1) / 12 for e in ends], dtype=float)


def _window(has_data: np.ndarray, points: int) -> np.ndarray:
    """Per row, the last ``points`` columns that have data (a boolean mask)."""
    counts = np.cumsum(has_data[:, ::-1], axis=1)[:, ::-1]
    return has_data & (counts <= points)


def national_summary(
    indicator, table: NationalTable, direction: str | None = None
) -> NationalSummary:
    """Values, intervals, trends and verdicts for every municipality (vectorised)."""
    unit = indicator.unit
    direction = direction or indicator.direction
    grid = table.grid
    first = 1 if table.country_id is not None else 0
    ids = grid.area_ids[first:]
    shown = ~table.hidden[first:]
    num, den, val = grid.numerators[first:], grid.denominators[first:], grid.values[first:]
    values = compute_values(unit, num, den) if is_additive(unit) else val.copy()
    values[~shown] = np.nan
    if not grid.periods:
        empty = np.full(len(ids), np.nan)
        changes = np.full(len(ids), "", dtype=object)
        return NationalSummary(
            indicator.id, ids, "", empty, empty, empty, changes, changes, empty, [""] * len(ids)
        )
    lower, upper = confidence_intervals(unit, num[:, -1], den[:, -1])
    latest = values[:, -1]
    lower[~shown[:, -1]] = np.nan
    upper[~shown[:, -1]] = np.nan
    # The trend: on the yearly figures for pooled indicators.
    base = grid.pooled_from or grid
    t_num, t_den, t_val = (
        base.numerators[first:],
        base.denominators[first:],
        base.values[first:],
    )
    has = np.isfinite(t_num) if is_additive(unit) else np.isfinite(t_val)
    window = _window(has, TREND_POINTS.get(base.kind, 5))
    masked = [np.where(window, a, np.nan) for a in (t_num, t_den, t_val)]
    tests = trend_tests(unit, *masked, _times(base.periods))
    changes = verdicts.classify_many(tests.p_value, tests.statistic, tests.points)
    judgements = verdicts.judge_many(changes, direction)
    texts = []
    labels = base.periods
    for i in range(len(ids)):
        columns = np.flatnonzero(window[i])
        if columns.size == 0:
            texts.append(verdicts.describe_change(unit, "", None, None, 0))
            continue
        a, b = columns[0], columns[-1]
        pooled = grid.pooled_from is not None
        first_point = Point(labels[a], None if pooled or not shown[i, a] else values[i, a])
        last_point = Point(labels[b], None if pooled or not shown[i, b] else values[i, b])
        verdict = verdicts.build_verdict(
            unit=unit,
            direction=direction,
            change=changes[i],
            first=first_point,
            last=last_point,
            points=int(tests.points[i]),
        )
        changes[i], judgements[i] = verdict.change, verdict.judgement
        texts.append(verdict.basis)
    return NationalSummary(
        indicator.id,
        ids,
        grid.periods[-1],
        latest,
        lower,
        upper,
        changes,
        judgements,
        tests.p_value,
        texts,
    )


# The coalition's insight -----------------------------------------------------------------


@dataclass
class AreaSeries:
    place: Place
    role: str  # "region", "municipality", "wijk", "country"
    cells: list[PublishedCell]

    @property
    def latest(self) -> PublishedCell | None:
        return self.cells[-1] if self.cells else None


@dataclass
class TrendSummary:
    change: str = ""
    points: int = 0
    first: Point | None = None
    last: Point | None = None
    p_value: float | None = None  # shown only when every figure of the window is published
    test: str = ""
    start: str = ""
    end: str = ""
    pooled_years: int = 1


@dataclass
class Comparison:
    kind: str  # "country", "ggd" or "size_class"
    label: str
    reference: float | None
    period: str
    difference: float | None = None
    p_value: float | None = None
    outcome: str = ""  # verdicts.HIGHER, LOWER, NO_DIFFERENCE, or "" (no test)
    sentence: str = ""
    members: int | None = None


@dataclass
class FunnelPoint:
    code: str
    name: str
    denominator: float
    value: float
    is_own: bool
    position: str  # INSIDE, "above_95", "above_99.8", "below_95", "below_99.8"


@dataclass
class FunnelData:
    period: str
    unit: str
    reference: float
    reference_label: str
    points: list[FunnelPoint]
    denominators: list[float]
    limits: dict[str, dict[str, list[float]]]  # "95" / "99.8" → {"lower": […], "upper": […]}


@dataclass
class IndicatorInsight:
    indicator_id: int
    code: str
    name: str
    unit: str
    direction: str
    pool_years: int
    lowest_level: str
    min_count: int
    periods: list[str] = field(default_factory=list)
    period_kind: str = periodlib.YEAR
    main: AreaSeries | None = None
    rows: list[AreaSeries] = field(default_factory=list)
    country: AreaSeries | None = None
    trend: TrendSummary = field(default_factory=TrendSummary)
    comparisons: list[Comparison] = field(default_factory=list)
    funnel: FunnelData | None = None
    sources: list[str] = field(default_factory=list)
    batch_ids: list[int] = field(default_factory=list)
    is_own_indicator: bool = False

    @property
    def has_data(self) -> bool:
        return any(c.is_published or c.suppressed for row in self.rows for c in row.cells) or (
            self.country is not None and any(c.is_published for c in self.country.cells)
        )

    @property
    def latest(self) -> PublishedCell | None:
        return self.main.latest if self.main is not None else None

    @property
    def latest_period(self) -> str:
        return self.periods[-1] if self.periods else ""

    def verdict(self, direction: str | None = None, target_value=None, target_year=None):
        """The verdict against ``direction`` (the plan's, else the indicator's) and target."""
        return build_insight_verdict(self, direction or self.direction, target_value, target_year)


def build_insight_verdict(
    insight: IndicatorInsight, direction: str, target_value=None, target_year=None
) -> Verdict:
    trend = insight.trend
    latest = insight.latest
    latest_point = (
        Point(insight.latest_period, latest.value if latest and latest.is_published else None)
        if latest is not None
        else None
    )
    verdict = verdicts.build_verdict(
        unit=insight.unit,
        direction=direction,
        change=trend.change,
        first=trend.first,
        last=trend.last,
        points=trend.points,
        pooled_years=trend.pooled_years,
    )
    target, reached = verdicts.describe_target(
        insight.unit, direction, latest_point, target_value, target_year
    )
    return Verdict(verdict.judgement, verdict.change, verdict.basis, target, reached)


def _region_place(coalition, areas: CoalitionAreas) -> Place:
    inhabitants = [m.inhabitants for m in areas.municipalities]
    total = sum(inhabitants) if all(i is not None for i in inhabitants) else None
    return Place(0, "", coalition.name, "region", None, total)


def _coalition_cells(indicator, grid: Grid, areas: CoalitionAreas, national, show_wijken):
    """The cells of the coalition's table and its groups (per period)."""
    unit = indicator.unit
    cells: list[Cell] = []
    groups: list[Group] = []
    hidden: set = set()
    kept: set = set()
    municipalities = areas.municipalities
    for j, period in enumerate(grid.periods):
        if areas.is_region:
            region_key = ("region", period)
            rows = [grid.row(m.id) for m in municipalities]
            num = grid.numerators[rows, j]
            den = grid.denominators[rows, j]
            complete = np.isfinite(num).all() and (not is_ratio(unit) or np.isfinite(den).all())
            cells.append(
                Cell(
                    region_key,
                    float(num.sum()) if complete else None,
                    float(den.sum()) if complete and is_ratio(unit) else None,
                    None,
                    "region",
                    "provisional" if grid.provisional[rows, j].any() else "definitive",
                )
            )
            groups.append(Group(region_key, tuple((m.id, period) for m in municipalities)))
        for municipality in municipalities:
            i = grid.row(municipality.id)
            key = (municipality.id, period)
            cells.append(_grid_cell(grid, i, j, key, municipality.level))
            if not grid.own[i, j] and national is not None:
                if national.is_hidden(municipality.id, period):
                    hidden.add(key)
                    if areas.is_region:
                        hidden.add(("region", period))
                elif national.has_cell(municipality.id, period):
                    kept.add(key)
            if show_wijken and areas.wijken.get(municipality.id):
                wijk_keys = []
                for wijk in areas.wijken[municipality.id]:
                    wijk_key = (wijk.id, period)
                    cells.append(_grid_cell(grid, grid.row(wijk.id), j, wijk_key, wijk.level))
                    wijk_keys.append(wijk_key)
                groups.append(Group(key, tuple(wijk_keys)))
    return Table(cells, groups, frozenset(hidden), frozenset(kept))


def _grid_cell(grid: Grid, i: int, j: int, key, level: str) -> Cell:
    return Cell(
        key,
        _nan_to_none(grid.numerators[i, j]),
        _nan_to_none(grid.denominators[i, j]),
        _nan_to_none(grid.values[i, j]),
        level,
        "provisional" if grid.provisional[i, j] else "definitive",
    )


def _main_series(grid: Grid, areas: CoalitionAreas, unit: str):
    """The main area's figures per period of ``grid``: the municipality, or the sum of the
    coalition's municipalities (NaN where one is missing)."""
    rows = [grid.row(m.id) for m in areas.municipalities]
    num = grid.numerators[rows].sum(axis=0)
    den = grid.denominators[rows].sum(axis=0)
    val = grid.values[rows[0]] if len(rows) == 1 else np.full(len(grid.periods), np.nan)
    return num, den, val


def _trend(indicator, grid: Grid, areas: CoalitionAreas, main: AreaSeries) -> TrendSummary:
    unit = indicator.unit
    base = grid.pooled_from or grid
    if not base.periods or not areas.municipalities:
        return TrendSummary()
    num, den, val = _main_series(base, areas, unit)
    has = np.isfinite(num) if is_additive(unit) else np.isfinite(val)
    if unit == Unit.YES_NO:
        columns = np.flatnonzero(has)[-TREND_POINTS.get(base.kind, 5) :]
        if columns.size == 0:
            return TrendSummary()
        first, last = columns[0], columns[-1]
        return TrendSummary(
            verdicts.yes_no_change(
                Point(base.periods[first], val[first]), Point(base.periods[last], val[last])
            ),
            int(columns.size),
            Point(base.periods[first], val[first]),
            Point(base.periods[last], val[last]),
            start=base.periods[first],
            end=base.periods[last],
        )
    window = _window(has[None, :], TREND_POINTS.get(base.kind, 5))[0]
    columns = np.flatnonzero(window)
    if columns.size == 0:
        return TrendSummary()
    masked = [np.where(window, a, np.nan)[None, :] for a in (num, den, val)]
    tests = trend_tests(unit, *masked, _times(base.periods))
    p, z, points = float(tests.p_value[0]), float(tests.statistic[0]), int(tests.points[0])
    change = verdicts.classify_change(p, z, points)
    pooled = grid.pooled_from is not None
    a, b = base.periods[columns[0]], base.periods[columns[-1]]
    by_period = dict(zip(grid.periods, main.cells, strict=True))

    def point(label: str) -> Point:
        cell = by_period.get(label) if not pooled else None
        return Point(label, cell.value if cell is not None and cell.is_published else None)

    all_shown = not pooled and all(
        by_period.get(base.periods[c]) is not None and by_period[base.periods[c]].is_published
        for c in columns
    )
    return TrendSummary(
        change,
        points,
        point(a),
        point(b),
        p if all_shown and np.isfinite(p) else None,
        str(TEST_NAMES.get(unit, "")),
        a,
        b,
        indicator.pool_years if pooled else 1,
    )


def _compare(
    kind, unit, label, own: PublishedCell, ref_num, ref_den, ref_value, period, members=None
):
    if ref_value is None or not np.isfinite(ref_value):
        return None
    comparison = Comparison(kind, label, float(ref_value), period, members=members)
    tests = difference_tests(unit, own.numerator, own.denominator, ref_num, ref_den)
    own_text = verdicts.format_value(unit, own.value)
    ref_text = verdicts.format_value(unit, ref_value)
    if tests is None:
        comparison.sentence = _("%(label)s: %(value)s.") % {"label": label, "value": ref_text}
        return comparison
    difference, p = float(tests.difference), float(tests.p_value)
    comparison.difference, comparison.p_value = difference, p
    if np.isfinite(p) and p < ALPHA:
        comparison.outcome = verdicts.HIGHER if difference > 0 else verdicts.LOWER
        comparison.sentence = verdicts.comparison_sentence(
            comparison.outcome, own_text, label, ref_text
        )
    else:
        comparison.outcome = verdicts.NO_DIFFERENCE
        comparison.sentence = verdicts.comparison_sentence(
            comparison.outcome, own_text, label, ref_text
        )
    return comparison


def _group_sum(table: NationalTable, ids: Sequence[int], period: str):
    """Sum of the *published* figures of ``ids`` in ``period`` (never a hidden one)."""
    grid = table.grid
    j = grid.periods.index(period)
    rows = [grid.row(i) for i in ids if i in grid.area_ids]
    rows = [r for r in rows if not table.hidden[r, j] and np.isfinite(grid.numerators[r, j])]
    if is_ratio(table.unit):
        rows = [r for r in rows if np.isfinite(grid.denominators[r, j])]
    if not rows:
        return None
    return float(grid.numerators[rows, j].sum()), float(grid.denominators[rows, j].sum()), len(rows)


def _comparisons(indicator, insight: IndicatorInsight, areas, national, national_areas):
    unit = indicator.unit
    main, period = insight.main, insight.latest_period
    if main is None or not period or national is None or unit == Unit.COUNT:
        return []
    own = main.latest
    if own is None or not own.is_published:
        return []
    out = []
    country = national.cell(national.country_id, period) if national.country_id else None
    if country is not None and country.is_published:
        found = _compare(
            "country",
            unit,
            national.places[national.country_id].name,
            own,
            country.numerator,
            country.denominator,
            country.value,
            period,
        )
        if found:
            out.append(found)
    if areas.is_region or not is_ratio(unit) or period not in national.grid.periods:
        return out
    municipality = areas.municipalities[0]
    ggd = areas.ggd.get(municipality.id)
    if ggd is not None and national_areas is not None:
        members = [m for m in national_areas.ggd_members.get(ggd.id, []) if m != municipality.id]
        summed = _group_sum(national, members, period)
        if summed:
            num, den, count = summed
            value = float(compute_values(unit, [num], [den])[0])
            label = _("overige gemeenten in %(region)s") % {"region": ggd.name}
            found = _compare("ggd", unit, label, own, num, den, value, period, count)
            if found:
                out.append(found)
    size = size_class(municipality.inhabitants)
    if size is not None and national_areas is not None:
        members = [
            m.id
            for m in national_areas.municipalities
            if m.id != municipality.id and size_class(m.inhabitants) == size
        ]
        summed = _group_sum(national, members, period)
        if summed:
            num, den, count = summed
            value = float(compute_values(unit, [num], [den])[0])
            label = _("gemeenten met %(size)s") % {"size": size_class_label(size)}
            found = _compare("size_class", unit, label, own, num, den, value, period, count)
            if found:
                out.append(found)
    return out


def funnel_data(indicator, national: NationalTable, own_ids=(), period: str | None = None):
    """Funnel plot data: published municipalities against their denominator, with control
    limits around the published national value (or the published municipalities' total)."""
    unit = indicator.unit
    grid = national.grid
    if not is_ratio(unit) or not grid.periods:
        return None
    period = period or grid.periods[-1]
    if period not in grid.periods:
        return None
    j = grid.periods.index(period)
    first = 1 if national.country_id is not None else 0
    reference, reference_label = None, _("Nederland")
    if national.country_id is not None:
        country = national.cell(national.country_id, period)
        if country is not None and country.is_published:
            reference = country.value
    ids = grid.area_ids[first:]
    if reference is None:
        summed = _group_sum(national, ids, period)
        if not summed:
            return None
        reference = float(compute_values(unit, [summed[0]], [summed[1]])[0])
        reference_label = _("alle gemeenten met gepubliceerde cijfers")
    points = []
    for offset, area_id in enumerate(ids):
        i = first + offset
        if national.hidden[i, j]:
            continue
        num, den = grid.numerators[i, j], grid.denominators[i, j]
        if not (np.isfinite(num) and np.isfinite(den) and den > 0):
            continue
        value = float(compute_values(unit, [num], [den])[0])
        place = national.places.get(area_id)
        points.append((area_id, place, float(den), value))
    if not points:
        return None
    denominators = funnel_denominators(min(p[2] for p in points), max(p[2] for p in points))
    limits = funnel_limits(unit, reference, denominators)
    own = set(own_ids)
    values = np.array([p[3] for p in points])
    at = funnel_limits(unit, reference, [p[2] for p in points])
    positions = np.full(len(points), INSIDE, dtype=object)
    for level, name in ((0.95, "95"), (0.998, "99.8")):  # the wider limits win
        low, high = at[level]
        positions[values > high] = f"above_{name}"
        positions[values < low] = f"below_{name}"
    funnel_points = [
        FunnelPoint(
            place.code if place else "",
            place.name if place else "",
            den,
            value,
            area_id in own,
            str(position),
        )
        for (area_id, place, den, value), position in zip(points, positions, strict=True)
    ]
    return FunnelData(
        period,
        unit,
        float(reference),
        reference_label,
        funnel_points,
        [float(d) for d in denominators],
        {
            f"{level * 100:g}": {
                "lower": [float(v) for v in low],
                "upper": [float(v) for v in high],
            }
            for level, (low, high) in limits.items()
        },
    )


def coalition_insight(
    coalition,
    indicator,
    rows: Sequence[Row],
    areas: CoalitionAreas,
    national: NationalTable | None,
    national_areas: NationalAreas | None = None,
) -> IndicatorInsight:
    """Everything a coalition may see of one indicator, each number through ``disclose``."""
    rule = Rule.for_indicator(indicator)
    insight = IndicatorInsight(
        indicator.id,
        indicator.code,
        indicator.name_nl,
        indicator.unit,
        indicator.direction,
        indicator.pool_years or 1,
        indicator.lowest_level,
        rule.k,
        is_own_indicator=indicator.coalition_id is not None,
    )
    show_municipalities = indicator.lowest_level in LEVELS_WITH_MUNICIPALITIES
    show_wijken = indicator.lowest_level in LEVELS_WITH_WIJKEN
    municipal_ids = [m.id for m in areas.municipalities] if show_municipalities else []
    wijk_ids = (
        [w.id for m in areas.municipalities for w in areas.wijken.get(m.id, [])]
        if show_wijken
        else []
    )
    area_ids = municipal_ids + wijk_ids
    wanted = set(area_ids)
    grid = build_grid(
        [r for r in rows if r.area_id in wanted], area_ids, pool_size=insight.pool_years
    )
    insight.periods = list(grid.periods)
    insight.period_kind = grid.kind
    if area_ids and grid.periods:
        local = areas if show_municipalities else CoalitionAreas([], {}, areas.country)
        table = _coalition_cells(indicator, grid, local, national, show_wijken)
        published = disclose(table, rule)
        insight.rows = _series_rows(coalition, grid, local, published, show_wijken)
        insight.main = insight.rows[0] if insight.rows else None
        insight.trend = (
            _trend(indicator, grid, local, insight.main) if insight.main else (TrendSummary())
        )
    if national is not None and national.country_id is not None:
        periods_shown = insight.periods or national.grid.periods
        if not insight.periods:
            insight.periods = list(periods_shown)
            insight.period_kind = national.grid.kind
        place = national.places[national.country_id]
        cells = [
            national.cell(national.country_id, p) or PublishedCell((place.id, p), missing=True)
            for p in insight.periods
        ]
        insight.country = AreaSeries(place, "country", cells)
    insight.comparisons = _comparisons(indicator, insight, areas, national, national_areas)
    if national is not None and show_municipalities:
        insight.funnel = funnel_data(
            indicator, national, [m.id for m in areas.municipalities], insight.latest_period
        )
    batches = set(grid.batches)
    if insight.country is not None and national is not None:
        batches |= national.country_batches
    insight.batch_ids = sorted(batches)
    return insight


def _series_rows(coalition, grid: Grid, areas: CoalitionAreas, published, show_wijken):
    rows: list[AreaSeries] = []
    if areas.is_region:
        rows.append(
            AreaSeries(
                _region_place(coalition, areas),
                "region",
                [published[("region", p)] for p in grid.periods],
            )
        )
    for municipality in areas.municipalities:
        rows.append(
            AreaSeries(
                municipality,
                "municipality",
                [published[(municipality.id, p)] for p in grid.periods],
            )
        )
    if show_wijken:
        for municipality in areas.municipalities:
            for wijk in areas.wijken.get(municipality.id, []):
                rows.append(
                    AreaSeries(wijk, "wijk", [published[(wijk.id, p)] for p in grid.periods])
                )
    return rows


def effective_direction(indicator, link=None) -> str:
    """The plan link's direction when the indicator is in the plan, else the indicator's."""
    if link is not None and link.direction:
        return link.direction
    return indicator.direction or Direction.NONE
