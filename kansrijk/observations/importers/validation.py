"""Checking a partner's rows: areas, periods, numbers, duplicates, totals and notes.

``validate_rows(preview, today)`` walks the table once and fills ``preview.rows`` and
``preview.problems``; ``compare_with_stored(preview)`` counts what the import would replace
and warns about values far from the previous periods. Nothing here writes.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from datetime import date

from kansrijk.catalog.models import Unit
from kansrijk.lib.numbers import NumberError, parse_number
from kansrijk.lib.periods import Period, PeriodError
from kansrijk.lib.tabular import (
    FormulaWithoutValue,
    cell_text,
    detect_decimal_comma,
    is_excel_error,
    normalize_text,
    parse_period_cell,
)

from ..models import Observation, Status
from . import columns as roles
from .columns import Column
from .matching import AreaMatchError, IndicatorRef
from .preview import ERROR, SKIPPED, WARNING, Preview, Problem, RegistrationRow

# Far from the previous periods: more than FAR_FACTOR times (or less than 1/FAR_FACTOR of)
# the median of up to HISTORY previous values, and at least FAR_MIN_DIFFERENCE apart.
FAR_FACTOR, FAR_MIN_DIFFERENCE, HISTORY = 3.0, 5.0, 4

_TOTAL_WORDS = ("totaal", "total", "totalen", "eindtotaal", "subtotaal", "som", "gemiddelde",
                "gemiddeld", "average", "overall", "alle wijken", "gemeente totaal")  # fmt: skip
_NOTE_WORDS = {"bron", "bronnen", "noot", "voetnoot", "opmerking", "opmerkingen", "toelichting",
               "nb", "let", "source", "note", "notes", "bijgewerkt", "peildatum", "gegevens",
               "disclaimer", "uitleg", "legenda"}  # fmt: skip
_LESS_THAN = re.compile(r"^<\s*\d+$")
_PERCENT_LIKE = (Unit.PERCENTAGE.value, Unit.PER_1000.value)
_VALUE_MAX = {Unit.PERCENTAGE.value: 100.0, Unit.PER_1000.value: 1000.0}


_UNKNOWN = object()  # an unknown or secret cell
_EMPTY = object()  # an empty cell (unknown too, but left out of a wide layout's future periods)


class _CellError(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class _Validator:
    """Walks the rows once; collects rows to write and problems."""

    def __init__(self, preview: Preview, today: date):
        self.preview = preview
        self.today = today
        self.table = preview.table
        cols = preview.columns
        self.area_cols = [c.index for c in cols if c.role == roles.AREA]
        self.period_col = _index(cols, roles.PERIOD)
        self.year_col = _index(cols, roles.YEAR)
        self.quarter_col = _index(cols, roles.QUARTER)
        self.month_col = _index(cols, roles.MONTH)
        self.indicator_col = _index(cols, roles.INDICATOR)
        self.measures = [c for c in cols if c.is_measure]
        self.id_cols = set(self.area_cols) | {
            i
            for i in (
                self.period_col,
                self.year_col,
                self.quarter_col,
                self.month_col,
                self.indicator_col,
            )
            if i is not None
        }
        self.header_keys = [normalize_text(h) for h in self.table.headers]
        self.norm_cache: dict[str, str] = {}
        self.total_cache: dict[str, bool] = {}
        self.period_cache: dict[object, Period | _CellError] = {}
        self.indicator_cache: dict[str, IndicatorRef | None] = {}
        self.seen: dict[tuple[int, int, str], int] = {}
        self.needs_denominator: set[int] = set()
        self.has_denominator_source = any(c.role in (roles.DENOMINATOR, roles.VALUE) for c in cols)

    def run(self) -> None:
        preview = self.preview
        preview.decimal_comma = detect_decimal_comma(
            (row.cells[c.index] for row in self.table.rows for c in self.measures),
            delimiter=self.table.delimiter,
        )
        for row in self.table.rows:
            self._row(row)
        preview.data_rows = len(self.table.rows)
        for indicator_id in sorted(self.needs_denominator):
            indicator = preview.indicators.get(indicator_id)
            preview.problems.append(
                Problem(
                    ERROR,
                    "no-denominator",
                    f"Indicator '{indicator.code}' is een {indicator.unit}: daarvoor is naast het "
                    "aantal ook een kolom met de noemer (totaal) of de waarde nodig.",
                )
            )

    def _problem(self, level, code, message, row, column_index=None, value="") -> None:
        column = self.table.headers[column_index] if column_index is not None else None
        self.preview.problems.append(Problem(level, code, message, row.number, column, value))

    def _norm(self, cell) -> str:
        """normalize_text of a cell, remembered: the same names come back on every row."""
        key = cell if isinstance(cell, str) else cell_text(cell)
        found = self.norm_cache.get(key)
        if found is None:
            found = self.norm_cache[key] = normalize_text(cell_text(cell))
        return found

    # -- one row --

    def _row(self, row) -> None:
        cells = row.cells
        filled = [i for i, cell in enumerate(cells) if not _blank(cell)]
        if not filled:  # a blank row
            return
        if self._is_skippable(row, cells, filled):
            return
        area = self._area(row, cells)
        period = self._row_period(row, cells)
        indicator = self._row_indicator(row, cells)
        groups: dict[tuple[int, Period], dict] = {}
        failed = area is None or period is False or indicator is False
        for column in self.measures:
            col_period = column.period or period
            col_indicator = column.indicator or indicator or self.preview.default_indicator
            if col_period in (None, False) or col_indicator in (None, False):
                continue
            try:
                number = self._number(cells[column.index], column.role, col_indicator)
            except _CellError as exc:
                self._problem(ERROR, exc.code, str(exc), row, column.index)
                failed = True
                continue
            group = groups.setdefault((col_indicator.id, col_period), {"wide": column.is_wide})
            group[column.role] = number
        if failed:
            return
        for (indicator_id, group_period), group in groups.items():
            self._observation(row, area, indicator_id, group_period, group)

    def _is_skippable(self, row, cells, filled) -> bool:
        """Totals, notes and repeated headers are skipped (and reported), never imported."""
        area_cells = [cells[i] for i in self.area_cols if not _blank(cells[i])]
        area_text = " ".join(self._norm(cell) for cell in area_cells)
        if area_text and self._is_total(area_text):
            label = cell_text(area_cells[0])
            self._problem(SKIPPED, "total-row", f"totaalrij '{_short(label)}' overgeslagen.", row)
            return True
        first = cells[filled[0]]
        first_key = self._norm(first)
        if (
            first_key == self.header_keys[filled[0]]
            and [self._norm(cell) for cell in cells] == self.header_keys
        ):
            self._problem(SKIPPED, "header-row", "herhaalde kopregel overgeslagen.", row)
            return True
        text = first if isinstance(first, str) else cell_text(first)
        if first_key.split(" ", 1)[0] in _NOTE_WORDS or text.lstrip().startswith("*"):
            text = cell_text(first)
            self._problem(SKIPPED, "note-row", f"toelichting '{_short(text)}' overgeslagen.", row)
            return True
        text = cell_text(first)
        if not area_cells:
            if any(not _blank(cells[c.index]) for c in self.measures):
                self._problem(
                    SKIPPED,
                    "total-row",
                    "rij met cijfers maar zonder gebied overgeslagen (een totaal?).",
                    row,
                )
            else:
                self._problem(SKIPPED, "note-row", f"rij '{_short(text)}' overgeslagen.", row)
            return True
        if len(filled) == 1 and not self._matches_area(cells):
            self._problem(
                SKIPPED, "note-row", f"rij met alleen '{_short(text)}' overgeslagen.", row
            )
            return True
        return False

    def _is_total(self, area_text: str) -> bool:
        found = self.total_cache.get(area_text)
        if found is None:
            found = self.total_cache[area_text] = any(
                area_text == word or area_text.startswith(word + " ") for word in _TOTAL_WORDS
            )
        return found

    def _matches_area(self, cells) -> bool:
        for i in self.area_cols:
            try:
                self.preview.areas.match(cells[i])
                return True
            except AreaMatchError:
                continue
        return False

    def _area(self, row, cells):
        first_error = None
        for i in self.area_cols:
            if _blank(cells[i]) and len(self.area_cols) > 1:
                continue
            try:
                return self.preview.areas.match(cells[i])
            except AreaMatchError as exc:
                first_error = first_error or (exc, i)
        if first_error is None:  # several area columns, all empty
            first_error = (
                AreaMatchError("missing-area", "het gebied ontbreekt."),
                self.area_cols[0],
            )
        exc, index = first_error
        self._problem(ERROR, exc.code, str(exc), row, index, cell_text(cells[index]))
        return None

    def _row_period(self, row, cells):
        """The row's period; None when the row has no period columns; False after an error."""
        if self.period_col is not None:
            key, index = cells[self.period_col], self.period_col
        elif self.year_col is not None:
            part = self.quarter_col if self.quarter_col is not None else self.month_col
            key = (cells[self.year_col], cells[part] if part is not None else None, part)
            index = self.year_col
        elif self.quarter_col is not None or self.month_col is not None:
            index = self.quarter_col if self.quarter_col is not None else self.month_col
            key = cells[index]
        else:
            return None
        try:
            result = self.period_cache.get(key)
        except TypeError:  # an unhashable cell never happens, but never crash on one
            result = None
        if result is None:
            result = self._parse_period(key)
            self.period_cache[key] = result
        if isinstance(result, _CellError):
            self._problem(ERROR, result.code, str(result), row, index)
            return False
        return result

    def _parse_period(self, key) -> Period | _CellError:
        try:
            if isinstance(key, tuple):
                year_cell, part_cell, part_index = key
                return self._year_and_part(year_cell, part_cell, part_index)
            return parse_period_cell(key)
        except PeriodError as exc:
            return _CellError("unknown-period", _lower_first(str(exc)))

    def _year_and_part(self, year_cell, part_cell, part_index) -> Period:
        year = parse_period_cell(year_cell)
        if part_index is None or _blank(part_cell):
            return year
        if year.kind != "year":
            raise PeriodError(f"Onbekend jaar '{cell_text(year_cell)}'.")
        part = cell_text(part_cell).lower()
        if re.search(r"\d{4}", part):  # the part column holds the whole period: '2023-K1'
            whole = parse_period_cell(part_cell)
            if whole.year != year.year:
                raise PeriodError(f"'{part}' hoort niet bij jaar {year.label}.")
            return whole
        if part_index == self.quarter_col:
            match = re.fullmatch(r"(?:k|q|kw|kwartaal)?\s*([1-4])(?:e)?(?:\s*kwartaal)?", part)
            if not match:
                raise PeriodError(f"Onbekend kwartaal '{cell_text(part_cell)}'.")
            return parse_period_cell(f"{year.label}-Q{match[1]}")
        if part.isdigit():
            return parse_period_cell(f"{year.label}-{int(part):02d}")
        return parse_period_cell(f"{part} {year.label}")

    def _row_indicator(self, row, cells):
        if self.indicator_col is None:
            return None
        cell = cells[self.indicator_col]
        found = self.indicator_cache.get(cell, False) if isinstance(cell, str) else False
        if found is False:
            key = cell_text(cell)
            found = self.preview.indicators.match(key) if key else None
            if isinstance(cell, str):
                self.indicator_cache[cell] = found
        if found is None:
            key = cell_text(cell)
            message = f"onbekende indicator '{key}'." if key else "de indicator ontbreekt."
            self._problem(ERROR, "unknown-indicator", message, row, self.indicator_col)
            return False
        return found

    def _number(self, cell, role: str, indicator: IndicatorRef):
        """A float, _EMPTY or _UNKNOWN; _CellError for anything else."""
        if cell is None:
            return _EMPTY
        if isinstance(cell, str) and cell.isascii() and cell.isdigit():
            number = float(cell)  # the common case, quickly
        elif isinstance(cell, str):
            text = cell.strip()
            if not text:
                return _EMPTY
            if is_excel_error(text):
                raise _CellError(
                    "excel-error", f"Excel-foutwaarde '{text}' in plaats van een getal."
                )
            if _LESS_THAN.match(text):
                return _UNKNOWN
            try:
                parsed = parse_number(text, decimal_comma=self.preview.decimal_comma)
            except NumberError:
                raise _CellError("not-a-number", f"'{_short(text)}' is geen getal.") from None
            if parsed.is_unknown:
                return _UNKNOWN
            number = parsed.value
        elif isinstance(cell, bool):
            raise _CellError("not-a-number", f"'{cell_text(cell)}' is geen getal.")
        elif isinstance(cell, int | float):
            number = float(cell)
        elif isinstance(cell, FormulaWithoutValue):
            raise _CellError(
                "formula-without-value",
                f"formule '{_short(cell.formula)}' zonder opgeslagen uitkomst. Open het bestand "
                "in Excel, laat het herberekenen en sla het opnieuw op.",
            )
        else:  # a date or time in a number column
            raise _CellError("not-a-number", f"'{cell_text(cell)}' is een datum, geen getal.")
        if number != number or number in (float("inf"), float("-inf")):
            raise _CellError("not-a-number", f"'{cell_text(cell)}' is geen getal.")
        if number < 0 and (role != roles.VALUE or indicator.unit in (Unit.COUNT, *_PERCENT_LIKE)):
            raise _CellError("negative", f"{_format(number)} is negatief; dat kan hier niet.")
        if role != roles.VALUE and not number.is_integer():
            raise _CellError("not-whole", f"{_format(number)} is geen heel getal.")
        if role == roles.VALUE and number > _VALUE_MAX.get(indicator.unit, float("inf")):
            raise _CellError(
                "out-of-range",
                f"{_format(number)} is meer dan {_format(_VALUE_MAX[indicator.unit])} "
                f"({indicator.unit}).",
            )
        return number

    def _observation(self, row, area, indicator_id: int, period: Period, group: dict) -> None:
        numerator = group.get(roles.NUMERATOR)
        denominator = group.get(roles.DENOMINATOR)
        value = group.get(roles.VALUE)
        given = [v for v in (numerator, denominator, value) if v is not None]
        if group["wide"] and all(v is _EMPTY for v in given) and period.start > self.today:
            return  # a future period's empty cell in a wide layout: nothing yet
        if period.start > self.today:
            self._problem(
                ERROR,
                "future-period",
                f"periode {period.label} ligt in de toekomst.",
                row,
                self._period_column(group),
            )
            return
        indicator = self.preview.indicators.get(indicator_id)
        numerator = _number_or_none(numerator)
        denominator = _number_or_none(denominator)
        value = _number_or_none(value)
        if numerator is not None and denominator is not None and numerator > denominator:
            self._problem(
                ERROR,
                "numerator-above-denominator",
                f"het aantal ({_format(numerator)}) is groter dan de noemer "
                f"({_format(denominator)}).",
                row,
                self._column_of(roles.NUMERATOR, period, indicator_id),
            )
            return
        key = (indicator_id, area.id, period.label)
        if key in self.seen:
            self._problem(
                ERROR,
                "duplicate",
                f"{area.name}, {period.label} ({indicator.code}) staat ook in rij "
                f"{self.seen[key]}.",
                row,
            )
            return
        self.seen[key] = row.number
        if (
            indicator.unit in _PERCENT_LIKE
            and value is None
            and numerator is not None
            and not self.has_denominator_source
        ):
            self.needs_denominator.add(indicator_id)
            return
        status = Status.DEFINITIVE
        main = value if value is not None else numerator
        if indicator.unit in _PERCENT_LIKE and value is None:
            main = None if numerator is None or denominator is None else numerator
        if main is None:
            status = Status.SECRET
        self.preview.rows.append(
            RegistrationRow(
                row.number, indicator_id, area.id, period, numerator, denominator, value, status
            )
        )

    def _column_of(self, role, period, indicator_id):
        for column in self.measures:
            if column.role == role and column.period in (None, period):
                return column.index
        return None

    def _period_column(self, group) -> int | None:
        return self.period_col if not group["wide"] else None


