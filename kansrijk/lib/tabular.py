"""Tables out of the files people actually send: CSV/TXT and XLSX, messy ones included.

``read_table(data, filename)`` answers a ``Table``: the header labels and the data rows below
them, each row with its number as the user sees it (1-based, the header counted, as in Excel
or a text editor). It copes with what hand-made Dutch files look like:

* CSV/TXT with ``;``, ``,`` or a tab; UTF-8, UTF-8 with BOM or cp1252 (Windows "ANSI"),
  decoded strictly, never with silently replaced characters;
* title rows above the header, merged header cells and two header rows (combined into one
  label per column: "2023" over "K1" becomes "2023 K1");
* XLSX through openpyxl in read-only mode (``defusedxml`` guards the XML), the chosen or the
  first visible sheet; Excel dates and numbers come as Python values, a formula cell as its
  cached result, or as ``FormulaWithoutValue`` when Excel never saved one.

Hostile files are refused with a ``TabularError`` (a Dutch message) before they can cost
much time or memory: a size limit first, the zip's declared sizes, compression ratios and
entry count before openpyxl opens it, then limits on line length, rows and columns.

The cell helpers below (``cell_text``, ``normalize_text``, ``detect_decimal_comma``,
``parse_period_cell``, ``find_period_in_text``) are shared by every importer of such files.
"""

from __future__ import annotations

import csv
import io
import re
import time
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as clock_time

from . import periods
from .periods import Period, PeriodError

CSV_EXTENSIONS = (".csv", ".txt")
XLSX_EXTENSIONS = (".xlsx",)
ALLOWED_EXTENSIONS = CSV_EXTENSIONS + XLSX_EXTENSIONS
DELIMITERS = (";", "\t", ",")  # in order of preference when two fit equally well
DELIMITER_NAMES = {";": "puntkomma", "\t": "tab", ",": "komma"}
HEADER_SEARCH_ROWS = 30
EXCEL_MAX_ROWS = 1_048_576
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old binary .xls (and other OLE files)


class TabularError(ValueError):
    """A file that cannot be read as a table; the message is Dutch and meant for the user."""


@dataclass(frozen=True)
class Limits:
    """What a file may cost. The defaults suit uploads; importers pass their settings."""

    max_bytes: int = 10 * 1024 * 1024
    max_rows: int = 200_000
    max_columns: int = 200
    max_line_chars: int = 65_536
    max_uncompressed_bytes: int = 200 * 1024 * 1024
    max_compression_ratio: int = 200
    max_zip_entries: int = 1_000
    max_seconds: float = 60.0


@dataclass(frozen=True)
class FormulaWithoutValue:
    """A formula cell for which the file holds no calculated value (Excel never saved one)."""

    formula: str

    def __str__(self) -> str:
        return self.formula


@dataclass(frozen=True, slots=True)
class Row:
    number: int  # as the user sees it: 1-based, header and title rows counted
    cells: tuple


@dataclass
class Table:
    headers: list[str]
    rows: list[Row]
    header_rows: tuple[int, ...]
    file_format: str  # "csv" or "xlsx"
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """The reading in words: 'CSV, puntkomma, cp1252, kopregel 3' or 'Excel, blad "Data"'."""
        if self.file_format == "xlsx":
            parts = [f"Excel, werkblad '{self.sheet}'"]
        else:
            parts = [f"CSV, {DELIMITER_NAMES.get(self.delimiter, self.delimiter)}", self.encoding]
        rows = " en ".join(str(n) for n in self.header_rows)
        parts.append(f"kopregel{'s' if len(self.header_rows) > 1 else ''} {rows}")
        return ", ".join(parts)


# --- reading --------------------------------------------------------------------------------


