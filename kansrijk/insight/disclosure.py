"""Small-number protection: the one function that decides what may be published.

Every output path (pages, chart and map data, CSV, XLSX, PDF, API) gets its numbers from
``disclose``. It takes a ``Table``: cells (a municipality total, its wijken, …) and the groups
that add up (``Group(total, parts)``), and returns a ``PublishedCell`` per cell: the numbers
that may be shown, or ``suppressed`` with every number None (shown as ``.``, never 0 or blank).

The rule (``Rule``, from the indicator's ``min_count`` and ``round_to``), as the national
Kansrijke Start monitor applies it:

1. **Primary suppression.** A cell is not published when its numerator or its denominator
   counts 1 to k−1 persons (k = ``min_count``, at least ``MIN_COUNT_FLOOR`` = 5 when it is
   above 0), or when its complement (denominator − numerator) does (the complement rule:
   "all but 2" or 100% is as telling as 2). Zeros are published unless the complement rule
   fires. Indicators with ``min_count`` 0 (context figures such as inhabitants) are never
   suppressed.
2. **Secondary suppression.** A hidden cell must not be derivable from the published total
   minus the other parts. In any group with exactly one hidden cell, the smallest remaining
   cell is hidden too, and more cells are hidden until every hidden cell's sensitive count
   could, as far as the published numbers tell, be k or more. Repeated until nothing changes.
   For a hierarchy (every cell a part of at most one group: municipality → wijken → buurten)
   the check is exact and needs no solver; other structures are verified with a linear
   program (``scipy.optimize.linprog``).
3. **Rounding.** Wijk and buurt counts are rounded to ``round_to`` (base 5) after the
   decision, which is made on the true values; their percentages to whole numbers, without
   an interval (an interval would give the unrounded count away).

``hidden`` and ``kept`` in a ``Table`` link it to decisions taken elsewhere: cells hidden in
another table stay hidden, cells published in another table are never picked as secondary
cells here.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from scipy.optimize import linprog

from kansrijk.areas.models import Level
from kansrijk.catalog.models import Unit

from .estimates import SCALE, confidence_intervals, is_additive

MIN_COUNT_FLOOR = 5
SUPPRESSED_MARK = "."
ROUNDED_LEVELS = frozenset({Level.DISTRICT, Level.NEIGHBOURHOOD})
MISSING_STATUSES = frozenset({"secret", "missing"})

# Why a cell is not published (shown to analysts in a title; the reader sees ".").
SMALL_NUMERATOR = "numerator"
SMALL_DENOMINATOR = "denominator"
SMALL_COMPLEMENT = "complement"
SECONDARY = "secondary"
ELSEWHERE = "elsewhere"
MISSING = "missing"

NUM, DEN, COMP = "numerator", "denominator", "complement"


@dataclass(frozen=True)
class Rule:
    """What ``disclose`` needs to know about the indicator."""

    unit: str
    min_count: int = 10
    round_to: int = 0

    @classmethod
    def for_indicator(cls, indicator) -> Rule:
        min_count = indicator.min_count
        if min_count is None:
            min_count = settings.KANSRIJK_DEFAULT_MIN_COUNT
        return cls(indicator.unit, int(min_count), int(indicator.round_to or 0))

    @property
    def k(self) -> int:
        """The effective threshold: 0 (no suppression) or at least ``MIN_COUNT_FLOOR``."""
        return 0 if self.min_count <= 0 else max(self.min_count, MIN_COUNT_FLOOR)


@dataclass(frozen=True)
class Cell:
    key: Hashable
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None  # the stored value (scores, yes/no); computed otherwise
    level: str = Level.MUNICIPALITY
    status: str = "definitive"


@dataclass(frozen=True)
class Group:
    """``total`` is the sum of ``parts`` (for numerators and denominators alike)."""

    total: Hashable
    parts: tuple[Hashable, ...]


@dataclass(frozen=True)
class Table:
    cells: Sequence[Cell]
    groups: Sequence[Group] = ()
    hidden: frozenset = frozenset()  # hidden in another table: stays hidden here
    kept: frozenset = frozenset()  # published in another table: never a secondary cell here


@dataclass(frozen=True)
class PublishedCell:
    key: Hashable
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None
    lower: float | None = None
    upper: float | None = None
    suppressed: bool = False  # not published to protect small numbers
    missing: bool = False  # no figure (not delivered, or secret at the source)
    reason: str = ""
    rounded: bool = False
    provisional: bool = False

    @property
    def is_published(self) -> bool:
        return not (self.suppressed or self.missing)

    @property
    def mark(self) -> str:
        """What an output shows instead of a number: ``.`` (CBS: unknown or secret)."""
        return "" if self.is_published else SUPPRESSED_MARK


def hierarchy_groups(parents: Mapping[Hashable, Hashable | None]) -> list[Group]:
    """Groups from a child → parent mapping (parents that are cells of the same table)."""
    children: dict[Hashable, list[Hashable]] = defaultdict(list)
    for child, parent in parents.items():
        if parent is not None and parent in parents:
            children[parent].append(child)
    return [Group(parent, tuple(parts)) for parent, parts in children.items()]


# Primary suppression -------------------------------------------------------------------


def _is_missing(cell: Cell, unit: str) -> bool:
    if cell.status in MISSING_STATUSES:
        return True
    if is_additive(unit):
        return cell.numerator is None or (unit in SCALE and cell.denominator is None)
    return cell.value is None


def _measures(cell: Cell, unit: str) -> dict[str, float]:
    """The additive person counts of a cell: numerator, denominator and complement."""
    out: dict[str, float] = {}
    if cell.numerator is not None:
        out[NUM] = float(cell.numerator)
    if cell.denominator is not None:
        out[DEN] = float(cell.denominator)
        if unit in SCALE and cell.numerator is not None and cell.numerator <= cell.denominator:
            out[COMP] = float(cell.denominator - cell.numerator)
    return out


def sensitive_measures(cell: Cell, rule: Rule) -> tuple[str, ...]:
    """The counts of a cell that are too small to publish (empty: publishable)."""
    k = rule.k
    if k == 0:
        return ()
    measures = _measures(cell, rule.unit)
    if not is_additive(rule.unit):  # scores, yes/no: only a small number of respondents
        return (DEN,) if 1 <= measures.get(DEN, k) < k else ()
    if rule.unit == Unit.COUNT:
        return (NUM,) if 1 <= measures.get(NUM, k) < k else ()
    return tuple(m for m in (NUM, DEN, COMP) if 1 <= measures.get(m, k) < k)


def primary_mask(rule: Rule, numerators, denominators=None) -> np.ndarray:
    """Vectorised primary suppression: True where a cell may not be published."""
    num = np.array(numerators, dtype=float)
    k = rule.k
    if k == 0:
        return np.zeros(num.shape, dtype=bool)
    small = (num >= 1) & (num < k)
    if rule.unit in SCALE and denominators is not None:
        den = np.array(denominators, dtype=float)
        comp = den - num
        small |= (den >= 1) & (den < k)
        small |= (comp >= 1) & (comp < k)
    return small


# Secondary suppression -----------------------------------------------------------------


@dataclass
class _State:
    cells: dict[Hashable, Cell]
    rule: Rule
    groups: Sequence[Group]
    hidden: set = field(default_factory=set)
    missing: set = field(default_factory=set)
    kept: frozenset = frozenset()
    sensitive: dict = field(default_factory=dict)  # key → measures that need protection
    part_of: dict = field(default_factory=dict)  # key → groups it is a part of
    total_of: dict = field(default_factory=dict)  # key → the group it is the total of
    is_tree: bool = True  # every cell a part of at most one group and total of at most one
    position: dict = field(default_factory=dict)  # key → place in the table (breaks ties)

    def measure(self, key, m: str) -> float:
        return _measures(self.cells[key], self.rule.unit).get(m, 0.0)

    def lower_bound(self, key, m: str, memo: dict) -> float:
        """The least value of a hidden cell consistent with its published parts."""
        if key in memo:
            return memo[key]
        group = self.total_of.get(key)
        bound = 0.0
        if group is not None and self.is_tree:
            for part in group.parts:
                if part in self.missing:
                    continue
                if part in self.hidden:
                    bound += self.lower_bound(part, m, memo)
                else:
                    bound += self.measure(part, m)
        memo[key] = bound
        return bound

    def slack(self, key, m: str, memo: dict) -> float:
        return self.measure(key, m) - self.lower_bound(key, m, memo)

    def upward(self, group: Group, m: str, memo: dict, depth: int = 0) -> float:
        """How far a hidden total can grow, as far as its own parent group allows."""
        if group.total not in self.hidden or depth > 50:
            return 0.0
        parents = self.part_of.get(group.total, [])
        if not parents:
            return math.inf
        if not self.is_tree:
            return 0.0  # the linear program checks other structures
        parent = parents[0]
        others = [h for h in parent.parts if h in self.hidden and h != group.total]
        return sum(self.slack(h, m, memo) for h in others) + self.upward(parent, m, memo, depth + 1)

    def deficits(self, group: Group) -> list[str]:
        """Measures for which a hidden part of ``group`` is not protected (tree rule)."""
        if group.total in self.missing:
            return []
        hidden_parts = [p for p in group.parts if p in self.hidden]
        k = self.rule.k
        out = []
        for m in (NUM, DEN, COMP):
            memo: dict = {}
            up = None
            for p in hidden_parts:
                if m not in self.sensitive.get(p, ()):
                    continue
                if up is None:
                    up = self.upward(group, m, memo)
                others = sum(self.slack(h, m, memo) for h in hidden_parts if h != p)
                if self.measure(p, m) + others + up < k:
                    out.append(m)
                    break
        return out

    def needs_more(self, group: Group) -> tuple[bool, list[str]]:
        if group.total in self.missing:
            return False, []
        hidden_parts = [p for p in group.parts if p in self.hidden]
        published_parts = [p for p in group.parts if p not in self.hidden and p not in self.missing]
        if group.total in self.hidden and not hidden_parts:
            return bool(published_parts), []  # the total is the sum of published parts
        if not hidden_parts:
            return False, []
        deficits = self.deficits(group)
        single = len(hidden_parts) == 1 and group.total not in self.hidden
        return single or bool(deficits), deficits

    def candidate(self, group: Group, deficits: list[str]):
        """The smallest published part that helps; None if there is none."""
        options = [
            p
            for p in group.parts
            if p not in self.hidden and p not in self.missing and p not in self.kept
        ]
        if deficits:
            helpful = [p for p in options if self.measure(p, deficits[0]) > 0]
            if helpful:
                options = helpful
            m = deficits[0]
        else:
            m = NUM
        if not options:
            return None
        return min(
            options,
            key=lambda p: (self.measure(p, m), self.measure(p, DEN), self.position[p]),
        )


def _lp_maximum(state: _State, target, m: str) -> float:
    """Largest value of ``target``'s measure ``m`` consistent with everything published."""
    measures = (NUM, COMP) if m == DEN else (m,)
    best = 0.0
    for measure in measures:
        unknown = [key for key in state.cells if key in state.hidden or key in state.missing]
        index = {key: i for i, key in enumerate(unknown)}
        rows, rhs = [], []
        for group in state.groups:
            row = np.zeros(len(unknown))
            constant = 0.0
            for key, sign in [(group.total, 1.0)] + [(p, -1.0) for p in group.parts]:
                if key in index:
                    row[index[key]] += sign
                else:
                    constant -= sign * state.measure(key, measure)
            if row.any():
                rows.append(row)
                rhs.append(constant)
        c = np.zeros(len(unknown))
        c[index[target]] = -1.0
        result = linprog(
            c,
            A_eq=np.array(rows) if rows else None,
            b_eq=np.array(rhs) if rows else None,
            bounds=[(0, None)] * len(unknown),
            method="highs",
        )
        if result.status == 3:  # unbounded
            return math.inf
        if result.status != 0:
            return math.inf  # inconsistent published totals: nothing can be derived
        best += -result.fun
    return best


