"""Reading tables out of messy CSV and XLSX files, and refusing hostile ones."""

import csv
import io
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from kansrijk.lib.periods import PeriodError
from kansrijk.lib.tabular import (
    FormulaWithoutValue,
    Limits,
    TabularError,
    combine_header_rows,
    decode_text,
    detect_decimal_comma,
    find_period_in_text,
    normalize_text,
    parse_period_cell,
    read_table,
    sniff_delimiter,
)


def _xlsx(rows, *, epoch=None, hidden_first=False, extra=None) -> bytes:
    book = Workbook()
    if epoch is not None:
        book.epoch = epoch
    sheet = book.active
    sheet.title = "Eerste"
    for row in rows:
        sheet.append(row)
    if hidden_first:
        sheet.sheet_state = "hidden"
    for title, extra_rows in (extra or {}).items():
        other = book.create_sheet(title)
        for row in extra_rows:
            other.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("cell", "label"),
    [
        ("2023", "2023"),
        (2023, "2023"),
        (2023.0, "2023"),
        ("2023.0", "2023"),
        ("jaar 2023", "2023"),
        ("2023-K1", "2023-Q1"),
        ("2023 K1", "2023-Q1"),
        ("2023K3", "2023-Q3"),
        ("2023-Q1", "2023-Q1"),
        ("2023 Q2", "2023-Q2"),
        ("Q1 2023", "2023-Q1"),
        ("K4-2023", "2023-Q4"),
        ("kwartaal 2 2023", "2023-Q2"),
        ("1e kwartaal 2023", "2023-Q1"),
        ("2023 kwartaal 3", "2023-Q3"),
        ("2023-03", "2023-03"),
        ("2023-3", "2023-03"),
        ("03-2023", "2023-03"),
        ("mrt 2023", "2023-03"),
        ("Mrt. 2023", "2023-03"),
        ("maart 2023", "2023-03"),
        ("2023 maart", "2023-03"),
        ("okt-2023", "2023-10"),
        ("March 2023", "2023-03"),
        ("01-03-2023", "2023-03"),
        ("2023-03-15", "2023-03"),
        (date(2023, 3, 15), "2023-03"),
        (datetime(2023, 11, 1, 0, 0), "2023-11"),
        ("2018-2022", "2018/2022"),
        ("2018/2022", "2018/2022"),
        ("  2023-k1\u00a0", "2023-Q1"),
    ],
)
def test_it_reads_periods_as_people_write_them(cell, label):
    assert parse_period_cell(cell).label == label


@pytest.mark.parametrize(
    "cell", ["K5 2023", "2023-13", "2023/24", "abc", "", None, "1850", 2023.5, "x" * 500]
)
def test_it_refuses_what_is_not_a_period_with_a_dutch_message(cell):
    with pytest.raises(PeriodError) as error:
        parse_period_cell(cell)
    assert "periode" in str(error.value).lower() or "jaar" in str(error.value).lower()


@pytest.mark.parametrize(
    ("text", "label", "rest"),
    [
        ("2023 K1", "2023-Q1", ""),
        ("Aantal 2023 K2", "2023-Q2", "aantal"),
        ("2024 totaal", "2024", "totaal"),
        ("Deelnemers maart 2023", "2023-03", "deelnemers"),
        ("Wijkcode", None, "wijkcode"),
        ("Postcode 1234", None, "postcode 1234"),
    ],
)
def test_it_finds_a_period_inside_a_column_name(text, label, rest):
    period, remainder = find_period_in_text(text)
    assert (period.label if period else None) == label
    assert remainder == rest


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("Súdwest-Fryslân", "sudwest fryslan"),
        ("'s-Hertogenbosch", "s hertogenbosch"),
        ("Bergen (NH.)", "bergen nh"),
        ("  WIJK 01  Centrum ", "wijk 01 centrum"),
    ],
)
def test_it_normalizes_names_for_matching(text, normalized):
    assert normalize_text(text) == normalized


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Súdwest-Fryslân".encode(), "UTF-8"),
        (b"\xef\xbb\xbf" + "Súdwest-Fryslân".encode(), "UTF-8 met BOM"),
        ("Súdwest-Fryslân".encode("cp1252"), "Windows-1252"),
    ],
)
def test_it_decodes_utf8_with_and_without_bom_and_cp1252(data, encoding):
    assert decode_text(data) == ("Súdwest-Fryslân", encoding)