def read_table(
    data: bytes,
    filename: str,
    *,
    sheet: str | None = None,
    limits: Limits = Limits(),  # noqa: B008 - frozen, never mutated
    is_header: Callable[[str], bool] | None = None,
) -> Table:
    """Read the table in ``data``; ``filename`` decides the format (by its extension).

    ``is_header`` tells labels the caller knows ("wijk", "aantal", "2023") so the header row
    is found below title rows; without it the first row of several text cells is taken.
    """
    kind = check_file(data, filename, limits)
    deadline = time.monotonic() + limits.max_seconds
    if kind == "xlsx":
        raw, sheet_name, sheets, header = _first_sheet_with_a_table(
            data, sheet, limits, deadline, is_header
        )
        encoding = delimiter = ""
    else:
        raw, encoding, delimiter = read_csv_rows(data, limits)
        sheet_name, sheets = "", ()
        header = find_header(raw, is_header)
    header_rows, headers, data_start = header
    if len(raw) - data_start > limits.max_rows:
        raise TabularError(_too_many_rows(limits))
    rows = []
    for number, cells in raw[data_start:]:
        padded = tuple(cells[: len(headers)]) + (None,) * (len(headers) - len(cells))
        rows.append(Row(number, padded))
    return Table(
        headers=headers,
        rows=rows,
        header_rows=header_rows,
        file_format=kind,
        encoding=encoding,
        delimiter=delimiter,
        sheet=sheet_name,
        sheets=sheets,
    )


def _first_sheet_with_a_table(data, sheet, limits, deadline, is_header):
    """The chosen sheet, or the first visible sheet in which a header is found."""
    raw, name, sheets, visible = read_xlsx_rows(data, sheet, limits, deadline)
    try:
        return raw, name, sheets, find_header(raw, is_header)
    except TabularError as exc:
        if sheet:
            raise TabularError(f"{exc} (werkblad '{name}')") from None
        for other in visible[visible.index(name) + 1 :]:
            raw, name, sheets, _visible = read_xlsx_rows(data, other, limits, deadline)
            try:
                return raw, name, sheets, find_header(raw, is_header)
            except TabularError:
                continue
        listing = f" Werkbladen: {', '.join(sheets)}." if len(sheets) > 1 else ""
        raise TabularError(f"{exc}{listing}") from None


def check_file(data: bytes, filename: str, limits: Limits = Limits()) -> str:  # noqa: B008
    """Size, extension and content checks before any parsing; returns 'csv' or 'xlsx'."""
    name = (filename or "").strip().lower()
    if len(data) > limits.max_bytes:
        raise TabularError(
            f"Het bestand is te groot ({_megabytes(len(data))}); "
            f"het mag hoogstens {_megabytes(limits.max_bytes)} zijn."
        )
    if not data:
        raise TabularError("Het bestand is leeg.")
    if name.endswith(XLSX_EXTENSIONS):
        if data.startswith(OLE_MAGIC):
            raise TabularError(
                "Dit is een oud Excel-bestand (.xls) of een versleuteld bestand. "
                "Sla het in Excel op als .xlsx en probeer het opnieuw."
            )
        if not data.startswith(ZIP_MAGIC):
            raise TabularError("Dit is geen geldig Excel-bestand (.xlsx).")
        return "xlsx"
    if name.endswith(CSV_EXTENSIONS):
        if data.startswith(ZIP_MAGIC):
            raise TabularError(
                "Dit lijkt een Excel-bestand met de extensie .csv; geef het de extensie .xlsx."
            )
        if data.startswith(OLE_MAGIC):
            raise TabularError("Dit lijkt een oud Excel-bestand (.xls), geen CSV-bestand.")
        return "csv"
    if name.endswith((".xls", ".xlsm", ".xlsb", ".ods")):
        raise TabularError(
            "Dit soort bestand wordt niet ingelezen. Sla het op als .xlsx (zonder macro's) "
            "of als .csv."
        )
    raise TabularError("Kies een .csv-, .txt- of .xlsx-bestand.")


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


