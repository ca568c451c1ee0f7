"""CSV for Dutch Excel, XLSX, and text that a spreadsheet would run as a formula."""

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kansrijk.exports.tables import ExportTable
from kansrijk.exports.writers import (
    FORMULA_STARTS,
    csv_text,
    export_response,
    format_number,
    neutralise,
    sheet_names,
    write_csv,
    write_xlsx,
)

HEADERS = ["gebied", "periode", "waarde", "teller", "status"]


def _table(name="waarden", rows=None, title="Vroeggeboorte: percentage per jaar"):
    rows = rows or [
        ["Voorbeeldstad", "2023", 7.1, 71, ""],
        ["Wijk Oost", "2023", None, None, "niet getoond (kleine aantallen)"],
        ["Nederland", "2023", -0.04, 12345, "voorlopig"],
    ]
    return ExportTable(name, title, HEADERS, rows, ["Bron: CBS StatLine"], [None, None, 1, 0, None])


def _read_csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def _workbook(tables):
    out = io.BytesIO()
    write_xlsx(tables, out)
    return load_workbook(io.BytesIO(out.getvalue()))


# CSV ----------------------------------------------------------------------------------------


def test_one_table_is_a_header_and_its_rows_in_excels_dutch_dialect():
    out = io.BytesIO()
    write_csv([_table()], out)
    data = out.getvalue()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 4 and b"\n" not in data.replace(b"\r\n", b"")
    rows = _read_csv(data.decode("utf-8"))
    assert rows == [
        HEADERS,
        ["Voorbeeldstad", "2023", "7,1", "71", ""],
        ["Wijk Oost", "2023", ".", ".", "niet getoond (kleine aantallen)"],
        ["Nederland", "2023", "0,0", "12345", "voorlopig"],
    ]


def test_several_tables_are_blocks_with_a_title_and_notes():
    rows = _read_csv(csv_text([_table(), _table("details", title="Details")]))
    assert rows[0] == ["Vroeggeboorte: percentage per jaar"]
    assert rows[1] == HEADERS
    assert rows[5] == ["Bron: CBS StatLine"] and rows[6] == []
    assert rows[7] == ["Details"] and rows[8] == HEADERS


def test_a_text_stream_gets_text():
    out = io.StringIO()
    write_csv([_table()], out)
    assert out.getvalue().startswith("\ufeffgebied;periode")


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (7, None, "7"),
        (12345, 1, "12345"),
        (7.14, 1, "7,1"),
        (7.0, 1, "7,0"),
        (0.01234, 4, "0,0123"),
        (-2.5, 1, "-2,5"),
        (-0.01, 1, "0,0"),
        (1234.5, None, "1234,5"),
        (1e-7, None, "0,0000001"),
    ],
)
def test_numbers_have_a_decimal_comma_and_no_thousands_separator(value, decimals, expected):
    assert format_number(value, decimals) == expected


# Formula injection --------------------------------------------------------------------------

dangerous_text = st.builds(
    lambda start, rest: start + rest, st.sampled_from(FORMULA_STARTS), st.text(max_size=30)
)


@pytest.mark.parametrize(
    "text", ["=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx", "＝1+1", "＋1", "－1", "＠x"]
)
def test_formula_like_text_gets_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Voorbeeldstad", "2024", "'=al veilig", " =1", "", "a=b"])
def test_other_text_is_left_alone(text):
    assert neutralise(text) == text


@settings(deadline=None)
@given(dangerous_text)
def test_no_csv_cell_starts_like_a_formula(text):
    table = ExportTable("t", text, [text, "getal"], [[text, -1.5], [text, -3]], [text], [None, 1])
    for rows in (_read_csv(csv_text([table])), _read_csv(csv_text([table, table]))):
        cells = [cell for row in rows for cell in row if cell]
        texts = [cell for cell in cells if cell not in ("-1,5", "-3", "getal")]
        assert texts and all(cell.startswith("'") for cell in texts)
        assert "-1,5" in cells and "-3" in cells  # numbers stay numbers