def test_it_refuses_utf16_with_advice():
    with pytest.raises(TabularError, match="UTF-16"):
        decode_text("wijk;aantal".encode("utf-16"))


@pytest.mark.parametrize(
    ("lines", "delimiter"),
    [
        (["wijk;aantal;totaal", "Centrum;12,5;40"], ";"),
        (["wijk,aantal,totaal", "Centrum,12.5,40"], ","),
        (["wijk\taantal\ttotaal", "Centrum\t12,5\t40"], "\t"),
        (["wijk,aantal", '"Nuenen, Gerwen en Nederwetten",12'], ","),
    ],
)
def test_it_sniffs_the_delimiter(lines, delimiter):
    assert sniff_delimiter(lines) == delimiter


@pytest.mark.parametrize(
    ("texts", "delimiter", "expected"),
    [
        (["12,5", "3"], "", True),
        (["12.5", "3"], "", False),
        (["1.234.567"], "", True),
        (["1,234,567"], "", False),
        (["1.234"], ";", True),
        (["1.234"], ",", None),
        (["12,5", "12.5"], ";", None),
        (["12", "x", "."], "", None),
    ],
)
def test_it_detects_decimal_commas_only_from_clear_evidence(texts, delimiter, expected):
    assert detect_decimal_comma(texts, delimiter=delimiter) is expected


def test_it_finds_the_header_below_title_rows_and_numbers_rows_as_excel_does():
    data = b"Registratie 2023\n\nWijk;Periode;Aantal\nCentrum;2023;12\nNoord;2023;7\n"
    table = read_table(data, "x.csv")
    assert table.headers == ["Wijk", "Periode", "Aantal"]
    assert table.header_rows == (3,)
    assert [row.number for row in table.rows] == [4, 5]
    assert table.rows[0].cells == ("Centrum", "2023", "12")


def test_it_reads_crlf_nbsp_quoted_commas_and_trailing_empty_columns():
    data = 'wijk,aantal,,\r\n"Nuenen, Gerwen en Nederwetten",12,,\r\nNoord\u00a0,7,,\r\n'.encode()
    table = read_table(data, "x.csv")
    assert table.headers == ["wijk", "aantal"]
    assert table.rows[0].cells == ("Nuenen, Gerwen en Nederwetten", "12")
    assert table.rows[1].cells[0] == "Noord\u00a0"


def test_it_combines_merged_header_cells_over_a_second_row():
    assert combine_header_rows(
        ["Wijk", 2023, None, "2024", None], [None, "K1", "K2", "K1", "K2"]
    ) == [
        "Wijk",
        "2023 K1",
        "2023 K2",
        "2024 K1",
        "2024 K2",
    ]


def test_it_finds_two_header_rows_in_a_csv_export_of_merged_cells():
    data = b"Wijk;2023;;2024;\n;K1;K2;K1;K2\nCentrum;1;2;3;4\n"
    table = read_table(
        data, "x.csv", is_header=lambda text: text.lower() in {"wijk", "2023", "2024"}
    )
    assert table.headers == ["Wijk", "2023 K1", "2023 K2", "2024 K1", "2024 K2"]
    assert table.header_rows == (1, 2)


def test_it_finds_an_upper_header_row_above_the_one_it_knows():
    data = b";2023;;\nWijk;K1;K2;K3\nCentrum;1;2;3\n"
    table = read_table(data, "x.csv", is_header=lambda text: text.lower() == "wijk")
    assert table.headers == ["Wijk", "2023 K1", "2023 K2", "2023 K3"]


def test_it_says_so_when_there_is_no_header():
    with pytest.raises(TabularError, match="Geen kopregel"):
        read_table(b"1;2;3\n4;5;6\n", "x.csv")


def test_it_reads_the_first_visible_sheet_of_a_workbook():
    data = _xlsx(
        [["verborgen", "blad"]],
        hidden_first=True,
        extra={"Data": [["wijk", "aantal"], ["Noord", 3]]},
    )
    table = read_table(data, "x.xlsx")
    assert table.sheet == "Data"
    assert table.sheets == ("Eerste", "Data")
    assert table.rows[0].cells == ("Noord", 3)