def _lp_exposed(state: _State) -> list[tuple[Hashable, str]]:
    """Hidden cells whose sensitive counts the published numbers pin below k."""
    exposed = []
    for key in sorted(state.hidden, key=lambda key: state.position[key]):
        for m in state.sensitive.get(key, ()):
            if _lp_maximum(state, key, m) < state.rule.k:
                exposed.append((key, m))
    return exposed


def _secondary(state: _State) -> set:
    """Hide cells until no group gives a hidden cell away; returns the cells added."""
    added: set = set()
    for _round in range(len(state.cells) + 1):
        changed = False
        for group in state.groups:
            need, deficits = state.needs_more(group)
            if not need:
                continue
            pick = state.candidate(group, deficits)
            if pick is None and group.total not in state.hidden:
                if group.total in state.kept:
                    continue
                pick = group.total
            if pick is None:
                continue
            state.hidden.add(pick)
            added.add(pick)
            changed = True
        if not changed and not state.is_tree:
            for key, m in _lp_exposed(state):
                for group in state.part_of.get(key, []):
                    pick = state.candidate(group, [m])
                    if pick is not None:
                        state.hidden.add(pick)
                        added.add(pick)
                        changed = True
                        break
                if changed:
                    break
        if not changed:
            break
    return added


# Publication ---------------------------------------------------------------------------


