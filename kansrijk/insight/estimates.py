"""Values and their 95% confidence intervals, for whole arrays of cells at once.

A value follows from numerator and denominator per the indicator's unit: a percentage is
numerator / denominator × 100, a rate per 1,000 × 1,000, a count is the numerator. Scores
and yes/no values are stored as they are and have no interval.

Intervals: Wilson for proportions (statsmodels ``proportion_confint``), the exact (Garwood)
Poisson interval for rates per 1,000 and counts, from the chi-square quantiles of
``scipy.stats.chi2``. Missing inputs give NaN, never zero.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import chi2
from statsmodels.stats.proportion import proportion_confint

from kansrijk.catalog.models import Unit

CONFIDENCE = 0.95
SCALE = {Unit.PERCENTAGE: 100.0, Unit.PER_1000: 1000.0}
# How a proportion's interval is computed: "wilson" or "beta" (exact Clopper-Pearson).
PROPORTION_METHOD = "wilson"


def as_array(values) -> np.ndarray:
    """Floats, with None as NaN (a new array, never a view of the input)."""
    return np.array(values, dtype=float)


def is_ratio(unit: str) -> bool:
    return unit in SCALE


def is_additive(unit: str) -> bool:
    """Units whose figures add up over areas and years (they have a numerator)."""
    return unit in (Unit.PERCENTAGE, Unit.PER_1000, Unit.COUNT)


def compute_values(unit: str, numerators, denominators=None) -> np.ndarray:
    """The value of each cell; NaN where it cannot be computed (missing, zero denominator)."""
    num = as_array(numerators)
    if unit == Unit.COUNT:
        return num.copy()
    if unit not in SCALE:
        return np.full(num.shape, np.nan)
    den = as_array(denominators)
    with np.errstate(divide="ignore", invalid="ignore"):
        values = num / den * SCALE[unit]
    values[~(den > 0)] = np.nan
    return values


def _poisson_limits(events: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Garwood) limits for a Poisson count: chi2(α/2, 2x)/2 and chi2(1-α/2, 2x+2)/2."""
    with np.errstate(invalid="ignore"):
        lower = np.where(events > 0, chi2.ppf(alpha / 2, 2 * events) / 2, 0.0)
        upper = chi2.ppf(1 - alpha / 2, 2 * events + 2) / 2
    bad = ~(events >= 0)
    lower[bad] = np.nan
    upper[bad] = np.nan
    return lower, upper


def confidence_intervals(
    unit: str, numerators, denominators=None, confidence: float = CONFIDENCE
) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper limits, on the scale of the value; NaN where there is no interval."""
    alpha = 1 - confidence
    num = as_array(numerators)
    if unit == Unit.COUNT:
        return _poisson_limits(num, alpha)
    nan = np.full(num.shape, np.nan)
    if unit not in SCALE:
        return nan, nan.copy()
    den = as_array(denominators)
    usable = (den > 0) & (num >= 0)
    if unit == Unit.PERCENTAGE:
        usable &= num <= den
    lower, upper = nan.copy(), nan.copy()
    if not usable.any():
        return lower, upper
    n, d = num[usable], den[usable]
    if unit == Unit.PERCENTAGE:
        low, high = proportion_confint(n, d, alpha=alpha, method=PROPORTION_METHOD)
    else:
        low, high = _poisson_limits(n, alpha)
        low, high = low / d, high / d
    lower[usable] = np.asarray(low, dtype=float) * SCALE[unit]
    upper[usable] = np.asarray(high, dtype=float) * SCALE[unit]
    return lower, upper