def test_it_reads_a_chosen_sheet_and_names_the_sheets_when_it_does_not_exist():
    data = _xlsx([["wijk", "aantal"], ["Noord", 3]], extra={"Tweede": [["wijk", "n"], ["Oost", 4]]})
    assert read_table(data, "x.xlsx", sheet="tweede").rows[0].cells == ("Oost", 4)
    with pytest.raises(
        TabularError, match="Werkblad 'Derde' bestaat niet. Werkbladen: Eerste, Tweede"
    ):
        read_table(data, "x.xlsx", sheet="Derde")


@pytest.mark.parametrize("epoch", [None, CALENDAR_MAC_1904])
def test_it_reads_excel_dates_in_both_date_systems(epoch):
    data = _xlsx([["wijk", "datum", "aantal"], ["Noord", datetime(2023, 3, 1), 3]], epoch=epoch)
    assert read_table(data, "x.xlsx").rows[0].cells[1] == datetime(2023, 3, 1)


def test_it_marks_formulas_without_a_cached_value():
    data = _xlsx([["wijk", "aantal"], ["Noord", "=1+2"]])
    cell = read_table(data, "x.xlsx").rows[0].cells[1]
    assert cell == FormulaWithoutValue("=1+2")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "x.csv", "leeg"),
        (b"wijk;aantal\n", "x.xls", "niet ingelezen"),
        (b"wijk;aantal\n", "x.xlsm", "niet ingelezen"),
        (b"MZ\x90\x00", "x.exe", "Kies een .csv"),
        (b"PK\x03\x04rest", "x.csv", "extensie .xlsx"),
        (b"\xd0\xcf\x11\xe0rest", "x.xlsx", "oud Excel-bestand"),
        (b"wijk;aantal\n", "x.xlsx", "geen geldig Excel-bestand"),
        (b"wijk;aantal\x00\x01\n", "x.csv", "binaire gegevens"),
    ],
)
def test_it_refuses_files_that_are_not_what_they_claim(data, name, message):
    with pytest.raises(TabularError, match=message):
        read_table(data, name)


def test_it_refuses_a_file_over_the_size_limit_before_reading_it():
    with pytest.raises(TabularError, match="te groot"):
        read_table(b"wijk;aantal\n" * 100, "x.csv", limits=Limits(max_bytes=500))


def test_it_refuses_too_many_rows():
    data = b"wijk;aantal\n" + b"Noord;1\n" * 101
    with pytest.raises(TabularError, match="te veel rijen"):
        read_table(data, "x.csv", limits=Limits(max_rows=100))


def test_it_refuses_too_many_columns():
    data = (";".join(f"k{i}" for i in range(30)) + "\n").encode()
    with pytest.raises(TabularError, match="kolommen"):
        read_table(data, "x.csv", limits=Limits(max_columns=20))


def test_it_refuses_a_very_long_line_and_names_it():
    data = b"wijk;aantal\n" + b"a" * 70_000 + b"\n"
    with pytest.raises(TabularError, match="Rij 2 is te lang"):
        read_table(data, "x.csv")


_NAME = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzáéíóúâêëïôûç ,'-\"()"),
    min_size=1,
    max_size=20,
).filter(lambda text: text.strip() == text and text)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(_NAME, st.sampled_from(["2023", "2023-Q1", "maart 2023"]), st.integers(0, 10**6)),
        min_size=1,
        max_size=20,
    ),
    delimiter=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_a_table_written_in_any_dialect_reads_back_the_same(rows, delimiter, encoding, newline):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow(["wijk", "periode", "aantal"])
    writer.writerows(rows)
    table = read_table(out.getvalue().encode(encoding), "x.csv")
    assert table.headers == ["wijk", "periode", "aantal"]
    assert [row.cells for row in table.rows] == [(n, p, str(a)) for n, p, a in rows]


def test_it_skips_a_first_sheet_without_a_table():
    data = _xlsx(
        [["Toelichting bij de cijfers"]], extra={"Cijfers": [["wijk", "aantal"], ["Noord", 3]]}
    )
    table = read_table(data, "x.xlsx")
    assert table.sheet == "Cijfers"


def test_it_names_the_sheets_when_none_has_a_table():
    data = _xlsx([["Toelichting"]], extra={"Leeg": [["nog niets"]]})
    with pytest.raises(TabularError, match="Geen kopregel.*Werkbladen: Eerste, Leeg"):
        read_table(data, "x.xlsx")