def _round(value: float, base: int) -> float:
    return float(math.floor(value / base + 0.5) * base)


def _published(cells: Iterable[Cell], rule: Rule, hidden, missing, reasons) -> dict:
    cells = list(cells)
    shown = [c for c in cells if c.key not in hidden and c.key not in missing]
    exact = [c for c in shown if not (rule.round_to and c.level in ROUNDED_LEVELS)]
    lower, upper = confidence_intervals(
        rule.unit, [c.numerator for c in exact], [c.denominator for c in exact]
    )
    intervals = {
        c.key: (_finite(lo), _finite(hi)) for c, lo, hi in zip(exact, lower, upper, strict=True)
    }
    out = {}
    for cell in cells:
        provisional = cell.status == "provisional"
        if cell.key in missing:
            out[cell.key] = PublishedCell(cell.key, missing=True, reason=MISSING)
        elif cell.key in hidden:
            out[cell.key] = PublishedCell(
                cell.key, suppressed=True, reason=reasons.get(cell.key, SECONDARY)
            )
        else:
            out[cell.key] = _shown(cell, rule, intervals.get(cell.key), provisional)
    return out


def _finite(value) -> float | None:
    return float(value) if value is not None and np.isfinite(value) else None


def _shown(cell: Cell, rule: Rule, interval, provisional: bool) -> PublishedCell:
    num, den = cell.numerator, cell.denominator
    value = _value(cell, rule.unit)
    if interval is None:  # rounded: counts to the base, ratios to whole numbers
        base = rule.round_to
        num = _round(num, base) if num is not None else None
        den = _round(den, base) if den is not None else None
        if rule.unit in SCALE and value is not None:
            value = float(round(value))
        elif rule.unit == Unit.COUNT:
            value = num
        return PublishedCell(cell.key, num, den, value, rounded=True, provisional=provisional)
    return PublishedCell(
        cell.key,
        float(num) if num is not None else None,
        float(den) if den is not None else None,
        value,
        interval[0],
        interval[1],
        provisional=provisional,
    )


