"""Tests for trend over a series of periods, for many series at once.

* Proportions (percentages): the Cochran–Armitage chi-square test for trend. It is the score
  test for the slope of a logistic regression of the proportion on time, so it equals
  statsmodels' ``GLM(Binomial).score_test`` for a time covariate (the tests check this).
* Rates per 1,000 and counts: the score test for the slope of a Poisson regression with the
  denominator as exposure (equal exposure for counts): ``GLM(Poisson).score_test``.
* Scores: the t-test of an ordinary least-squares slope (``scipy.stats.linregress``).

Every function takes arrays of shape ``(series, periods)`` with NaN for a missing period and
returns a ``TrendTests`` of arrays of shape ``(series,)``. A series with fewer than
``MIN_POINTS`` usable periods gets NaN for its statistic and p-value.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import norm
from scipy.stats import t as student_t

from kansrijk.catalog.models import Unit

from .estimates import SCALE, as_array

MIN_POINTS = 3


@dataclass(frozen=True)
class TrendTests:
    statistic: np.ndarray  # signed z (t for scores): positive means rising
    p_value: np.ndarray  # two-sided
    slope: np.ndarray  # change of the value per time unit (the unit's scale)
    points: np.ndarray  # usable periods per series


def _times(times, shape) -> np.ndarray:
    return np.broadcast_to(as_array(times), shape)


def _normal_result(score, variance, slope, points) -> TrendTests:
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(variance > 0, score / np.sqrt(variance), 0.0)
    p = 2 * norm.sf(np.abs(z))
    few = points < MIN_POINTS
    z[few] = np.nan
    p[few] = np.nan
    return TrendTests(z, p, slope, points)


def proportion_trend(numerators, denominators, times, scale: float = 100.0) -> TrendTests:
    """Cochran–Armitage test for trend in proportions ``numerators / denominators``."""
    r, n = as_array(numerators), as_array(denominators)
    usable = np.isfinite(r) & np.isfinite(n) & (n > 0)
    r, n = np.where(usable, r, 0.0), np.where(usable, n, 0.0)
    x = _times(times, r.shape)
    total_n = n.sum(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        p_bar = r.sum(axis=-1) / total_n
        x_bar = (n * x).sum(axis=-1) / total_n
    xc = np.where(usable, x - x_bar[..., None], 0.0)
    score = (xc * (r - n * p_bar[..., None])).sum(axis=-1)
    sxx = (n * xc**2).sum(axis=-1)
    variance = np.nan_to_num(p_bar * (1 - p_bar)) * sxx
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = np.where(sxx > 0, score / sxx, np.nan) * scale
    return _normal_result(score, variance, slope, usable.sum(axis=-1))


def poisson_trend(events, exposures, times, scale: float = 1.0) -> TrendTests:
    """Score test for the time slope of a Poisson regression; ``exposures=None`` for counts."""
    r = as_array(events)
    e = np.ones(r.shape) if exposures is None else as_array(exposures)
    usable = np.isfinite(r) & np.isfinite(e) & (e > 0)
    r, e = np.where(usable, r, 0.0), np.where(usable, e, 0.0)
    x = _times(times, r.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = r.sum(axis=-1) / e.sum(axis=-1)
    expected = e * np.nan_to_num(rate)[..., None]
    total = expected.sum(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        x_bar = np.where(total > 0, (x * expected).sum(axis=-1) / total, 0.0)
    xc = np.where(usable, x - x_bar[..., None], 0.0)
    score = (xc * (r - expected)).sum(axis=-1)
    variance = (xc**2 * expected).sum(axis=-1)
    exposure_sxx = (e * xc**2).sum(axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = np.where(exposure_sxx > 0, score / exposure_sxx, np.nan) * scale
    return _normal_result(score, variance, slope, usable.sum(axis=-1))


def linear_trend(values, times) -> TrendTests:
    """Ordinary least-squares slope with its t-test, per series (for scores)."""
    y = as_array(values)
    x = _times(times, y.shape)
    usable = np.isfinite(y) & np.isfinite(x)
    m = usable.sum(axis=-1).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        x_bar = np.where(usable, x, 0.0).sum(axis=-1) / m
        y_bar = np.where(usable, y, 0.0).sum(axis=-1) / m
        xc = np.where(usable, x - x_bar[..., None], 0.0)
        yc = np.where(usable, y - y_bar[..., None], 0.0)
        sxx, sxy, syy = (xc**2).sum(-1), (xc * yc).sum(-1), (yc**2).sum(-1)
        slope = np.where(sxx > 0, sxy / sxx, np.nan)
        residual = np.maximum(syy - slope * sxy, 0.0) / (m - 2)
        se = np.sqrt(residual / sxx)
        t = np.where(se > 0, slope / se, np.where(slope != 0, np.inf * np.sign(slope), 0.0))
    p = 2 * student_t.sf(np.abs(t), np.maximum(m - 2, 1))
    few = m < MIN_POINTS
    t[few] = np.nan
    p[few] = np.nan
    return TrendTests(t, p, slope, m.astype(int))


def trend_tests(unit: str, numerators, denominators, values, times) -> TrendTests:
    """The test that fits the unit: proportions, rates, counts or scores."""
    if unit == Unit.PERCENTAGE:
        return proportion_trend(numerators, denominators, times, SCALE[unit])
    if unit == Unit.PER_1000:
        return poisson_trend(numerators, denominators, times, SCALE[unit])
    if unit == Unit.COUNT:
        return poisson_trend(numerators, None, times)
    return linear_trend(values, times)
