"""Trend tests against statsmodels' score tests and scipy's linregress."""

import math

import numpy as np
import pytest
import statsmodels.api as sm
from hypothesis import given
from hypothesis import strategies as st
from scipy.stats import linregress

from kansrijk.insight.trends import linear_trend, poisson_trend, proportion_trend

YEARS = np.arange(2018.0, 2023.0)
# A flat series makes statsmodels warn while fitting the null model; the test statistic is fine.
quiet = pytest.mark.filterwarnings(
    "ignore::statsmodels.tools.sm_exceptions.PerfectSeparationWarning"
)

SERIES = [
    ([30, 28, 25, 22, 20], [200, 210, 205, 199, 202]),
    ([12, 15, 11, 18, 21], [150, 160, 140, 170, 165]),
    ([5, 5, 5, 5, 5], [100, 100, 100, 100, 100]),
    ([1, 0, 2, 4, 7], [40, 35, 42, 41, 39]),
]


def _glm_score_test(events, trials, family, offset=None):
    if family == "binomial":
        endog = np.column_stack([events, np.array(trials) - np.array(events)])
        model = sm.GLM(endog, np.ones((len(events), 1)), family=sm.families.Binomial())
    else:
        model = sm.GLM(
            np.array(events, float),
            np.ones((len(events), 1)),
            family=sm.families.Poisson(),
            offset=offset,
        )
    result = model.fit().score_test(exog_extra=YEARS[:, None])
    return float(np.ravel(result.statistic)[0]), float(np.ravel(result.pvalue)[0])


@quiet
@pytest.mark.parametrize(("events", "trials"), SERIES)
def test_cochran_armitage_equals_the_logistic_score_test(events, trials):
    chi2, p = _glm_score_test(events, trials, "binomial")
    result = proportion_trend([events], [trials], YEARS)
    assert result.statistic[0] ** 2 == pytest.approx(chi2, rel=1e-6, abs=1e-9)
    assert result.p_value[0] == pytest.approx(p, rel=1e-6)


@quiet
@pytest.mark.parametrize(("events", "exposure"), SERIES)
def test_the_rate_trend_equals_the_poisson_score_test(events, exposure):
    chi2, p = _glm_score_test(events, exposure, "poisson", offset=np.log(exposure))
    result = poisson_trend([events], [exposure], YEARS, scale=1000)
    assert result.statistic[0] ** 2 == pytest.approx(chi2, rel=1e-6, abs=1e-9)
    assert result.p_value[0] == pytest.approx(p, rel=1e-6)


def test_a_falling_share_has_a_negative_statistic_and_slope():
    result = proportion_trend([SERIES[0][0]], [SERIES[0][1]], YEARS)
    assert result.statistic[0] < 0 and result.slope[0] < 0
    assert result.points[0] == 5


@pytest.mark.parametrize(
    "values", [[6.1, 6.4, 6.2, 6.9, 7.3], [3.0, 2.5, 2.7, 2.0, 1.1], [5.0, 5.0, 5.0, 5.1, 4.9]]
)
def test_the_score_trend_equals_linregress(values):
    reference = linregress(YEARS, values)
    result = linear_trend([values], YEARS)
    assert result.slope[0] == pytest.approx(reference.slope)
    assert result.p_value[0] == pytest.approx(reference.pvalue)


def test_a_missing_year_is_left_out_of_the_test():
    with_gap = proportion_trend([[30, np.nan, 25, 22, 20]], [[200, np.nan, 205, 199, 202]], YEARS)
    without = proportion_trend([[30, 25, 22, 20]], [[200, 205, 199, 202]], YEARS[[0, 2, 3, 4]])
    assert with_gap.p_value[0] == pytest.approx(without.p_value[0])
    assert with_gap.points[0] == 4


def test_fewer_than_three_periods_give_no_test():
    result = proportion_trend(
        [[3, 5, np.nan, np.nan, np.nan]], [[50, 50, np.nan, np.nan, 1]], YEARS
    )
    assert math.isnan(result.p_value[0])


@given(
    st.integers(0, 300),
    st.integers(1, 300),
    st.integers(3, 8),
)
def test_identical_proportions_show_no_trend(events, extra, points):
    trials = events + extra
    years = np.arange(points, dtype=float)
    for factor in (1, 2, 3):  # different sizes, the same proportion
        num = np.full(points, events * factor, dtype=float)
        den = np.full(points, trials * factor, dtype=float)
        num[::2] *= 2
        den[::2] *= 2
        result = proportion_trend([num], [den], years)
        assert result.p_value[0] == pytest.approx(1.0)
