"""Corrupt and hostile files get a message: never an exception, a hang or a memory spike.

Each check measures the peak of Python's allocations while the file is read (tracemalloc);
a refusal must come before the file is unpacked or parsed, so the peak stays small.
"""

import io
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook

from kansrijk.observations.importers.registrations import import_registrations
from kansrijk.observations.models import ImportBatch, Observation, Upload

from .conftest import TODAY
from .files import (
    BILLION_LAUGHS,
    lying_zip_bomb_xlsx,
    random_bytes,
    replace_in_xlsx,
    xlsx_bytes,
    zip_bomb_xlsx,
)

MEMORY_LIMIT = 100 * 1024 * 1024


def _import_measured(coalition, partner, indicator, data, name):
    tracemalloc.start()
    try:
        preview, batch = import_registrations(
            data, name, coalition=coalition, partner=partner, indicator=indicator, today=TODAY
        )
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return preview, batch, peak


def _assert_refused(preview, batch, peak, message):
    assert batch is None
    assert [p.code for p in preview.errors] == ["unreadable"]
    assert message in preview.errors[0].message
    assert peak < MEMORY_LIMIT
    assert not (
        ImportBatch.objects.exists() or Observation.objects.exists() or Upload.objects.exists()
    )


def test_a_zip_bomb_is_refused_before_it_is_unpacked(coalition, setting_up, voorzorg):
    bomb = zip_bomb_xlsx(megabytes=200)
    result = _import_measured(coalition, setting_up["partner"], voorzorg, bomb, "bom.xlsx")
    _assert_refused(*result, "zip-bom")
    assert result[2] < 10 * 1024 * 1024  # the 200 MB inside were never unpacked


def test_a_zip_that_lies_about_its_sizes_is_refused_without_unpacking_it(
    coalition, setting_up, voorzorg
):
    bomb = lying_zip_bomb_xlsx(megabytes=60)
    result = _import_measured(coalition, setting_up["partner"], voorzorg, bomb, "leugen.xlsx")
    _assert_refused(*result, "kan niet worden gelezen")


@pytest.mark.parametrize(
    ("name", "message"),
    [("random.xlsx", "geen geldig Excel-bestand"), ("random.csv", "")],
)
def test_random_bytes_are_refused(coalition, setting_up, voorzorg, name, message):
    result = _import_measured(coalition, setting_up["partner"], voorzorg, random_bytes(), name)
    _assert_refused(*result, message)


def test_an_xml_entity_bomb_inside_a_workbook_is_refused(coalition, setting_up, voorzorg):
    valid = xlsx_bytes([("wijk", "jaar", "aantal"), ("Noord", 2023, 3)])
    hostile = replace_in_xlsx(valid, "xl/worksheets/sheet1.xml", BILLION_LAUGHS)
    result = _import_measured(coalition, setting_up["partner"], voorzorg, hostile, "lol.xlsx")
    _assert_refused(*result, "kan niet worden gelezen")


def test_a_workbook_with_macros_is_refused(coalition, setting_up, voorzorg):
    valid = xlsx_bytes([("wijk", "jaar", "aantal"), ("Noord", 2023, 3)])
    with_macro = replace_in_xlsx(valid, "docProps/app.xml", b"<Properties/>")
    out = io.BytesIO(with_macro)
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    result = _import_measured(
        coalition, setting_up["partner"], voorzorg, out.getvalue(), "macro.xlsx"
    )
    _assert_refused(*result, "macro's")


def test_a_csv_with_a_ten_megabyte_line_is_refused(coalition, setting_up, voorzorg):
    data = b"wijk;jaar;aantal\n" + b"9" * 10_000_000 + b"\n"
    result = _import_measured(coalition, setting_up["partner"], voorzorg, data, "lang.csv")
    _assert_refused(*result, "Rij 2 is te lang")


def test_a_stray_cell_far_below_the_table_is_skipped_without_trouble(
    coalition, setting_up, voorzorg
):
    book = Workbook()
    book.active.append(["wijk", "jaar", "aantal"])
    book.active.append(["Noord", 2023, 3])
    book.active.cell(row=1_048_576, column=1, value="ver weg")
    out = io.BytesIO()
    book.save(out)
    preview, batch = import_registrations(
        out.getvalue(),
        "ver.xlsx",
        coalition=coalition,
        partner=setting_up["partner"],
        indicator=voorzorg,
        today=TODAY,
    )
    assert [(p.row, p.code) for p in preview.skipped] == [(1_048_576, "note-row")]
    assert batch.row_count == 1


def test_a_file_with_too_many_rows_is_refused_with_the_limit(
    coalition, setting_up, voorzorg, settings
):
    settings.KANSRIJK_UPLOAD_MAX_ROWS = 50
    data = b"wijk;jaar;aantal\n" + b"Noord;2023;1\n" * 51
    result = _import_measured(coalition, setting_up["partner"], voorzorg, data, "veel.csv")
    _assert_refused(*result, "hoogstens 50 worden ingelezen")


def test_openpyxl_parses_workbooks_through_defusedxml():
    import openpyxl

    assert openpyxl.DEFUSEDXML is True
