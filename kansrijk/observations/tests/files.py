"""Messy and hostile files for the registration tests, made on the fly.

XLSX files are written with openpyxl; ``with_cached_values`` then stores results for formula
cells, as Excel does when it saves (openpyxl itself never calculates).
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from xml.sax.saxutils import escape

from openpyxl import Workbook

DATA = __import__("pathlib").Path(__file__).parent / "data"


def read_data(name: str) -> bytes:
    return (DATA / name).read_bytes()


def xlsx_bytes(rows, *, merges=(), title="Registratie", sheets=None, hidden_first=False) -> bytes:
    """A workbook with ``rows`` on its sheet; ``sheets`` adds more sheets as {title: rows}."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for cell_range in merges:
        sheet.merge_cells(cell_range)
    for name, extra in (sheets or {}).items():
        other = book.create_sheet(name)
        for row in extra:
            other.append(list(row))
    if hidden_first:
        sheet.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_cached_values(data: bytes, values: dict[str, object], sheet: int = 1) -> bytes:
    """Store a calculated result for formula cells (``{'E5': 9}``) in the sheet XML."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    target_name = f"xl/worksheets/sheet{sheet}.xml"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == target_name:
                text = content.decode()
                for coordinate, value in values.items():
                    kind = ' t="str"' if isinstance(value, str) else ""
                    text = re.sub(
                        rf'<c r="{coordinate}"([^>]*)>\s*(<f>[^<]*</f>)\s*<v\s*/>',
                        rf'<c r="{coordinate}"\g<1>{kind}>\g<2><v>{escape(str(value))}</v>',
                        text,
                    )
                content = text.encode()
            target.writestr(item, content)
    return out.getvalue()


def wide_two_header_xlsx() -> bytes:
    """VoorZorg families per wijk: a title, two header rows with merged cells, quarters as
    columns, a year as a number, a formula with its cached value, a secret cell, an empty
    cell, a totals row and a footnote."""
    rows = [
        ("VoorZorg: aantal ingeschreven gezinnen per wijk", None, None, None, None),
        (None, None, None, None, None),
        ("Wijk", 2023, None, "2024", None),
        (None, "K1", "K2", "K1", "K2"),
        ("Centrum", 3, 4.0, 5, "=B5+C5+1"),
        ("Noord", 1, "x", 2, 2),
        ("Súdwest", 0, 1, None, 3),
        ("Totaal", 4, 5, 7, 13),
        ("* x = minder dan 5 gezinnen, niet getoond", None, None, None, None),
    ]
    data = xlsx_bytes(rows, merges=("A1:E1", "A3:A4", "B3:C3", "D3:E3"))
    return with_cached_values(data, {"E5": 8})


def zip_bomb_xlsx(megabytes: int = 60) -> bytes:
    """An .xlsx-shaped zip whose sheet unpacks to ``megabytes`` of zeros (ratio ≈ 1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(megabytes):
                sheet.write(chunk)
    return out.getvalue()


def random_bytes(size: int = 200_000, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def long_csv(rows: list[tuple], header=("wijk", "periode", "aantal", "totaal")) -> bytes:
    lines = [";".join(header)] + [
        ";".join("" if v is None else str(v) for v in row) for row in rows
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def replace_in_xlsx(data: bytes, name: str, content: bytes) -> bytes:
    """The same workbook with one part replaced (to build hostile sheets)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, content if item.filename == name else source.read(item.filename))
    return out.getvalue()


def lying_zip_bomb_xlsx(megabytes: int = 60) -> bytes:
    """A real workbook whose sheet unpacks to ``megabytes`` of spaces while the zip's central
    directory claims it is 2 KB: the size checks pass, so the reader must not trust it."""
    valid = xlsx_bytes([("wijk", "aantal"), ("Noord", 3)])
    source = zipfile.ZipFile(io.BytesIO(valid))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item, source.read(item.filename))
                continue
            with target.open(item.filename, "w", force_zip64=False) as sheet:
                chunk = b" " * (1024 * 1024)
                for _ in range(megabytes):
                    sheet.write(chunk)
    data = bytearray(out.getvalue())
    name = b"xl/worksheets/sheet1.xml"
    position = data.find(b"PK\x01\x02")
    while position != -1:
        name_length = int.from_bytes(data[position + 28 : position + 30], "little")
        if data[position + 46 : position + 46 + name_length] == name:
            data[position + 24 : position + 28] = (2048).to_bytes(4, "little")
        position = data.find(b"PK\x01\x02", position + 4)
    return bytes(data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol5;</t></is></c></row></sheetData></worksheet>"""
