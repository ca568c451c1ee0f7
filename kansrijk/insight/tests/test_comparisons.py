"""Comparisons with a reference: two-sample tests, size classes and funnel limits."""

import numpy as np
import pytest
from scipy.stats import binom
from statsmodels.stats.proportion import proportions_ztest
from statsmodels.stats.rates import test_poisson_2indep as poisson_2indep

from kansrijk.insight.comparisons import (
    funnel_limits,
    proportion_difference,
    rate_difference,
    size_class,
)


@pytest.mark.parametrize(
    ("r1", "n1", "r2", "n2"),
    [(12, 200, 30, 1000), (45, 300, 4500, 30000), (0, 50, 10, 500), (99, 100, 950, 1000)],
)
def test_two_proportions_are_compared_as_statsmodels_does(r1, n1, r2, n2):
    z, p = proportions_ztest([r1, r2], [n1, n2])
    result = proportion_difference([r1], [n1], [r2], [n2])
    assert result.statistic[0] == pytest.approx(z)
    assert result.p_value[0] == pytest.approx(p)
    assert result.difference[0] == pytest.approx((r1 / n1 - r2 / n2) * 100)


@pytest.mark.parametrize(
    ("r1", "e1", "r2", "e2"), [(9, 1000, 30, 5000), (40, 5000, 7000, 1_000_000), (3, 400, 9, 1600)]
)
def test_two_rates_are_compared_with_the_score_test(r1, e1, r2, e2):
    reference = poisson_2indep(r1, e1, r2, e2, method="score")
    result = rate_difference([r1], [e1], [r2], [e2])
    assert result.statistic[0] == pytest.approx(reference.statistic)
    assert result.p_value[0] == pytest.approx(reference.pvalue)


@pytest.mark.parametrize(
    ("inhabitants", "expected"),
    [(None, None), (0, None), (4_999, 0), (5_000, 1), (19_999, 2), (63_000, 4), (250_000, 7)],
)
def test_municipalities_fall_in_the_cbs_size_classes(inhabitants, expected):
    assert size_class(inhabitants) == expected


def test_funnel_limits_narrow_as_the_denominator_grows_and_hold_the_reference():
    limits = funnel_limits("percentage", 10.0, [50, 500, 5000])
    low95, high95 = limits[0.95]
    low998, high998 = limits[0.998]
    assert (low998 <= low95).all() and (low95 <= 10).all()
    assert (high95 >= 10).all() and (high998 >= high95).all()
    assert (np.diff(high95) < 0).all() and (np.diff(low95) > 0).all()


@pytest.mark.parametrize("n", [40, 400, 4000])
def test_funnel_limits_lie_at_the_exact_binomial_quantiles(n):
    upper = funnel_limits("percentage", 10.0, [n])[0.95][1][0] / 100 * n
    assert binom.ppf(0.975, n, 0.1) - 1 <= upper <= binom.ppf(0.975, n, 0.1)
