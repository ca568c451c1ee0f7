"""Adding up: sums of numerators and denominators, never averages of percentages."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansrijk.insight.aggregation import aggregate, pool_years
from kansrijk.insight.estimates import compute_values

counts = st.integers(min_value=0, max_value=5000)


@given(st.lists(st.tuples(counts, counts), min_size=1, max_size=30), st.data())
def test_an_aggregate_is_the_sum_of_its_parts(cells, data):
    num = np.array([min(a, b) for a, b in cells], dtype=float)
    den = np.array([max(a, b) for a, b in cells], dtype=float)
    membership = np.array(
        data.draw(
            st.lists(
                st.lists(st.booleans(), min_size=len(cells), max_size=len(cells)),
                min_size=1,
                max_size=4,
            )
        )
    )
    sums = aggregate(num, den, membership)
    for g, members in enumerate(membership):
        assert sums.numerators[g] == num[members].sum()
        assert sums.denominators[g] == den[members].sum()


def test_a_region_weighs_its_municipalities_by_size():
    sums = aggregate([1, 90], [10, 900], [[True, True]])
    value = compute_values("percentage", sums.numerators, sums.denominators)[0]
    assert value == pytest.approx(91 / 910 * 100)
    assert value != pytest.approx((10.0 + 10.0) / 2 + 0.001)


def test_an_aggregate_with_a_missing_part_is_missing():
    sums = aggregate([1, None, 4], [10, 20, 30], [[True, True, False], [True, False, True]])
    assert math.isnan(sums.numerators[0])
    assert sums.numerators[1] == 5 and sums.denominators[1] == 40


def test_counts_are_summed_without_denominators():
    sums = aggregate([3, 4], None, [[True, True]])
    assert sums.numerators[0] == 7 and math.isnan(sums.denominators[0])


def test_pools_are_labelled_with_the_pool_notation_and_end_in_the_last_year():
    years = list(range(2015, 2025))
    pools = pool_years(years, np.arange(10.0), np.full(10, 100.0), 5)
    assert pools.labels == ["2015/2019", "2020/2024"]
    assert pools.numerators.tolist() == [0 + 1 + 2 + 3 + 4, 5 + 6 + 7 + 8 + 9]
    assert pools.denominators.tolist() == [500, 500]


def test_an_incomplete_pool_is_missing_not_a_smaller_sum():
    pools = pool_years([2018, 2019, 2020, 2021, 2022, 2023, 2024], np.ones(7), np.ones(7), 5)
    assert pools.labels == ["2020/2024"]
    pools = pool_years([2020, 2021, 2023, 2024], np.ones(4), np.ones(4), 5)
    assert pools.labels == ["2020/2024"] and math.isnan(pools.numerators[0])


@given(st.lists(counts, min_size=3, max_size=15), st.integers(1, 5))
def test_a_pool_is_the_sum_of_its_years(values, size):
    years = list(range(2000, 2000 + len(values)))
    pools = pool_years(years, np.array(values, float), np.array(values, float) + 1, size)
    for label, total in zip(pools.labels, pools.numerators, strict=True):
        first, last = (int(x) for x in label.split("/")) if "/" in label else (int(label),) * 2
        assert total == sum(values[first - 2000 : last - 2000 + 1])
