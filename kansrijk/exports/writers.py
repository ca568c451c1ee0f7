"""Writing export tables as CSV (for Dutch Excel) and XLSX.

CSV: UTF-8 with a byte order mark (so Excel reads it as UTF-8), ``;`` between fields,
decimal commas, CRLF line ends. One table is written as a header and rows; several as blocks
of a title line, a header, the rows, the notes and a blank line.

XLSX: one sheet per table, numbers as numbers with a number format, a bold, frozen header
row with a filter, the title and notes under the table, the title in the document properties
and the print header.

Text that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab, a carriage return, or a full-width form of these) is neutralised: a leading apostrophe
in CSV, a text cell (with Excel's quote prefix) in XLSX. Numbers are never touched.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from kansrijk.insight.disclosure import SUPPRESSED_MARK

from .tables import ExportTable

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"csv": CSV_TYPE, "xlsx": XLSX_TYPE}
FORMATS = tuple(CONTENT_TYPES)

BOM = "\ufeff"
# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"),
# with their full-width and small forms, which some spreadsheets fold into the ASCII ones.
FORMULA_STARTS = (
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\0",
    "\uff1d",  # ＝
    "\uff0b",  # ＋
    "\uff0d",  # －
    "\uff20",  # ＠
    "\ufe66",  # ﹦
    "\ufe62",  # ﹢
    "\ufe63",  # ﹣
    "\ufe6b",  # ﹫
)
SHEET_NAME_LENGTH = 31
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
XLSX_TEXT_LENGTH = 32_767
MAX_COLUMN_WIDTH = 60


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + text if is_formula_like(text) else text


# CSV --------------------------------------------------------------------------------------


def _plain_number(value: float) -> str:
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text or "0"


def format_number(value: int | float, decimals: int | None = None) -> str:
    """A number as Dutch Excel reads it: a decimal comma, no thousands separator."""
    if isinstance(value, int):
        return str(value)
    text = f"{value:.{decimals}f}" if decimals is not None else _plain_number(value)
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace(".", ",")


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _csv_cell(value, decimals: int | None) -> str:
    if value is None:
        return SUPPRESSED_MARK
    if _is_number(value):
        if isinstance(value, float) and not math.isfinite(value):
            return SUPPRESSED_MARK
        return format_number(value, decimals)
    return neutralise(str(value))


def _decimals(table: ExportTable, index: int) -> int | None:
    return table.decimals[index] if index < len(table.decimals) else None


def _csv_rows(table: ExportTable) -> Iterable[list[str]]:
    yield [neutralise(header) for header in table.headers]
    for row in table.rows:
        yield [_csv_cell(value, _decimals(table, i)) for i, value in enumerate(row)]


def csv_text(tables: Sequence[ExportTable]) -> str:
    """The CSV as text, starting with the byte order mark."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    if len(tables) == 1:
        writer.writerows(_csv_rows(tables[0]))
    else:
        for table in tables:
            writer.writerow([neutralise(table.title)])
            writer.writerows(_csv_rows(table))
            writer.writerows([neutralise(note)] for note in table.notes)
            writer.writerow([])
    return BOM + out.getvalue()


def write_csv(tables: Sequence[ExportTable], stream) -> None:
    """Write the CSV to a binary stream (UTF-8) or a text stream."""
    text = csv_text(tables)
    if isinstance(stream, io.TextIOBase):
        stream.write(text)
    else:
        stream.write(text.encode("utf-8"))


# XLSX -------------------------------------------------------------------------------------


def _xlsx_text(value) -> str:
    """Text a cell can hold: no characters XML forbids, line ends as in XML, not too long."""
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return text[:XLSX_TEXT_LENGTH]


def _number_format(value, decimals: int | None) -> str:
    if isinstance(value, int):
        return "#,##0"
    if decimals is None:
        return "General"
    return "#,##0." + "0" * decimals if decimals else "#,##0"


