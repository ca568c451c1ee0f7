"""Property tests: mutated versions of valid files never raise and never leave a partial batch.

Each example runs in a savepoint that is rolled back afterwards, so examples do not see each
other's imports.
"""

import csv
import io

import pytest
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kansrijk.observations.importers.registrations import (
    RegistrationRow,
    commit_registrations,
    import_registrations,
    read_registrations,
)
from kansrijk.observations.models import ImportBatch, Observation, ObservationVersion, Upload

from .conftest import TODAY
from .files import wide_two_header_xlsx

PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HEADER = ["Wijk", "Kwartaal", "Aantal deelnemers", "Aantal zwangeren"]
WIJKEN = ["Centrum", "Noord", "Súdwest", "Oost", "'t Hoogeland"]
VALID_ROWS = [
    [wijk, f"2023-K{quarter}", str(quarter + i), str(40 + i)]
    for i, wijk in enumerate(WIJKEN)
    for quarter in range(1, 5)
]
NASTY_CELLS = [
    "", " ", "x", ".", "-", "<5", "?", "-1", "1e9", "1,5", "1.234", "12.345.678", "999999999999",
    "=1+1", '=HYPERLINK("http://example.org","x")', "@SUM(A1)", "#DEEL/0!", "Totaal", "Bron: x",
    "2031-K1", "K5 2023", "Nergenshuizen", "\u00a012", "١٢", "²", "NaN", "inf", "0x10",
    "\x00", "'", '"', ";", "\n",
]  # fmt: skip


def _write(rows, delimiter=";", encoding="utf-8"):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([HEADER, *rows])
    return out.getvalue().encode(encoding, errors="replace")


def _counts():
    return (
        ImportBatch.objects.count(),
        Observation.objects.count(),
        Upload.objects.count(),
        ObservationVersion.objects.count(),
    )


def _import_and_check(coalition, partner, indicator, data, name):
    """Import; either everything of the batch is there, or nothing changed at all."""
    with transaction.atomic():
        before = _counts()
        preview, batch = import_registrations(
            data, name, coalition=coalition, partner=partner, indicator=indicator, today=TODAY
        )
        if batch is None:
            assert _counts() == before
            assert preview.errors or not preview.rows
        else:
            assert preview.errors == []
            written = Observation.objects.filter(batch=batch).count()
            assert batch.row_count == written == len(preview.rows)
            assert Upload.objects.filter(batch=batch).count() == 1
        transaction.set_rollback(True)


@PROPERTY_SETTINGS
@given(
    edits=st.lists(
        st.tuples(
            st.integers(0, len(VALID_ROWS) - 1),
            st.integers(0, 3),
            st.one_of(st.sampled_from(NASTY_CELLS), st.text(max_size=12)),
        ),
        max_size=6,
    ),
    deletions=st.lists(st.integers(0, len(VALID_ROWS) - 1), max_size=3),
    delimiter=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_files_with_mutated_cells_never_raise_and_never_half_import(
    coalition, setting_up, centering, edits, deletions, delimiter, encoding
):
    rows = [list(row) for row in VALID_ROWS]
    for row, column, text in edits:
        rows[row][column] = text
    rows = [row for i, row in enumerate(rows) if i not in set(deletions)]
    data = _write(rows, delimiter, encoding)
    _import_and_check(coalition, setting_up["partner"], centering, data, "cijfers.csv")


@PROPERTY_SETTINGS
@given(
    flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=8),
    cut=st.one_of(st.none(), st.integers(0, 10_000)),
    name=st.sampled_from(["cijfers.csv", "cijfers.txt", "cijfers.xlsx"]),
)
def test_files_with_mutated_bytes_never_raise_and_never_half_import(
    coalition, setting_up, centering, flips, cut, name
):
    data = bytearray(_write(VALID_ROWS))
    for position, value in flips:
        data[position % len(data)] = value
    if cut is not None:
        data = data[: cut % (len(data) + 1)]
    _import_and_check(coalition, setting_up["partner"], centering, bytes(data), name)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    flips=st.lists(st.tuples(st.integers(0, 100_000), st.integers(0, 255)), min_size=1, max_size=4)
)
def test_workbooks_with_mutated_bytes_never_raise_and_never_half_import(
    coalition, setting_up, voorzorg, flips
):
    data = bytearray(wide_two_header_xlsx())
    for position, value in flips:
        data[position % len(data)] = value
    _import_and_check(coalition, setting_up["partner"], voorzorg, bytes(data), "w.xlsx")


def test_a_failure_while_writing_leaves_no_batch_behind(coalition, setting_up, voorzorg):
    data = b"wijk;jaar;aantal\nNoord;2023;3\n"
    preview = read_registrations(
        data, "x.csv", coalition=coalition, partner=setting_up["partner"], indicator=voorzorg,
        today=TODAY,
    )  # fmt: skip
    row = preview.rows[0]
    # The same key twice gets past no validation, but the database refuses it mid-write.
    preview.rows.append(RegistrationRow(3, *[getattr(row, f) for f in row.__slots__[1:]]))
    with pytest.raises(IntegrityError), transaction.atomic():
        commit_registrations(preview)
    assert _counts() == (0, 0, 0, 0)
