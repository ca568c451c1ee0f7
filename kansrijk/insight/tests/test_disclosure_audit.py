"""No hidden small number can be worked out from what is published.

For random wijk tables (a municipality total, its wijken, sometimes buurten) the test
publishes with ``disclose`` and then plays the attacker: with every published number (exact
totals, rounded wijk counts within ±2, whole percentages within ±0.5) and every sum that
holds, it asks a linear program (``scipy.optimize.linprog``) for the smallest and largest
value each hidden small count could have. The range must reach the threshold: the published
numbers never prove that a hidden cell is small. The linear program here is written apart
from the one in ``disclosure.audit``, so the two check each other.
"""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from kansrijk.insight.disclosure import Cell, Group, Rule, Table, disclose


def _sensitive(num, den, unit, k):
    found = []
    if 1 <= num < k:
        found.append("numerator")
    if unit == "percentage":
        if 1 <= den < k:
            found.append("denominator")
        if 1 <= den - num < k:
            found.append("complement")
    return found


def _range(table, published, unit, target, measure, round_to):
    """Min and max of ``measure`` of cell ``target`` given everything published."""
    keys = [c.key for c in table.cells]
    n = len(keys)
    width = 2 if unit == "percentage" else 1  # variables: numerator (and complement) per cell
    index = {key: i for i, key in enumerate(keys)}

    def var(key, which):
        return index[key] * width + (0 if which == "numerator" else 1)

    a_eq, b_eq, a_ub, b_ub = [], [], [], []
    bounds = [(0, None)] * (n * width)
    half = round_to // 2
    for cell in table.cells:
        shown = published[cell.key]
        if not shown.is_published:
            continue
        if shown.rounded:
            bounds[var(cell.key, "numerator")] = (shown.numerator - half, shown.numerator + half)
            if unit == "percentage":
                row = np.zeros(n * width)
                row[var(cell.key, "numerator")] = row[var(cell.key, "complement")] = 1
                a_ub += [row, -row]
                b_ub += [shown.denominator + half, -(shown.denominator - half)]
                shares = (
                    () if shown.value is None else ((1, shown.value + 0.5), (-1, shown.value - 0.5))
                )
                for sign, share in ((sign, percent / 100) for sign, percent in shares):
                    row = np.zeros(n * width)  # num − share × (num + comp) ≤ 0 (or ≥ 0)
                    row[var(cell.key, "numerator")] = sign * (1 - share)
                    row[var(cell.key, "complement")] = -sign * share
                    a_ub.append(row)
                    b_ub.append(0.0)
        else:
            row = np.zeros(n * width)
            row[var(cell.key, "numerator")] = 1
            a_eq.append(row)
            b_eq.append(shown.numerator)
            if unit == "percentage":
                row = np.zeros(n * width)
                row[var(cell.key, "complement")] = 1
                a_eq.append(row)
                b_eq.append(shown.denominator - shown.numerator)
    for group in table.groups:
        for which in ("numerator", "complement")[:width]:
            row = np.zeros(n * width)
            row[var(group.total, which)] = 1
            for part in group.parts:
                row[var(part, which)] -= 1
            a_eq.append(row)
            b_eq.append(0.0)
    objective = np.zeros(n * width)
    for which in ("numerator", "complement") if measure == "denominator" else (measure,):
        objective[var(target, which)] = 1
    out = []
    for sign in (1, -1):
        result = linprog(
            sign * objective,
            A_eq=np.array(a_eq),
            b_eq=np.array(b_eq),
            A_ub=np.array(a_ub) if a_ub else None,
            b_ub=np.array(b_ub) if b_ub else None,
            bounds=bounds,
            method="highs",
        )
        if result.status == 3:
            out.append(math.inf if sign == -1 else -math.inf)
        else:
            assert result.status == 0, result.message
            out.append(sign * result.fun)
    return out[0], out[1]


@st.composite
def wijk_tables(draw):
    unit = draw(st.sampled_from(["count", "percentage"]))
    k = draw(st.integers(5, 12))
    round_to = draw(st.sampled_from([0, 5]))
    cells, parents = {}, {}

    def leaf(key, level):
        num = draw(st.integers(0, 40) | st.integers(0, 9))
        den = num + draw(st.integers(0, 80) | st.integers(0, 9))
        cells[key] = (num, den, level)

    wijken = [f"W{i}" for i in range(draw(st.integers(2, 10)))]
    for wijk in wijken:
        parents[wijk] = "M"
        buurten = draw(st.integers(0, 3))
        if buurten >= 2:
            for b in range(buurten):
                key = f"{wijk}B{b}"
                parents[key] = wijk
                leaf(key, "neighbourhood")
            num = sum(cells[k_][0] for k_ in cells if parents.get(k_) == wijk)
            den = sum(cells[k_][1] for k_ in cells if parents.get(k_) == wijk)
            cells[wijk] = (num, den, "district")
        else:
            leaf(wijk, "district")
    total = [c for key, c in cells.items() if parents.get(key) == "M"]
    cells["M"] = (sum(c[0] for c in total), sum(c[1] for c in total), "municipality")
    table_cells = [
        Cell(key, num, den if unit == "percentage" else None, level=level)
        for key, (num, den, level) in cells.items()
    ]
    groups = {}
    for child, parent in parents.items():
        groups.setdefault(parent, []).append(child)
    table = Table(table_cells, [Group(total, tuple(parts)) for total, parts in groups.items()])
    return table, Rule(unit, k, round_to)


@settings(max_examples=200, deadline=None)
@given(wijk_tables())
def test_no_hidden_small_count_can_be_worked_out_from_the_published_table(example):
    table, rule = example
    published = disclose(table, rule)
    for cell in table.cells:
        shown = published[cell.key]
        found = _sensitive(cell.numerator, cell.denominator or 0, rule.unit, rule.k)
        if not found:
            continue
        assert shown.suppressed, f"{cell.key} is small but published"
        for measure in found:
            low, high = _range(table, published, rule.unit, cell.key, measure, rule.round_to)
            assert low < rule.k <= high, (cell.key, measure, low, high)


@settings(max_examples=100, deadline=None)
@given(wijk_tables())
def test_nothing_published_is_a_small_number_and_rounding_never_reveals_one(example):
    table, rule = example
    published = disclose(table, rule)
    for cell in table.cells:
        shown = published[cell.key]
        if not shown.is_published:
            assert shown.numerator is None and shown.denominator is None and shown.value is None
            continue
        true = _sensitive(cell.numerator, cell.denominator or 0, rule.unit, rule.k)
        assert not true
        if shown.rounded:
            assert shown.numerator % rule.round_to == 0
