"""Values and 95% intervals against statsmodels, scipy and published worked examples."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.stats import poisson
from statsmodels.stats.proportion import proportion_confint

from kansrijk.insight.estimates import compute_values, confidence_intervals


@pytest.mark.parametrize(
    ("unit", "numerator", "denominator", "expected"),
    [
        ("percentage", 12, 200, 6.0),
        ("percentage", 0, 50, 0.0),
        ("per_1000", 9, 1500, 6.0),
        ("count", 17, None, 17.0),
        ("percentage", 3, 0, math.nan),
        ("percentage", None, 100, math.nan),
        ("score", None, None, math.nan),
        ("yes_no", None, None, math.nan),
    ],
)
def test_it_computes_the_value_per_unit(unit, numerator, denominator, expected):
    value = compute_values(unit, [numerator], [denominator])[0]
    assert value == pytest.approx(expected, nan_ok=True)


@pytest.mark.parametrize(
    ("numerator", "denominator", "lower", "upper"),
    [
        # Wilson score interval for 12/200 (Newcombe 1998, method 3; statsmodels "wilson")
        (12, 200, 3.4652, 10.1932),
        (0, 10, 0.0, 27.7533),
        (5, 5, 56.5518, 100.0),
        (81, 263, 25.5289, 36.6210),  # Newcombe (1998), table I: 0.2553 to 0.3662
    ],
)
def test_a_proportion_gets_the_wilson_interval(numerator, denominator, lower, upper):
    low, high = confidence_intervals("percentage", [numerator], [denominator])
    assert low[0] == pytest.approx(lower, abs=1e-3)
    assert high[0] == pytest.approx(upper, abs=1e-3)


@pytest.mark.parametrize(
    ("events", "lower", "upper"),
    [
        # Exact (Garwood) Poisson limits, as tabulated e.g. by Ulm (1990) and in every
        # epidemiology textbook: 9 events → 4.115 to 17.08; 0 events → 0 to 3.689.
        (9, 4.1150, 17.0848),
        (0, 0.0, 3.6889),
        (1, 0.0253, 5.5716),
        (30, 20.2409, 42.8269),
    ],
)
def test_a_count_gets_the_exact_poisson_interval(events, lower, upper):
    low, high = confidence_intervals("count", [events])
    assert low[0] == pytest.approx(lower, abs=1e-3)
    assert high[0] == pytest.approx(upper, abs=1e-3)


def test_a_rate_per_1000_scales_the_exact_poisson_interval_by_its_denominator():
    low, high = confidence_intervals("per_1000", [9], [1500])
    assert low[0] == pytest.approx(4.1150 / 1500 * 1000, abs=1e-3)
    assert high[0] == pytest.approx(17.0848 / 1500 * 1000, abs=1e-3)


def test_scores_and_missing_figures_get_no_interval():
    low, high = confidence_intervals("score", [None], [None])
    assert math.isnan(low[0]) and math.isnan(high[0])
    low, high = confidence_intervals("percentage", [None, 3], [100, None])
    assert np.isnan(low).all() and np.isnan(high).all()


@given(
    st.lists(
        st.tuples(st.integers(0, 500), st.integers(1, 500)).map(lambda t: (min(t), max(t))),
        min_size=1,
        max_size=20,
    )
)
def test_the_proportion_interval_is_statsmodels_wilson_and_holds_the_value(pairs):
    num = np.array([p[0] for p in pairs], dtype=float)
    den = np.array([p[1] for p in pairs], dtype=float)
    low, high = confidence_intervals("percentage", num, den)
    ref_low, ref_high = proportion_confint(num, den, alpha=0.05, method="wilson")
    np.testing.assert_allclose(low, ref_low * 100, atol=1e-9)
    np.testing.assert_allclose(high, ref_high * 100, atol=1e-9)
    values = num / den * 100
    assert (low <= values + 1e-9).all() and (values <= high + 1e-9).all()


@given(st.integers(0, 2000))
def test_the_poisson_interval_has_the_exact_tail_probabilities(events):
    low, high = confidence_intervals("count", [events])
    assert poisson.cdf(events, high[0]) == pytest.approx(0.025, abs=1e-6)
    if events > 0:
        assert poisson.sf(events - 1, low[0]) == pytest.approx(0.025, abs=1e-6)