def _put(sheet, row: int, column: int, value, decimals: int | None = None):
    """One cell: numbers as numbers, everything else as text (never a formula)."""
    cell = sheet.cell(row=row, column=column)
    if value is None:
        value = SUPPRESSED_MARK
    elif value == "" or (isinstance(value, float) and not math.isfinite(value)):
        return cell
    if _is_number(value):
        cell.value = value
        cell.number_format = _number_format(value, decimals)
        return cell
    text = _xlsx_text(value)
    cell.value = text
    cell.data_type = "s"
    if is_formula_like(text):
        cell.quotePrefix = True
    return cell


def sheet_names(tables: Sequence[ExportTable]) -> list[str]:
    """Valid, distinct sheet names: no ``[]:*?/\\``, at most 31 characters."""
    names: list[str] = []
    taken: set[str] = set()
    for table in tables:
        base = SHEET_FORBIDDEN.sub("_", _xlsx_text(table.name)).strip("'") or "tabel"
        name = base[:SHEET_NAME_LENGTH]
        number = 1
        while name.lower() in taken:
            number += 1
            suffix = f" ({number})"
            name = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix
        taken.add(name.lower())
        names.append(name)
    return names


def _print_header(text: str) -> str:
    return _xlsx_text(text).replace("&", "&&")[:200]


def _fill_sheet(sheet, table: ExportTable) -> None:
    bold, italic = Font(bold=True), Font(italic=True)
    widths = [len(str(header)) for header in table.headers]
    for column, header in enumerate(table.headers, start=1):
        _put(sheet, 1, column, header).font = bold
    for row_number, row in enumerate(table.rows, start=2):
        for column, value in enumerate(row, start=1):
            _put(sheet, row_number, column, value, _decimals(table, column - 1))
            if column <= len(widths):
                widths[column - 1] = max(widths[column - 1], len(str(value or "")))
    sheet.freeze_panes = "A2"
    if table.headers:
        last = get_column_letter(len(table.headers))
        sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    line = len(table.rows) + 3
    _put(sheet, line, 1, table.title).font = italic
    for offset, note in enumerate(table.notes, start=1):
        _put(sheet, line + offset, 1, note)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, MAX_COLUMN_WIDTH)
    sheet.oddHeader.center.text = _print_header(table.title)


def xlsx_bytes(tables: Sequence[ExportTable], title: str = "") -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table, name in zip(tables, sheet_names(tables), strict=True):
        _fill_sheet(workbook.create_sheet(name), table)
    if not tables:
        workbook.create_sheet("tabel")
    workbook.properties.title = _xlsx_text(title or (tables[0].title if tables else ""))
    workbook.properties.creator = "kansrijk"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(tables: Sequence[ExportTable], stream, title: str = "") -> None:
    """Write the workbook to a binary stream."""
    stream.write(xlsx_bytes(tables, title))


# HTTP -------------------------------------------------------------------------------------


def export_response(tables: Sequence[ExportTable], fmt: str, filename: str) -> HttpResponse:
    """A download of the tables as ``fmt`` ("csv" or "xlsx")."""
    if fmt not in CONTENT_TYPES:
        raise ValueError(f"unknown export format {fmt!r}")
    response = HttpResponse(content_type=CONTENT_TYPES[fmt])
    if fmt == "csv":
        write_csv(tables, response)
    else:
        write_xlsx(tables, response)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def render(tables: Sequence[ExportTable], fmt: str, title: str = "") -> bytes:
    """The file's bytes in ``fmt`` ("csv" or "xlsx")."""
    if fmt == "csv":
        return csv_text(tables).encode("utf-8")
    if fmt == "xlsx":
        return xlsx_bytes(tables, title)
    raise ValueError(f"unknown export format {fmt!r}")


# Files ------------------------------------------------------------------------------------


def write_file_atomically(path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename:
    a failure leaves the old file (or no file), never half a file."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
