"""Adding figures up: wijken to a municipality, municipalities to a region, years to a pool.

Figures are added by summing numerators and denominators, never by averaging values: the
percentage of a region is (Σ numerators) / (Σ denominators) × 100, which weighs each area by
its size. A sum with a missing part is missing (NaN), never a sum of what happens to be there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kansrijk.lib import periods

from .estimates import as_array


@dataclass(frozen=True)
class Sums:
    """Numerators and denominators of aggregated cells (NaN where a part was missing)."""

    numerators: np.ndarray
    denominators: np.ndarray


def _sum_complete(values: np.ndarray, membership: np.ndarray) -> np.ndarray:
    """``membership @ values`` over the last axis, NaN where any member value is NaN."""
    missing = np.isnan(values)
    totals = np.nan_to_num(values) @ membership.T
    incomplete = missing.astype(float) @ membership.T > 0
    totals[incomplete] = np.nan
    return totals


def aggregate(numerators, denominators, membership) -> Sums:
    """Sum area figures into groups.

    ``numerators`` and ``denominators`` have areas on the last axis (``(..., areas)``);
    ``membership`` is a boolean matrix ``(groups, areas)``. Returns ``(..., groups)`` sums.
    Pass ``denominators=None`` for counts.
    """
    member = np.asarray(membership, dtype=float)
    num = as_array(numerators)
    den = np.full(num.shape, np.nan) if denominators is None else as_array(denominators)
    sums_num = _sum_complete(num, member)
    if denominators is None:
        return Sums(sums_num, np.full(sums_num.shape, np.nan))
    return Sums(sums_num, _sum_complete(den, member))


@dataclass(frozen=True)
class Pools:
    labels: list[str]  # "2015/2019", "2020/2024": oldest first
    last_years: list[int]
    numerators: np.ndarray  # (..., pools)
    denominators: np.ndarray


def pool_years(
    years: Sequence[int], numerators, denominators, size: int, *, count: int | None = None
) -> Pools:
    """Non-overlapping pools of ``size`` consecutive years, the last ending in the last year.

    ``years`` are the (ascending, consecutive or not) years on the last axis of the arrays.
    Only complete pools are kept: a pool with a year that has no figure is NaN. ``count``
    limits the number of pools (newest first). Overlapping (rolling) pools are deliberately
    not offered: two overlapping pools differ by two single years, which would undo the
    protection pooling gives small numbers.
    """
    if size < 1:
        raise ValueError("pool size must be at least 1")
    num = as_array(numerators)
    den = np.full(num.shape, np.nan) if denominators is None else as_array(denominators)
    if not years:
        empty = np.zeros((*num.shape[:-1], 0))
        return Pools([], [], empty, empty.copy())
    position = {year: index for index, year in enumerate(years)}
    last = max(years)
    labels, ends, nums, dens = [], [], [], []
    end = last
    while end - size + 1 >= min(years) and (count is None or len(labels) < count):
        span = range(end - size + 1, end + 1)
        columns = [position.get(y) for y in span]
        if None in columns:
            pooled_num = np.full(num.shape[:-1], np.nan)
            pooled_den = pooled_num.copy()
        else:
            pooled_num = num[..., columns].sum(axis=-1)
            pooled_den = den[..., columns].sum(axis=-1)
        label = periods.pool(span.start, end).label if size > 1 else periods.year(end).label
        labels.append(label)
        ends.append(end)
        nums.append(pooled_num)
        dens.append(pooled_den)
        end -= size
    order = slice(None, None, -1)
    return Pools(
        labels[order],
        ends[order],
        np.stack(nums[order], axis=-1) if nums else np.zeros((*num.shape[:-1], 0)),
        np.stack(dens[order], axis=-1) if dens else np.zeros((*num.shape[:-1], 0)),
    )