# CSV ----------------------------------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """Strict UTF-8 (a BOM is removed) first, then cp1252; never replaced characters."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 met BOM"
        except UnicodeDecodeError as exc:
            raise TabularError(
                f"Het bestand begint als UTF-8 maar bevat ongeldige tekens (byte {exc.start})."
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TabularError(
            "Het bestand is in UTF-16 opgeslagen. Sla het op als 'CSV UTF-8' en probeer opnieuw."
        )
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        raise TabularError(
            "De tekens in het bestand zijn niet te lezen (geen UTF-8 en geen Windows-1252, "
            f"byte {exc.start}). Is het wel een tekstbestand?"
        ) from None


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits most of the first lines into the same number (> 1) of fields."""
    best, best_score = ";", (0, 0)
    for delimiter in DELIMITERS:
        counts: dict[int, int] = {}
        for line in lines:
            try:
                width = len(next(csv.reader([line], delimiter=delimiter)))
            except (csv.Error, StopIteration):
                continue
            if width > 1:
                counts[width] = counts.get(width, 0) + 1
        if not counts:
            continue
        width, lines_with_width = max(counts.items(), key=lambda item: (item[1], item[0]))
        score = (lines_with_width, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv_rows(data: bytes, limits: Limits) -> tuple[list[tuple[int, list]], str, str]:
    """Decode, check line lengths, sniff the delimiter and split; rows keep their numbers."""
    text, encoding = decode_text(data)
    if "\x00" in text:
        raise TabularError("Het bestand bevat binaire gegevens; het is geen CSV-bestand.")
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if len(line) > limits.max_line_chars:
            raise TabularError(
                f"Rij {number} is te lang ({len(line)} tekens; hoogstens "
                f"{limits.max_line_chars}). Is dit wel een tabel?"
            )
    sample = [line for line in lines[:200] if line.strip()][:50]
    delimiter = sniff_delimiter(sample)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    rows: list[tuple[int, list]] = []
    data_rows = previous = 0
    try:
        for cells in reader:
            number = reader.line_num
            while cells and not cells[-1].strip():
                cells.pop()
            if not cells:
                continue
            if len(cells) > limits.max_columns:
                raise TabularError(
                    f"Rij {number} heeft {len(cells)} kolommen; hoogstens "
                    f"{limits.max_columns} worden gelezen."
                )
            data_rows += 1
            if data_rows > limits.max_rows + HEADER_SEARCH_ROWS:
                raise TabularError(_too_many_rows(limits))
            # A quoted cell may span lines: number the row by the line it starts on.
            start = number
            if number - previous > 1:
                start -= sum(cell.count("\n") for cell in cells)
            previous = number
            rows.append((start, cells))
    except csv.Error as exc:
        raise TabularError(
            f"Het CSV-bestand is niet te lezen bij rij {reader.line_num}: {exc}."
        ) from None
    return rows, encoding, delimiter


def _too_many_rows(limits: Limits) -> str:
    return (
        f"Het bestand heeft te veel rijen; hoogstens {limits.max_rows:,} worden ingelezen.".replace(
            ",", "."
        )
    )


# XLSX ---------------------------------------------------------------------------------------


def check_xlsx_archive(data: bytes, limits: Limits) -> None:
    """Zip-bomb and macro guard from the central directory only, before anything is unpacked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - BadZipFile, NotImplementedError, …: all the file's fault
        raise TabularError("Dit is geen geldig Excel-bestand (.xlsx).") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > limits.max_zip_entries:
            raise TabularError("Het Excel-bestand bevat te veel onderdelen om veilig te lezen.")
        names = {entry.filename for entry in entries}
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            raise TabularError("Dit is geen geldig Excel-bestand (.xlsx).")
        if any(name.lower().endswith("vbaproject.bin") for name in names):
            raise TabularError(
                "Het Excel-bestand bevat macro's; sla het op als .xlsx zonder macro's."
            )
        total = 0
        for entry in entries:
            total += entry.file_size
            ratio = entry.file_size / max(entry.compress_size, 1)
            if entry.file_size > 1024 * 1024 and ratio > limits.max_compression_ratio:
                raise TabularError(
                    "Het Excel-bestand pakt verdacht groot uit (mogelijk een 'zip-bom') en "
                    "wordt niet gelezen."
                )
        if total > limits.max_uncompressed_bytes:
            raise TabularError(
                f"Het Excel-bestand is uitgepakt te groot ({_megabytes(total)}); hoogstens "
                f"{_megabytes(limits.max_uncompressed_bytes)}."
            )


def read_xlsx_rows(
    data: bytes, sheet: str | None, limits: Limits, deadline: float
) -> tuple[list[tuple[int, list]], str, tuple[str, ...], list[str]]:
    """The rows of one sheet as values; formula cells without a cached value are marked.

    Answers the rows, the sheet's name, all sheet names and the visible ones."""
    check_xlsx_archive(data, limits)
    from openpyxl import load_workbook  # imported late: only uploads of .xlsx need it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            values_book = load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
            formula_book = load_workbook(
                io.BytesIO(data), read_only=True, data_only=False, keep_links=False
            )
            try:
                return _read_sheet(values_book, formula_book, sheet, limits, deadline)
            finally:
                values_book.close()
                formula_book.close()
    except TabularError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure inside a hostile file is the file's
        raise TabularError(
            f"Het Excel-bestand kan niet worden gelezen ({type(exc).__name__}). Is het beschadigd? "
            "Open het in Excel, sla het opnieuw op als .xlsx en probeer het nog eens."
        ) from None


def _read_sheet(values_book, formula_book, sheet, limits, deadline):
    names = tuple(values_book.sheetnames)
    if sheet:
        wanted = sheet.strip().lower()
        matches = [name for name in names if name.strip().lower() == wanted]
        if not matches:
            raise TabularError(f"Werkblad '{sheet}' bestaat niet. Werkbladen: {', '.join(names)}.")
        name = matches[0]
    else:
        shown = [ws.title for ws in values_book.worksheets if ws.sheet_state == "visible"]
        if not shown:
            raise TabularError("Het Excel-bestand heeft geen zichtbaar werkblad.")
        name = shown[0]
    visible = [ws.title for ws in values_book.worksheets if ws.sheet_state == "visible"]
    values_sheet, formula_sheet = values_book[name], formula_book[name]
    if not hasattr(values_sheet, "iter_rows"):
        raise TabularError(f"'{name}' is een grafiekblad, geen werkblad met een tabel.")
    # The stored dimension can be wrong (or hostile): read the rows as they are, at their own
    # width; a gap of missing rows then costs next to nothing.
    values_sheet.reset_dimensions()
    formula_sheet.reset_dimensions()
    value_rows = values_sheet.iter_rows(values_only=True)
    formula_rows = formula_sheet.iter_rows(values_only=True)
    rows: list[tuple[int, list]] = []
    for number, (values, formulas) in enumerate(zip(value_rows, formula_rows, strict=False), 1):
        if number > EXCEL_MAX_ROWS or len(rows) > limits.max_rows + HEADER_SEARCH_ROWS:
            raise TabularError(_too_many_rows(limits))
        if number % 1000 == 0 and time.monotonic() > deadline:
            raise TabularError("Het lezen van het Excel-bestand duurt te lang; het is gestopt.")
        if not values:
            continue
        if len(values) > limits.max_columns and any(
            v is not None for v in values[limits.max_columns :]
        ):
            raise TabularError(
                f"Rij {number} heeft meer dan {limits.max_columns} kolommen; dat is te veel."
            )
        cells = list(values[: limits.max_columns])
        if None in cells:
            for index, cell in enumerate(cells):
                formula = formulas[index] if index < len(formulas) else None
                if cell is None and isinstance(formula, str) and formula.startswith("="):
                    cells[index] = FormulaWithoutValue(formula)
        while cells and _is_blank(cells[-1]):
            cells.pop()
        if cells:
            rows.append((number, cells))
    return rows, name, names, visible


# --- the header -----------------------------------------------------------------------------


def find_header(
    raw: list[tuple[int, list]], is_header: Callable[[str], bool] | None = None
) -> tuple[tuple[int, ...], list[str], int]:
    """The header row(s), the combined labels and the index in ``raw`` of the first data row.

    The header is the first row with at least two labels ``is_header`` knows (or, failing
    that, a row of text cells with one known label; or the first row of two or more text
    cells). A second header row
    directly below (a row of labels under merged cells) or above it is combined with it.
    """
    known = is_header or (lambda _text: False)
    candidates = raw[:HEADER_SEARCH_ROWS]
    index = _first(candidates, lambda cells: _known_count(cells, known) >= 2)
    if index is None:
        index = _first(
            candidates, lambda cells: _known_count(cells, known) >= 1 and _looks_like_labels(cells)
        )
    if index is None:
        index = _first(candidates, _looks_like_labels)
    if index is None:
        raise TabularError(
            "Geen kopregel gevonden: de eerste rijen hebben geen kolomnamen (zoals wijk, periode "
            "en aantal). Zet de kolomnamen boven de cijfers."
        )
    top, bottom = index, index
    if index + 1 < len(raw) and _is_second_header(raw[index][1], raw[index + 1], raw[index][0]):
        bottom = index + 1
    elif index > 0 and _is_upper_header(raw[index - 1], raw[index][0]):
        top = index - 1
    if top == bottom:
        labels = [cell_text(cell) for cell in raw[index][1]]
    else:
        labels = combine_header_rows(raw[top][1], raw[bottom][1])
    headers = _unique_labels(labels, raw, bottom + 1)
    numbers = tuple(raw[i][0] for i in range(top, bottom + 1))
    return numbers, headers, bottom + 1


def _first(rows, predicate) -> int | None:
    for i, (_number, cells) in enumerate(rows):
        if predicate(cells):
            return i
    return None


def _known_count(cells, known) -> int:
    return sum(1 for cell in cells if not _is_blank(cell) and known(cell_text(cell)))


def _is_label(cell) -> bool:
    """Text that is not a number or a marker, or a year (headers such as 2023 are numbers)."""
    if isinstance(cell, bool) or _is_blank(cell):
        return False
    if isinstance(cell, int | float):
        return float(cell).is_integer() and periods.MIN_YEAR <= cell <= periods.MAX_YEAR
    if isinstance(cell, str):
        text = cell.strip()
        if text in (".", "x", "X", "-", "?"):
            return False
        return not re.fullmatch(r"[+-]?[\d.,\s%]+", text) or bool(re.fullmatch(r"\d{4}", text))
    return False


def _looks_like_labels(cells) -> bool:
    filled = [cell for cell in cells if not _is_blank(cell)]
    return len(filled) >= 2 and all(_is_label(cell) for cell in filled)


def _has_gaps(cells) -> bool:
    filled = [i for i, cell in enumerate(cells) if not _is_blank(cell)]
    return bool(filled) and (filled[0] > 0 or len(filled) < filled[-1] + 1)


def _is_second_header(upper: list, row: tuple[int, list], upper_number: int) -> bool:
    number, cells = row
    if number != upper_number + 1 or not _has_gaps(upper):
        return False
    filled = [i for i, cell in enumerate(cells) if not _is_blank(cell)]
    if len(filled) < 2 or not all(_is_label(cells[i]) for i in filled):
        return False
    return any(i >= len(upper) or _is_blank(upper[i]) for i in filled)


def _is_upper_header(row: tuple[int, list], header_number: int) -> bool:
    number, cells = row
    if number != header_number - 1:
        return False
    filled = [i for i, cell in enumerate(cells) if not _is_blank(cell)]
    if not filled or filled[0] == 0:
        return False  # a title starts in the first column; merged labels start further right
    return all(_is_label(cells[i]) for i in filled)


def combine_header_rows(upper: list, lower: list) -> list[str]:
    """One label per column from two header rows; a merged upper cell covers the cells to its
    right until the next upper label ("2023", "", "2024" over "K1", "K2", "K1")."""
    width = max(len(upper), len(lower))
    labels, current = [], ""
    for i in range(width):
        top = cell_text(upper[i]) if i < len(upper) else ""
        bottom = cell_text(lower[i]) if i < len(lower) else ""
        if top:
            current = top
        elif not bottom:
            current = ""  # an empty column ends a merged region
        labels.append(" ".join(part for part in (current, bottom) if part))
    return labels


def _unique_labels(labels: list[str], raw, data_start: int) -> list[str]:
    """Name unnamed columns by their letter, number repeated names, and drop empty columns on
    the right that have no data."""
    width = len(labels)
    for _number, cells in raw[data_start:]:
        for i in range(len(cells) - 1, width - 1, -1):
            if not _is_blank(cells[i]):
                width = i + 1
                break
    labels = labels + [""] * (width - len(labels))
    seen: dict[str, int] = {}
    result = []
    for i, label in enumerate(labels):
        label = " ".join(label.split()) or f"Kolom {column_letter(i)}"
        key = label.lower()
        seen[key] = seen.get(key, 0) + 1
        result.append(label if seen[key] == 1 else f"{label} ({seen[key]})")
    return result


def column_letter(index: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA'."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


# --- cells ----------------------------------------------------------------------------------

_EXCEL_ERROR = re.compile(
    r"^#(N/A|N/B|DIV/0!|DEEL/0!|VALUE!|WAARDE!|REF!|VERW!|NAME\?|NAAM\?|NUM!|GETAL!"
    r"|NULL!|LEEG!|SPILL!|CALC!|GETTING_DATA)$"
)


def _is_blank(cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def is_blank(cell) -> bool:
    """None or only whitespace."""
    return _is_blank(cell)


def is_excel_error(cell) -> bool:
    """An Excel error value, English (in .xlsx) or Dutch (in CSV from Dutch Excel)."""
    return isinstance(cell, str) and bool(_EXCEL_ERROR.match(cell.strip().upper()))


def cell_text(cell) -> str:
    """A cell as text for labels and messages: 12.0 → '12', a date → '2023-03-01'."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return " ".join(cell.replace("\u00a0", " ").split())
    if isinstance(cell, bool):
        return "WAAR" if cell else "ONWAAR"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == clock_time() else cell.isoformat(" ")
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


def normalize_text(text: str) -> str:
    """For matching names and labels: no accents, lower case, punctuation as spaces.

    ``'Súdwest-Fryslân'`` → ``'sudwest fryslan'``, ``"'s-Hertogenbosch"`` → ``'s hertogenbosch'``.
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).lower()
    return " ".join(re.sub(r"[^0-9a-z%]+", " ", plain).split())


_COMMA_DECIMAL = re.compile(
    r"^[+-]?(\d+,\d{1,2}|\d+,\d{4,}|\d{1,3}(\.\d{3})+,\d+|\d{1,3}(\.\d{3}){2,})%?$"
)
_POINT_DECIMAL = re.compile(
    r"^[+-]?(\d+\.\d{1,2}|\d+\.\d{4,}|\d{1,3}(,\d{3})+\.\d+|\d{1,3}(,\d{3}){2,})%?$"
)


def detect_decimal_comma(texts: Iterable[object], *, delimiter: str = "") -> bool | None:
    """Whether a file writes 12,5 (True) or 12.5 (False); None when it does both or cannot
    tell. A semicolon file without evidence is Dutch Excel: decimal comma."""
    comma = point = False
    for text in texts:
        if not isinstance(text, str) or text.isdigit():
            continue
        cleaned = text.strip().replace(" ", "")
        if _COMMA_DECIMAL.match(cleaned):
            comma = True
        elif _POINT_DECIMAL.match(cleaned):
            point = True
        if comma and point:
            return None
    if comma or point:
        return comma
    return True if delimiter == ";" else None


# --- periods in cells and labels ------------------------------------------------------------

MONTHS = {
    "jan": 1, "januari": 1, "january": 1,
    "feb": 2, "febr": 2, "februari": 2, "february": 2,
    "mrt": 3, "maart": 3, "mar": 3, "march": 3, "maa": 3,
    "apr": 4, "april": 4,
    "mei": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "aug": 8, "augustus": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oktober": 10, "oct": 10, "october": 10,
    "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_Q = r"(?:kwartaal|kw|k|q)"
_PERIOD_PATTERNS: list[tuple[re.Pattern, Callable[[re.Match], Period]]] = [
    (re.compile(rf"(\d{{4}})\s*[-/ ]?\s*{_Q}\s*([1-4])"), lambda m: _q(m[1], m[2])),
    (re.compile(rf"{_Q}\s*([1-4])\s*[-/ ]?\s*(\d{{4}})"), lambda m: _q(m[2], m[1])),
    (re.compile(rf"([1-4])\s*e\s*{_Q}\s*(\d{{4}})"), lambda m: _q(m[2], m[1])),
    (re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"), lambda m: _m(m[3], m[2])),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), lambda m: _m(m[1], m[2])),
    (re.compile(rf"({_MONTH_NAMES})\.?\s*[-/ ]?\s*(\d{{4}})"), lambda m: _m(m[2], MONTHS[m[1]])),
    (re.compile(rf"(\d{{4}})\s*[-/ ]?\s*({_MONTH_NAMES})\b\.?"), lambda m: _m(m[1], MONTHS[m[2]])),
    (re.compile(r"(\d{4})\s*[-/]\s*(\d{4})"), lambda m: _pool(m[1], m[2])),
    (re.compile(r"(\d{4})\s*[-/ ]\s*(\d{1,2})"), lambda m: _m(m[1], m[2])),
    (re.compile(r"(\d{1,2})\s*[-/ ]\s*(\d{4})"), lambda m: _m(m[2], m[1])),
    (re.compile(r"(?:jaar\s*)?(\d{4})"), lambda m: _y(m[1])),
]
PERIOD_EXAMPLES = "2023, 2023-K1, Q1 2023, 2023-03 of maart 2023"


def _year(text) -> int:
    year = int(text)
    if not periods.MIN_YEAR <= year <= periods.MAX_YEAR:
        raise PeriodError(f"Jaar {year} ligt buiten het bereik.")
    return year


def _y(year) -> Period:
    return periods.year(_year(year))


def _q(year, quarter) -> Period:
    return periods.quarter(_year(year), int(quarter))


def _m(year, month) -> Period:
    month = int(month)
    if not 1 <= month <= 12:
        raise PeriodError(f"Maand {month} bestaat niet.")
    return periods.month(_year(year), month)


def _pool(first, last) -> Period:
    first, last = _year(first), _year(last)
    if last <= first:
        raise PeriodError(f"Het eindjaar {last} ligt niet na het beginjaar {first}.")
    return periods.pool(first, last)


def parse_period_cell(cell) -> Period:
    """A period as people write it, to the canonical one: ``2023-K1``, ``Q1 2023``, ``2023 Q1``
    → 2023-Q1; ``mrt 2023``, ``maart 2023``, ``03-2023`` and Excel dates → 2023-03; a year as
    number or text → 2023; ``2018-2022`` → 2018/2022. PeriodError (Dutch) otherwise."""
    if isinstance(cell, datetime | date):
        return periods.month(_year(cell.year), cell.month)
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if float(cell).is_integer():
            return _y(int(cell))
        raise PeriodError(f"Onbekende periode '{cell_text(cell)}'. Gebruik {PERIOD_EXAMPLES}.")
    text = cell_text(cell).lower()
    if len(text) > 40:
        raise PeriodError(f"Onbekende periode '{text[:40]}…'. Gebruik {PERIOD_EXAMPLES}.")
    if re.fullmatch(r"\d{4}\.0", text):
        text = text[:4]
    for pattern, build in _PERIOD_PATTERNS:
        if match := pattern.fullmatch(text):
            try:
                return build(match)
            except PeriodError as exc:
                reason = str(exc)[:1].lower() + str(exc)[1:]
                raise PeriodError(f"Onbekende periode '{cell_text(cell)}': {reason}") from None
    if not text:
        raise PeriodError("De periode ontbreekt.")
    raise PeriodError(f"Onbekende periode '{cell_text(cell)}'. Gebruik {PERIOD_EXAMPLES}.")


def find_period_in_text(text: str) -> tuple[Period | None, str]:
    """A period inside a label and the rest of the label: 'Aantal 2023 K1' → (2023-Q1, 'Aantal')."""
    lowered = cell_text(text).lower()
    for pattern, build in _PERIOD_PATTERNS:
        for match in pattern.finditer(lowered):
            before = lowered[match.start() - 1] if match.start() else " "
            after = lowered[match.end()] if match.end() < len(lowered) else " "
            if before.isalnum() or after.isalnum():
                continue  # part of a longer word or number
            try:
                period = build(match)
            except PeriodError:
                continue
            rest = (lowered[: match.start()] + " " + lowered[match.end() :]).strip(" -_/:()")
            return period, " ".join(rest.split())
    return None, lowered