def _value(cell: Cell, unit: str) -> float | None:
    if unit in SCALE:
        if cell.numerator is None or not cell.denominator:
            return None
        return float(cell.numerator) / float(cell.denominator) * SCALE[unit]
    if unit == Unit.COUNT:
        return float(cell.numerator) if cell.numerator is not None else None
    return float(cell.value) if cell.value is not None else None


def _usable_groups(table: Table, cells: Mapping) -> list[Group]:
    return [g for g in table.groups if g.total in cells and all(p in cells for p in g.parts)]


def _state(cells, rule, groups, hidden, missing, sensitive) -> _State:
    part_of: dict[Hashable, list[Group]] = defaultdict(list)
    totals: dict[Hashable, list[Group]] = defaultdict(list)
    for group in groups:
        totals[group.total].append(group)
        for part in group.parts:
            part_of[part].append(group)
    is_tree = all(len(g) <= 1 for g in part_of.values()) and all(
        len(g) <= 1 for g in totals.values()
    )
    return _State(
        cells,
        rule,
        groups,
        hidden=set(hidden),
        missing=set(missing),
        sensitive=dict(sensitive),
        part_of=dict(part_of),
        total_of={key: found[0] for key, found in totals.items()},
        is_tree=is_tree,
        position={key: i for i, key in enumerate(cells)},
    )


