"""Comparing an area with a reference: tests for a difference, size classes, funnel plots.

* Two proportions: the pooled two-sample z-test (as statsmodels ``proportions_ztest``).
* Two rates: the score test for a rate ratio of 1 (as statsmodels ``test_poisson_2indep``
  with ``method="score"``).
* Comparable municipalities: the CBS size classes by number of inhabitants.
* Funnel plot: control limits around a reference proportion or rate for every denominator,
  exact binomial/Poisson quantiles with Spiegelhalter's interpolation (Statistics in
  Medicine 2005;24:1185–1202), at 95% and 99.8%.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext_lazy as _
from scipy.stats import binom, norm, poisson

from kansrijk.catalog.models import Unit

from .estimates import SCALE, as_array

FUNNEL_LEVELS = (0.95, 0.998)

# CBS "gemeentegrootteklassen": lower bounds of inhabitants per class.
SIZE_CLASS_BOUNDS = (0, 5_000, 10_000, 20_000, 50_000, 100_000, 150_000, 250_000)
SIZE_CLASS_LABELS = (
    _("minder dan 5.000 inwoners"),
    _("5.000 tot 10.000 inwoners"),
    _("10.000 tot 20.000 inwoners"),
    _("20.000 tot 50.000 inwoners"),
    _("50.000 tot 100.000 inwoners"),
    _("100.000 tot 150.000 inwoners"),
    _("150.000 tot 250.000 inwoners"),
    _("250.000 inwoners of meer"),
)


@dataclass(frozen=True)
class DifferenceTests:
    difference: np.ndarray  # value of the area minus value of the reference (unit's scale)
    statistic: np.ndarray  # z
    p_value: np.ndarray  # two-sided


def proportion_difference(num1, den1, num2, den2, scale: float = 100.0) -> DifferenceTests:
    """Pooled two-proportion z-test, element-wise."""
    r1, n1, r2, n2 = (as_array(a) for a in (num1, den1, num2, den2))
    with np.errstate(divide="ignore", invalid="ignore"):
        p1, p2 = r1 / n1, r2 / n2
        pooled = (r1 + r2) / (n1 + n2)
        se = np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        z = np.where(se > 0, (p1 - p2) / se, 0.0)
    bad = ~((n1 > 0) & (n2 > 0) & np.isfinite(r1) & np.isfinite(r2))
    z[bad] = np.nan
    p = 2 * norm.sf(np.abs(z))
    return DifferenceTests((p1 - p2) * scale, z, p)


def rate_difference(num1, exp1, num2, exp2, scale: float = 1000.0) -> DifferenceTests:
    """Score test for equal Poisson rates ``num / exposure``, element-wise."""
    r1, e1, r2, e2 = (as_array(a) for a in (num1, exp1, num2, exp2))
    with np.errstate(divide="ignore", invalid="ignore"):
        rate1, rate2 = r1 / e1, r2 / e2
        pooled = (r1 + r2) / (e1 + e2)
        se = np.sqrt(pooled * (1 / e1 + 1 / e2))
        z = np.where(se > 0, (rate1 - rate2) / se, 0.0)
    bad = ~((e1 > 0) & (e2 > 0) & np.isfinite(r1) & np.isfinite(r2))
    z[bad] = np.nan
    p = 2 * norm.sf(np.abs(z))
    return DifferenceTests((rate1 - rate2) * scale, z, p)


def difference_tests(unit: str, num1, den1, num2, den2) -> DifferenceTests | None:
    """The test that fits the unit; None for units that are not compared (counts, scores)."""
    if unit == Unit.PERCENTAGE:
        return proportion_difference(num1, den1, num2, den2, SCALE[unit])
    if unit == Unit.PER_1000:
        return rate_difference(num1, den1, num2, den2, SCALE[unit])
    return None


def size_class(inhabitants: int | None) -> int | None:
    """The CBS size class (0–7) of a municipality, None without a number of inhabitants."""
    if inhabitants is None or inhabitants <= 0:
        return None
    return int(np.searchsorted(SIZE_CLASS_BOUNDS, inhabitants, side="right") - 1)


def size_class_label(size: int | None) -> str:
    return str(SIZE_CLASS_LABELS[size]) if size is not None else ""


def _spiegelhalter(dist, quantile, denominators, reference, probability):
    """Interpolated exact quantile of ``dist`` as a proportion of the denominator."""
    r = dist.ppf(probability, *quantile)
    below = dist.cdf(r - 1, *quantile)
    at = dist.cdf(r, *quantile)
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = np.where(at > below, (at - probability) / (at - below), 0.0)
        return (r - alpha) / denominators


def funnel_limits(
    unit: str, reference: float, denominators, levels=FUNNEL_LEVELS
) -> dict[float, tuple[np.ndarray, np.ndarray]]:
    """Lower and upper control limits (unit's scale) per level, for each denominator.

    ``reference`` is the reference value on the unit's scale (e.g. 12.5 for 12.5%).
    """
    n = as_array(denominators)
    scale = SCALE.get(unit)
    if scale is None:
        raise ValueError(f"no funnel plot for unit {unit!r}")
    p0 = reference / scale
    limits = {}
    for level in levels:
        tail = (1 - level) / 2
        if unit == Unit.PERCENTAGE:
            args = (n, p0)
            dist = binom
        else:
            args = (n * p0,)
            dist = poisson
        low = _spiegelhalter(dist, args, n, p0, tail)
        high = _spiegelhalter(dist, args, n, p0, 1 - tail)
        limits[level] = (np.clip(low, 0, None) * scale, high * scale)
    return limits


def funnel_denominators(smallest: float, largest: float, points: int = 60) -> np.ndarray:
    """Denominators for drawing the limits: a geometric grid from ``smallest`` to ``largest``."""
    smallest = max(1.0, float(smallest))
    largest = max(smallest + 1, float(largest))
    return np.unique(np.round(np.geomspace(smallest, largest, points)))
