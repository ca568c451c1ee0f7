"""Observations as grids: areas × periods of numerators, denominators and values.

``load_rows`` reads the observations of many indicators in one query; ``build_grid`` puts
one indicator's rows in a ``Grid`` of the periods that are shown: years (or quarters, months,
stored pools), or, for indicators the catalogue pools (``pool_years`` > 1), non-overlapping
pools of that many years ending in the latest year.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from kansrijk.lib import periods
from kansrijk.observations.models import Observation, Status

from .aggregation import pool_years

KIND_PREFERENCE = (periods.YEAR, periods.POOL, periods.QUARTER, periods.MONTH)
_FIELDS = (
    "indicator_id",
    "area_id",
    "period",
    "period_kind",
    "numerator",
    "denominator",
    "value",
    "status",
    "batch_id",
    "coalition_id",
)


@dataclass(frozen=True)
class Row:
    indicator_id: int
    area_id: int
    period: str
    kind: str
    numerator: float | None
    denominator: float | None
    value: float | None
    status: str
    batch_id: int
    coalition_id: int | None


def load_rows(queryset, indicator_ids: Iterable[int], area_ids=None) -> dict[int, list[Row]]:
    """Rows per indicator from ``queryset`` (public, or visible to a coalition): one query.

    Where a coalition's own figure and a public one exist for the same area and period, the
    coalition's own figure is used.
    """
    qs = queryset.filter(indicator_id__in=list(indicator_ids))
    if area_ids is not None:
        qs = qs.filter(area_id__in=list(area_ids))
    chosen: dict[tuple[int, int, str], Row] = {}
    for values in qs.values_list(*_FIELDS).iterator(chunk_size=5000):
        row = Row(*values)
        key = (row.indicator_id, row.area_id, row.period)
        if key not in chosen or row.coalition_id is not None:
            chosen[key] = row
    by_indicator: dict[int, list[Row]] = defaultdict(list)
    for row in chosen.values():
        by_indicator[row.indicator_id].append(row)
    return by_indicator


def public_rows(indicator_ids, area_ids=None) -> dict[int, list[Row]]:
    return load_rows(Observation.objects.public(), indicator_ids, area_ids)


def coalition_rows(coalition, indicator_ids, area_ids) -> dict[int, list[Row]]:
    """Public figures plus the coalition's own, never another coalition's."""
    return load_rows(Observation.objects.visible_to_coalition(coalition), indicator_ids, area_ids)


@dataclass
class Grid:
    """One indicator's figures for ``area_ids`` × ``periods`` (NaN = no figure)."""

    periods: list[str]
    kind: str
    area_ids: list[int]
    numerators: np.ndarray
    denominators: np.ndarray
    values: np.ndarray
    provisional: np.ndarray  # bool
    own: np.ndarray  # bool: the coalition's own registration (not a public figure)
    batches: set[int] = field(default_factory=set)
    pooled_from: Grid | None = None  # the yearly grid a pooled grid was made of

    def row(self, area_id: int) -> int:
        return self.area_ids.index(area_id)

    def has_data(self, area_id: int) -> bool:
        if area_id not in self.area_ids:
            return False
        i = self.row(area_id)
        return bool(np.isfinite(self.numerators[i]).any() or np.isfinite(self.values[i]).any())


def choose_kind(rows: Sequence[Row], preferred_areas: Iterable[int] = ()) -> str:
    """The period kind shown: the first of year, pool, quarter, month that has figures
    (for ``preferred_areas`` if they have any)."""
    preferred = set(preferred_areas)
    kinds = {r.kind for r in rows if r.area_id in preferred} or {r.kind for r in rows}
    for kind in KIND_PREFERENCE:
        if kind in kinds:
            return kind
    return periods.YEAR


def _empty(shape) -> np.ndarray:
    return np.full(shape, np.nan)


def build_grid(
    rows: Sequence[Row], area_ids: Sequence[int], pool_size: int = 1, kind: str | None = None
) -> Grid:
    """The grid of ``rows`` for ``area_ids``; pooled when ``pool_size`` > 1 (yearly rows)."""
    kind = kind or choose_kind(rows, area_ids)
    if pool_size > 1:
        kind = periods.YEAR
    index = {area_id: i for i, area_id in enumerate(area_ids)}
    used = [r for r in rows if r.kind == kind and r.area_id in index]
    labels = sorted({r.period for r in used}, key=lambda label: periods.parse_period(label))
    column = {label: j for j, label in enumerate(labels)}
    shape = (len(area_ids), len(labels))
    num, den, val = _empty(shape), _empty(shape), _empty(shape)
    provisional = np.zeros(shape, dtype=bool)
    own = np.zeros(shape, dtype=bool)
    batches = set()
    for r in used:
        if r.status in (Status.SECRET, Status.MISSING):
            continue
        i, j = index[r.area_id], column[r.period]
        num[i, j] = np.nan if r.numerator is None else r.numerator
        den[i, j] = np.nan if r.denominator is None else r.denominator
        val[i, j] = np.nan if r.value is None else r.value
        provisional[i, j] = r.status == Status.PROVISIONAL
        own[i, j] = r.coalition_id is not None
        batches.add(r.batch_id)
    grid = Grid(labels, kind, list(area_ids), num, den, val, provisional, own, batches)
    if pool_size > 1:
        return pool_grid(grid, pool_size)
    return grid


def pool_grid(yearly: Grid, size: int) -> Grid:
    """Non-overlapping pools of ``size`` years (see ``aggregation.pool_years``)."""
    years = [int(label) for label in yearly.periods]
    if years:
        full = list(range(min(years), max(years) + 1))
        position = {y: j for j, y in enumerate(years)}

        def spread(values):
            out = _empty((values.shape[0], len(full)))
            for j, year in enumerate(full):
                if year in position:
                    out[:, j] = values[:, position[year]]
            return out

        num, den = spread(yearly.numerators), spread(yearly.denominators)
        prov = spread(yearly.provisional.astype(float))
        own = spread(yearly.own.astype(float))
    else:
        full, num, den = [], yearly.numerators, yearly.denominators
        prov = own = yearly.numerators
    pools = pool_years(full, num, den, size)
    # a pool is provisional / own when any of its years is
    flags = pool_years(full, np.nan_to_num(prov), np.nan_to_num(own), size)
    values = _empty(pools.numerators.shape)
    return Grid(
        pools.labels,
        periods.POOL,
        list(yearly.area_ids),
        pools.numerators,
        pools.denominators,
        values,
        flags.numerators > 0,
        flags.denominators > 0,
        set(yearly.batches),
        pooled_from=yearly,
    )