def _index(columns: list[Column], role: str) -> int | None:
    return next((c.index for c in columns if c.role == role), None)


def _blank(cell) -> bool:
    return cell is None or (cell.__class__ is str and (not cell or cell.isspace()))


def _number_or_none(number):
    return None if number is _EMPTY or number is _UNKNOWN or number is None else number


def _format(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}".replace(".", ",")


def _short(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def compare_with_stored(preview: Preview) -> None:
    """Count the values the import replaces, and warn about values far from earlier periods."""
    indicator_ids = {row.indicator_id for row in preview.rows}
    stored = Observation.objects.filter(
        coalition=preview.coalition, indicator_id__in=indicator_ids
    ).values_list("indicator_id", "area_id", "period", "period_kind", "period_start", "value")
    incoming = {(r.indicator_id, r.area_id, r.period.label) for r in preview.rows}
    series: dict[tuple[int, int, str], list[tuple[date, float | None, int | None]]] = defaultdict(
        list
    )
    replaced = 0
    for indicator_id, area_id, period, kind, start, value in stored.iterator(chunk_size=5000):
        if (indicator_id, area_id, period) in incoming:
            replaced += 1
            continue
        series[(indicator_id, area_id, kind)].append((start, value, None))
    preview.replaced = replaced
    for row in preview.rows:
        series[(row.indicator_id, row.area_id, row.period.kind)].append(
            (row.period.start, observed_value(preview, row), row.row)
        )
    for points in series.values():
        if len(points) < 3 or all(number is None for _s, _v, number in points):
            continue
        points.sort(key=lambda point: point[0])
        for i, (_start, value, row_number) in enumerate(points):
            if row_number is None or value is None:
                continue
            before = [v for _s, v, _n in points[max(0, i - HISTORY) : i] if v is not None]
            if len(before) < 2:
                continue
            median = statistics.median(before)
            if _is_far(value, median):
                preview.problems.append(
                    Problem(
                        WARNING,
                        "far-from-previous",
                        f"{_format(round(value, 1))} wijkt sterk af van de perioden ervoor "
                        f"(mediaan {_format(round(median, 1))}). Klopt dit?",
                        row_number,
                    )
                )


def observed_value(preview: Preview, row: RegistrationRow) -> float | None:
    if row.value is not None:
        return row.value
    indicator = preview.indicators.get(row.indicator_id)
    if indicator.unit in _PERCENT_LIKE:
        if row.numerator is None or not row.denominator:
            return None
        return row.numerator / row.denominator * _VALUE_MAX[indicator.unit]
    return row.numerator


def _is_far(value: float, median: float) -> bool:
    if abs(value - median) < FAR_MIN_DIFFERENCE:
        return False
    if median <= 0:
        return value >= 2 * FAR_MIN_DIFFERENCE
    return value > FAR_FACTOR * median or value < median / FAR_FACTOR


def validate_rows(preview: Preview, today: date) -> None:
    """Check every row of ``preview.table`` against the columns' roles."""
    _Validator(preview, today).run()