@settings(max_examples=50, deadline=None)
@given(dangerous_text)
def test_no_xlsx_cell_is_a_formula(text):
    table = ExportTable("t", text, [text, "getal"], [[text, -1.5]], [text], [None, 1])
    sheet = _workbook([table]).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    number = sheet.cell(row=2, column=2)
    assert number.value == -1.5 and number.data_type == "n"
    first = sheet.cell(row=2, column=1)
    kept = ILLEGAL_CHARACTERS_RE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    assert first.value == (kept or None)
    assert first.data_type == "s" or not kept


# XLSX ---------------------------------------------------------------------------------------


def test_each_table_is_a_sheet_with_a_bold_frozen_header():
    workbook = _workbook([_table(), _table("details", title="Details")])
    assert workbook.sheetnames == ["waarden", "details"]
    sheet = workbook["waarden"]
    assert [c.value for c in sheet[1]] == HEADERS
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E4"
    assert workbook.properties.title == "Vroeggeboorte: percentage per jaar"


def test_numbers_are_numbers_with_a_number_format():
    sheet = _workbook([_table()])["waarden"]
    value, count = sheet["C2"], sheet["D2"]
    assert (value.value, value.data_type, value.number_format) == (7.1, "n", "#,##0.0")
    assert (count.value, count.data_type, count.number_format) == (71, "n", "#,##0")
    assert sheet["B2"].value == "2023" and sheet["B2"].data_type == "s"


def test_a_hidden_cell_shows_the_mark_as_text():
    sheet = _workbook([_table()])["waarden"]
    assert sheet["C3"].value == "." and sheet["C3"].data_type == "s"
    assert sheet["D3"].value == "."


def test_the_title_and_notes_stand_under_the_table():
    sheet = _workbook([_table()])["waarden"]
    assert sheet["A6"].value == "Vroeggeboorte: percentage per jaar"
    assert sheet["A7"].value == "Bron: CBS StatLine"
    assert "Vroeggeboorte" in sheet.oddHeader.center.text


def test_no_cell_of_a_workbook_is_a_formula():
    rows = [['=HYPERLINK("http://x")', "@cmd", 1], ["+1", "-1", 2.5]]
    table = ExportTable("t", "=titel", ["=a", "b", "c"], rows, ["-noot"], [None, None, 1])
    workbook = _workbook([table])
    cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row if c.value]
    assert cells and all(cell.data_type != "f" for cell in cells)
    assert workbook.active["A2"].value == '=HYPERLINK("http://x")'
    assert workbook.active["A2"].quotePrefix


def test_characters_xml_cannot_hold_are_dropped():
    table = ExportTable("t", "T", ["a"], [["bel\x07 en nul\x00"]], [], [None])
    assert _workbook([table]).active["A2"].value == "bel en nul"


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["waarden", "waarden"], ["waarden", "waarden (2)"]),
        (["a/b:c?"], ["a_b_c_"]),
        (["x" * 40, "x" * 40], ["x" * 31, "x" * 27 + " (2)"]),
        (["Waarden", "waarden"], ["Waarden", "waarden (2)"]),
    ],
)
def test_sheet_names_are_valid_and_distinct(names, expected):
    tables = [ExportTable(name, "", [], []) for name in names]
    assert sheet_names(tables) == expected


# Responses ----------------------------------------------------------------------------------


def test_a_csv_download_is_an_attachment():
    response = export_response([_table()], "csv", "voorbeeldstad-preterm-waarden.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="voorbeeldstad-preterm-waarden.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbfgebied;")


def test_an_xlsx_download_is_a_workbook():
    response = export_response([_table()], "xlsx", "x.xlsx")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert load_workbook(io.BytesIO(response.content)).sheetnames == ["waarden"]


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError):
        export_response([_table()], "pdf", "x.pdf")
