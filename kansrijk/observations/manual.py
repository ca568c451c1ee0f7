"""Manual entry: a grid of wijken × periods for one indicator, typed in the browser.

What was typed becomes a small CSV file (one line per wijk and period with something in it)
that goes through exactly the same reading, validation and writing as an uploaded file; the
file is kept with the batch like any upload. Empty grid cells are left out (nothing typed is
not "secret"); ``x``, ``.`` and ``-`` are secret as in files.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from kansrijk.catalog.models import Unit
from kansrijk.lib import periods
from kansrijk.lib.periods import Period

from .importers.columns import DENOMINATOR, NUMERATOR, VALUE
from .importers.matching import AreaMatcher, AreaRef
from .importers.registrations import Preview, read_registrations
from .models import Observation

KINDS = {periods.YEAR: "jaar", periods.QUARTER: "kwartaal", periods.MONTH: "maand"}
MEASURE_HEADERS = {NUMERATOR: "aantal", DENOMINATOR: "noemer", VALUE: "waarde"}
MEASURE_LABELS = {NUMERATOR: "Aantal", DENOMINATOR: "Noemer (totaal)", VALUE: "Waarde"}
MAX_CELL_CHARS = 30
# Django refuses a POST with more than DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000) fields; a grid
# stays below that, with room for the CSRF token.
MAX_GRID_CELLS = 900


def grid_periods(year: int, kind: str, today: date) -> list[Period]:
    """The periods of ``year`` of ``kind`` that have begun by ``today``."""
    if kind == periods.YEAR:
        candidates = [periods.year(year)]
    elif kind == periods.QUARTER:
        candidates = [periods.quarter(year, q) for q in range(1, 5)]
    else:
        candidates = [periods.month(year, m) for m in range(1, 13)]
    return [period for period in candidates if period.start <= today]


def measures_for(unit: str) -> list[str]:
    if unit == Unit.COUNT:
        return [NUMERATOR]
    if unit in (Unit.PERCENTAGE, Unit.PER_1000):
        return [NUMERATOR, DENOMINATOR]
    return [VALUE]


def cell_name(area_id: int, period: Period, measure: str) -> str:
    """The form field name of one grid cell."""
    return f"c-{area_id}-{period.label}-{measure}"


@dataclass
class Grid:
    coalition: object
    indicator: object
    periods: list[Period]
    areas: list[AreaRef]
    measures: list[str]
    values: dict[str, str] = field(default_factory=dict)  # cell name → text
    errors: dict[str, list[str]] = field(default_factory=dict)  # cell name → messages
    lines: list[tuple[AreaRef, Period]] = field(default_factory=list)

    def rows(self):
        """For the template: per area, per period, per measure (name, label, value, errors)."""
        for area in self.areas:
            cells = []
            for period in self.periods:
                for measure in self.measures:
                    name = cell_name(area.id, period, measure)
                    cells.append(
                        {
                            "name": name,
                            "period": period.label,
                            "measure": MEASURE_LABELS[measure],
                            "value": self.values.get(name, ""),
                            "errors": self.errors.get(name, []),
                        }
                    )
            yield area, cells

    @property
    def size(self) -> int:
        return len(self.areas) * len(self.periods) * len(self.measures)

    @property
    def is_too_large(self) -> bool:
        return self.size > MAX_GRID_CELLS

    @property
    def measure_labels(self) -> list[str]:
        return [MEASURE_LABELS[m] for m in self.measures]

    def fill(self, data) -> None:
        """Take the typed values from POST data (only the grid's own cells, trimmed)."""
        for area in self.areas:
            for period in self.periods:
                for measure in self.measures:
                    name = cell_name(area.id, period, measure)
                    self.values[name] = str(data.get(name, "")).strip()[:MAX_CELL_CHARS]

    def to_csv(self) -> bytes:
        """The typed values as a long CSV file: one line per area and period with input."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\n")
        writer.writerow(["gebiedscode", "periode", *(MEASURE_HEADERS[m] for m in self.measures)])
        self.lines = []
        for area in self.areas:
            for period in self.periods:
                typed = [self.values.get(cell_name(area.id, period, m), "") for m in self.measures]
                if any(typed):
                    writer.writerow([area.code, period.label, *typed])
                    self.lines.append((area, period))
        return out.getvalue().encode("utf-8")

    def attach_problems(self, preview: Preview) -> None:
        """Put each problem of the generated file on the grid cell it came from."""
        by_header = {MEASURE_HEADERS[m]: m for m in self.measures}
        for problem in preview.problems:
            if problem.level == "skipped" or problem.row is None or problem.row < 2:
                continue
            index = problem.row - 2  # line 1 is the header
            if index >= len(self.lines):
                continue
            area, period = self.lines[index]
            measure = by_header.get(problem.column or "", self.measures[0])
            name = cell_name(area.id, period, measure)
            self.errors.setdefault(name, []).append(problem.message)


def build_grid(coalition, indicator, year: int, kind: str, today: date) -> Grid:
    """An empty grid for the coalition's wijken, filled with the values stored now."""
    areas = AreaMatcher.for_coalition(coalition).wijken()
    grid = Grid(
        coalition=coalition,
        indicator=indicator,
        periods=grid_periods(year, kind, today),
        areas=areas,
        measures=measures_for(indicator.unit),
    )
    stored = Observation.objects.filter(
        coalition=coalition,
        indicator=indicator,
        area_id__in=[a.id for a in areas],
        period__in=[p.label for p in grid.periods],
    ).values_list("area_id", "period", "numerator", "denominator", "value", "status")
    by_label = {p.label: p for p in grid.periods}
    for area_id, label, numerator, denominator, value, status in stored:
        numbers = {NUMERATOR: numerator, DENOMINATOR: denominator, VALUE: value}
        for measure in grid.measures:
            number = numbers[measure]
            text = "x" if number is None and status == "secret" else _plain(number)
            grid.values[cell_name(area_id, by_label[label], measure)] = text
    return grid


def _plain(number) -> str:
    if number is None:
        return ""
    return str(int(number)) if float(number).is_integer() else str(number).replace(".", ",")


def read_grid(grid: Grid, *, partner, today: date | None = None) -> Preview:
    """Validate the typed grid like a file; problems are also attached to the grid's cells."""
    data = grid.to_csv()
    kind = {p.kind for p in grid.periods}
    name = f"handmatige invoer {grid.indicator.code} {'-'.join(sorted(kind))}.csv"
    preview = read_registrations(
        data,
        name,
        coalition=grid.coalition,
        partner=partner,
        indicator=grid.indicator,
        columns={"gebiedscode": "area", "periode": "period"}
        | {MEASURE_HEADERS[m]: m for m in grid.measures},
        today=today,
    )
    grid.attach_problems(preview)
    return preview