def disclose(table: Table, rule: Rule) -> dict[Hashable, PublishedCell]:
    """What may be published of ``table`` under ``rule``: a ``PublishedCell`` per key."""
    cells = {cell.key: cell for cell in table.cells}
    missing = {key for key, cell in cells.items() if _is_missing(cell, rule.unit)}
    reasons: dict[Hashable, str] = {}
    sensitive: dict[Hashable, tuple[str, ...]] = {}
    for key, cell in cells.items():
        if key in missing:
            continue
        found = sensitive_measures(cell, rule)
        if found:
            sensitive[key] = found
            reasons[key] = found[0]
    hidden = set(sensitive)
    for key in table.hidden:
        if key in cells and key not in missing and key not in hidden:
            hidden.add(key)
            reasons[key] = ELSEWHERE
    groups = _usable_groups(table, cells)
    if is_additive(rule.unit) and rule.k and hidden and groups:
        state = _state(cells, rule, groups, hidden, missing, sensitive)
        state.kept = frozenset(table.kept) - hidden
        _secondary(state)
        hidden = state.hidden
    return _published(table.cells, rule, hidden, missing, reasons)


def audit(table: Table, rule: Rule, published: Mapping[Hashable, PublishedCell]) -> list:
    """Hidden sensitive counts that the published numbers pin below k: ``(key, measure)``.

    An independent check by linear programming, for tests and for new output paths.
    """
    cells = {cell.key: cell for cell in table.cells}
    hidden = {key for key, cell in published.items() if cell.suppressed}
    missing = {key for key, cell in published.items() if cell.missing}
    sensitive = {
        key: sensitive_measures(cells[key], rule)
        for key in hidden
        if sensitive_measures(cells[key], rule)
    }
    state = _state(cells, rule, _usable_groups(table, cells), hidden, missing, sensitive)
    return _lp_exposed(state)


def disclose_star(
    rule: Rule, total_numerator, total_denominator, numerators, denominators=None
) -> tuple[bool, np.ndarray]:
    """``disclose`` for one total and its parts (NL and its municipalities), vectorised.

    Returns whether the total is hidden and a boolean array of hidden parts (missing parts,
    NaN numerators, are not hidden but have nothing to show). It makes the same decisions as
    ``disclose`` on ``Table([total, *parts], [Group(total, parts)])`` (the tests check this).
    """
    num = np.array(numerators, dtype=float)
    den = np.full(num.shape, np.nan) if denominators is None else np.array(denominators, float)
    if rule.unit not in SCALE:
        den = np.full(num.shape, np.nan)
    missing = np.isnan(num) | ((rule.unit in SCALE) & np.isnan(den))
    hidden = primary_mask(rule, num, den) & ~missing
    total_cell = Cell("total", _none(total_numerator), _none(total_denominator))
    total_missing = _is_missing(total_cell, rule.unit)
    total_hidden = not total_missing and bool(sensitive_measures(total_cell, rule))
    if rule.k == 0 or total_missing or not is_additive(rule.unit):
        return total_hidden, hidden
    comp = np.where(den >= num, den - num, np.nan) if rule.unit in SCALE else den
    measures = {NUM: num, DEN: den, COMP: comp}
    sensitive = {m: hidden & (values >= 1) & (values < rule.k) for m, values in measures.items()}
    if rule.unit == Unit.COUNT:
        sensitive = {NUM: sensitive[NUM]}
    order = np.arange(num.size)
    for _round in range(num.size + 1):
        available = ~hidden & ~missing
        if total_hidden:
            if hidden.any() or not available.any():
                break
            deficits: list[str] = []
        else:
            if not hidden.any():
                break
            deficits = [
                m
                for m in (NUM, DEN, COMP)
                if m in sensitive
                and (sensitive[m] & hidden).any()
                and np.nansum(np.where(hidden, measures[m], 0.0)) < rule.k
            ]
            if hidden.sum() >= 2 and not deficits:
                break
        if not available.any():
            if total_hidden:
                break
            total_hidden = True
            continue
        m = deficits[0] if deficits else NUM
        options = available.copy()
        if deficits:
            helpful = options & (np.nan_to_num(measures[m]) > 0)
            if helpful.any():
                options = helpful
        candidates = np.flatnonzero(options)
        keys = np.lexsort(
            (
                order[candidates],
                np.nan_to_num(measures[DEN][candidates], nan=0.0),
                np.nan_to_num(measures[m][candidates], nan=0.0),
            )
        )
        hidden[candidates[keys[0]]] = True
    return total_hidden, hidden


def _none(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value
