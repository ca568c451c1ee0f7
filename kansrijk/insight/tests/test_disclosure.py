"""Small-number protection: primary and secondary suppression, rounding, the star fast path."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kansrijk.insight.disclosure import (
    Cell,
    Group,
    Rule,
    Table,
    audit,
    disclose,
    disclose_star,
    hierarchy_groups,
)

COUNT = Rule("count", 10)
SHARE = Rule("percentage", 10)


def _one(cell, rule):
    return disclose(Table([cell]), rule)[cell.key]


@pytest.mark.parametrize(
    ("numerator", "denominator", "published"),
    [
        (0, 100, True),  # zeros are published
        (1, 100, False),
        (9, 100, False),
        (10, 100, True),
        (12, 100, True),
        (50, 55, False),  # complement 5: "all but five"
        (50, 59, False),
        (50, 60, True),
        (9, 9, False),  # 100% of 9
        (0, 9, False),  # the denominator itself is small (complement 9 as well)
        (20, 20, True),  # 100% but nothing small: complement 0 is not 1..9
    ],
)
def test_a_share_is_published_only_when_numerator_denominator_and_complement_are_large(
    numerator, denominator, published
):
    cell = _one(Cell("a", numerator, denominator), SHARE)
    assert cell.is_published is published
    if not published:
        assert cell.numerator is None and cell.denominator is None and cell.value is None
        assert cell.mark == "."


@pytest.mark.parametrize(("count", "published"), [(0, True), (1, False), (9, False), (10, True)])
def test_a_count_is_published_from_the_threshold(count, published):
    assert _one(Cell("a", count), COUNT).is_published is published


@pytest.mark.parametrize(("min_count", "smallest_published"), [(3, 5), (5, 5), (10, 10), (15, 15)])
def test_the_threshold_is_never_below_five(min_count, smallest_published):
    rule = Rule("count", min_count)
    assert not _one(Cell("a", smallest_published - 1), rule).is_published
    assert _one(Cell("a", smallest_published), rule).is_published


def test_context_figures_without_a_threshold_are_never_suppressed():
    rule = Rule("count", 0, round_to=5)
    assert _one(Cell("a", 3), rule).numerator == 3


def test_a_missing_figure_is_marked_but_not_counted_as_zero():
    cell = _one(Cell("a", None, 100), SHARE)
    assert cell.missing and not cell.suppressed and cell.mark == "."
    assert _one(Cell("a", 40, 100, status="secret"), SHARE).missing


def test_wijk_counts_are_rounded_after_the_decision_on_the_true_value():
    rule = Rule("count", 10, round_to=5)
    twelve = _one(Cell("w", 12, level="district"), rule)
    four = _one(Cell("w", 4, level="district"), rule)
    municipality = _one(Cell("m", 12, level="municipality"), rule)
    assert twelve.numerator == 10 and twelve.rounded and twelve.lower is None
    assert not four.is_published  # 4 is hidden, not rounded up to 5
    assert municipality.numerator == 12 and municipality.lower is not None


def test_rounded_shares_are_whole_percentages_without_an_interval():
    rule = Rule("percentage", 10, round_to=5)
    cell = _one(Cell("w", 13, 87, level="district"), rule)
    assert (cell.numerator, cell.denominator, cell.value) == (15, 85, 15.0)
    assert cell.lower is None and cell.upper is None


def test_it_hides_a_second_cell_so_the_cbs_perinatal_pattern_cannot_happen():
    # CBS 80292ned, Drenthe 2015: total 24 and stillbirths 21 published, week 1 hidden (3).
    table = Table(
        [Cell("T", 24), Cell("still", 21), Cell("week1", 3)], [Group("T", ("still", "week1"))]
    )
    only_primary = {
        "T": _one(Cell("T", 24), COUNT),
        "still": _one(Cell("still", 21), COUNT),
        "week1": _one(Cell("week1", 3), COUNT),
    }
    assert audit(table, COUNT, only_primary) == [("week1", "numerator")]
    published = disclose(table, COUNT)
    assert published["still"].suppressed and published["week1"].suppressed
    assert audit(table, COUNT, published) == []


def test_it_hides_the_smallest_remaining_wijk():
    cells = [Cell("M", 120), Cell("A", 4), Cell("B", 30), Cell("C", 50), Cell("D", 36)]
    table = Table(cells, [Group("M", ("A", "B", "C", "D"))])
    published = disclose(table, COUNT)
    assert [k for k, c in published.items() if c.suppressed] == ["A", "B"]


def test_it_keeps_hiding_until_the_hidden_cells_add_up_to_the_threshold():
    cells = [Cell("M", 100), Cell("A", 2), Cell("B", 3), Cell("C", 12), Cell("D", 83)]
    published = disclose(Table(cells, [Group("M", ("A", "B", "C", "D"))]), COUNT)
    assert {k for k, c in published.items() if c.suppressed} == {"A", "B", "C"}


def test_a_hidden_total_is_not_left_derivable_from_its_parts():
    cells = [Cell("M", 5), Cell("A", 0), Cell("B", 5)]
    published = disclose(Table(cells, [Group("M", ("A", "B"))]), COUNT)
    assert published["M"].suppressed and published["B"].suppressed


def test_a_hidden_wijk_is_protected_through_its_buurten_too():
    # W2 protects W1 in the municipality, but W2's buurten would pin W2 down: hide more.
    cells = [
        Cell("M", 100),
        Cell("W1", 4, level="district"),
        Cell("W2", 30, level="district"),
        Cell("W3", 66, level="district"),
        Cell("B1", 25, level="neighbourhood"),
        Cell("B2", 5, level="neighbourhood"),
    ]
    groups = hierarchy_groups({"M": None, "W1": "M", "W2": "M", "W3": "M", "B1": "W2", "B2": "W2"})
    table = Table(cells, groups)
    published = disclose(table, COUNT)
    assert audit(table, COUNT, published) == []
    assert published["W3"].is_published


def test_cells_hidden_elsewhere_stay_hidden_and_kept_cells_are_never_secondary():
    cells = [Cell("M", 100), Cell("A", 40), Cell("B", 20), Cell("C", 40)]
    table = Table(
        cells, [Group("M", ("A", "B", "C"))], hidden=frozenset({"A"}), kept=frozenset({"B"})
    )
    published = disclose(table, COUNT)
    assert published["A"].suppressed and published["A"].reason == "elsewhere"
    assert published["B"].is_published and published["C"].suppressed


def test_structures_that_are_not_a_hierarchy_are_checked_by_linear_programming():
    # A two-way table: rows and columns both add up.
    values = {"a": 3, "b": 20, "c": 30, "d": 40}
    cells = [Cell(k, v) for k, v in values.items()]
    cells += [Cell("r1", 23), Cell("r2", 70), Cell("c1", 33), Cell("c2", 60)]
    groups = [
        Group("r1", ("a", "b")),
        Group("r2", ("c", "d")),
        Group("c1", ("a", "c")),
        Group("c2", ("b", "d")),
    ]
    table = Table(cells, groups)
    published = disclose(table, COUNT)
    assert published["a"].suppressed
    assert audit(table, COUNT, published) == []


parts = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 60)).map(lambda t: (t[0], t[0] + t[1])),
    min_size=1,
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(parts, st.sampled_from(["count", "percentage"]), st.integers(5, 12))
def test_the_star_fast_path_decides_as_disclose_does(cells, unit, k):
    rule = Rule(unit, k)
    num = np.array([c[0] for c in cells], dtype=float)
    den = np.array([c[1] for c in cells], dtype=float) if unit == "percentage" else None
    total_num = num.sum()
    total_den = den.sum() if den is not None else None
    total_hidden, hidden = disclose_star(rule, total_num, total_den, num, den)
    table = Table(
        [Cell("T", total_num, total_den)]
        + [Cell(i, n, None if den is None else d) for i, (n, d) in enumerate(cells)],
        [Group("T", tuple(range(len(cells))))],
    )
    published = disclose(table, rule)
    assert total_hidden == published["T"].suppressed
    assert hidden.tolist() == [published[i].suppressed for i in range(len(cells))]
