"""Reading, validating and writing partners' registration files (the domain functions)."""

from datetime import date

import pytest

from kansrijk.observations.importers.registrations import (
    RegistrationRejected,
    commit_registrations,
    import_registrations,
    read_registrations,
)
from kansrijk.observations.models import (
    ColumnMapping,
    ImportBatch,
    Observation,
    SourceKind,
    Status,
    Upload,
)
from kansrijk.testing.factories import AreaFactory, PartnerFactory

from .conftest import TODAY
from .files import long_csv, read_data, wide_two_header_xlsx, with_cached_values, xlsx_bytes


def _read(coalition, partner, data, name="cijfers.csv", **options):
    options.setdefault("today", TODAY)
    return read_registrations(data, name, coalition=coalition, partner=partner, **options)


def _stored(coalition, indicator):
    """{(area code, period): (numerator, denominator, value, status)} of the coalition."""
    rows = Observation.objects.filter(coalition=coalition, indicator=indicator).values_list(
        "area__code", "period", "numerator", "denominator", "value", "status"
    )
    return {(code, period): rest for code, period, *rest in rows}


def _codes(problems):
    return [(p.row, p.column, p.code) for p in problems]


# -- the messy example files ---------------------------------------------------------------


def test_the_cp1252_semicolon_file_imports_to_the_right_values(coalition, setting_up, centering):
    preview = _read(
        coalition, setting_up["partner"], read_data("centering_cp1252.csv"), indicator=centering
    )
    assert preview.errors == []
    commit_registrations(preview)
    assert _stored(coalition, centering) == {
        ("WK999901", "2023-Q1"): [12.0, 48.0, 25.0, Status.DEFINITIVE],
        ("WK999902", "2023-Q1"): [7.0, 35.0, 20.0, Status.DEFINITIVE],
        ("WK999903", "2023-Q2"): [None, 40.0, None, Status.SECRET],
        ("WK999904", "2023-Q2"): [None, None, None, Status.SECRET],
        ("WK999905", "2023-Q2"): [1234.0, 2000.0, 61.7, Status.DEFINITIVE],
    }


def test_the_cp1252_file_reports_its_totals_and_note_rows_as_skipped(
    coalition, setting_up, centering
):
    preview = _read(
        coalition, setting_up["partner"], read_data("centering_cp1252.csv"), indicator=centering
    )
    assert _codes(preview.skipped) == [(9, None, "total-row"), (11, None, "note-row")]
    assert preview.table.encoding == "Windows-1252"
    assert preview.table.delimiter == ";"


def test_the_wide_xlsx_with_two_header_rows_imports_to_the_right_values(
    coalition, setting_up, voorzorg
):
    preview = _read(
        coalition,
        setting_up["partner"],
        wide_two_header_xlsx(),
        "voorzorg.xlsx",
        indicator=voorzorg,
    )
    assert preview.errors == []
    assert preview.layout == "breed"
    assert preview.table.header_rows == (3, 4)
    commit_registrations(preview)
    stored = _stored(coalition, voorzorg)
    assert {key: value[0] for key, value in stored.items()} == {
        ("WK999901", "2023-Q1"): 3.0,
        ("WK999901", "2023-Q2"): 4.0,
        ("WK999901", "2024-Q1"): 5.0,
        ("WK999901", "2024-Q2"): 8.0,  # the formula's cached value
        ("WK999902", "2023-Q1"): 1.0,
        ("WK999902", "2023-Q2"): None,  # x
        ("WK999902", "2024-Q1"): 2.0,
        ("WK999902", "2024-Q2"): 2.0,
        ("WK999903", "2023-Q1"): 0.0,  # a real zero stays zero
        ("WK999903", "2023-Q2"): 1.0,
        ("WK999903", "2024-Q1"): None,  # empty
        ("WK999903", "2024-Q2"): 3.0,
    }
    assert stored[("WK999902", "2023-Q2")][3] == Status.SECRET
    assert stored[("WK999903", "2024-Q1")][3] == Status.SECRET


def test_three_bad_rows_among_hundreds_are_named_and_nothing_is_written(
    coalition, setting_up, nu_niet_zwanger
):
    preview, batch = import_registrations(
        read_data("three_bad_rows.csv"),
        "nnz.csv",
        coalition=coalition,
        partner=setting_up["partner"],
        indicator=nu_niet_zwanger,
        today=TODAY,
    )
    assert batch is None
    assert preview.data_rows == 500
    assert [str(p) for p in preview.errors] == [
        "rij 17, kolom 'aantal': 'abc' is geen getal.",
        "rij 233, kolom 'wijknaam': onbekend gebied 'Nergenshuizen': geen wijk of gemeente van "
        "deze coalitie.",
        "rij 412, kolom 'aantal': -3 is negatief; dat kan hier niet.",
    ]
    assert preview.unmatched_areas == ["Nergenshuizen"]
    assert not Observation.objects.exists()
    assert not ImportBatch.objects.exists()
    assert not Upload.objects.exists()


# -- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "code", "column"),
    [
        (("Noord", "2023", "12", "10"), "numerator-above-denominator", "aantal"),
        (("Noord", "2023", "-1", "10"), "negative", "aantal"),
        (("Noord", "2023", "2,5", "10"), "not-whole", "aantal"),
        (("Noord", "2023", "twaalf", "10"), "not-a-number", "aantal"),
        (("Noord", "2023", "#DEEL/0!", "10"), "excel-error", "aantal"),
        (("Noord", "2023", "=1+2", "10"), "not-a-number", "aantal"),
        (("Noord", "2025-K1", "1", "10"), "future-period", "periode"),
        (("Noord", "2023-K5", "1", "10"), "unknown-period", "periode"),
        (("Noord", "", "1", "10"), "unknown-period", "periode"),
        (("Nergens", "2023", "1", "10"), "unknown-area", "wijk"),
        (("WK036101", "2023", "1", "10"), "unknown-area", "wijk"),
    ],
)
def test_it_names_the_row_and_column_of_each_problem(
    coalition, setting_up, centering, row, code, column
):
    data = long_csv([("Centrum", "2023", "1", "10"), row])
    preview = _read(coalition, setting_up["partner"], data, indicator=centering)
    assert _codes(preview.errors) == [(3, column, code)]
    assert not preview.is_valid


def test_it_refuses_a_percentage_above_100(coalition, setting_up, centering):
    data = long_csv([("Noord", "2023", "101")], header=("wijk", "jaar", "percentage"))
    preview = _read(coalition, setting_up["partner"], data, indicator=centering)
    assert _codes(preview.errors) == [(2, "percentage", "out-of-range")]


def test_it_refuses_the_same_area_and_period_twice(coalition, setting_up, centering):
    data = long_csv([("Noord", "2023-K1", "1", "10"), ("noord", "Q1 2023", "2", "10")])
    preview = _read(coalition, setting_up["partner"], data, indicator=centering)
    assert _codes(preview.errors) == [(3, None, "duplicate")]
    assert "staat ook in rij 2" in preview.errors[0].message


@pytest.mark.parametrize("marker", ["x", ".", "-", "", "<5", "?"])
def test_unknown_and_secret_markers_are_never_zero(coalition, setting_up, voorzorg, marker):
    data = long_csv([("Noord", "2023", marker)], header=("wijk", "jaar", "aantal"))
    commit_registrations(_read(coalition, setting_up["partner"], data, indicator=voorzorg))
    stored = Observation.objects.get(coalition=coalition, indicator=voorzorg)
    assert (stored.numerator, stored.value, stored.status) == (None, None, Status.SECRET)


def test_a_formula_without_a_cached_value_is_refused_clearly(coalition, setting_up, voorzorg):
    data = xlsx_bytes([("wijk", "jaar", "aantal"), ("Noord", 2023, "=2+3")])
    preview = _read(coalition, setting_up["partner"], data, "f.xlsx", indicator=voorzorg)
    assert _codes(preview.errors) == [(2, "aantal", "formula-without-value")]
    assert "=2+3" in preview.errors[0].message


def test_a_hyperlink_formula_in_a_text_cell_is_read_as_its_cached_text(
    coalition, setting_up, voorzorg
):
    rows = [("wijk", "jaar", "aantal"), ('=HYPERLINK("http://example.org","Noord")', 2023, 4)]
    data = with_cached_values(xlsx_bytes(rows), {"A2": "Noord"})
    preview = _read(coalition, setting_up["partner"], data, "h.xlsx", indicator=voorzorg)
    assert preview.errors == []
    assert preview.rows[0].numerator == 4


def test_a_hyperlink_formula_as_text_in_a_csv_is_an_unknown_area(coalition, setting_up, voorzorg):
    data = long_csv(
        [('=HYPERLINK("http://example.org","Noord")', "2023", "4")],
        header=("wijk", "jaar", "aantal"),
    )
    preview = _read(coalition, setting_up["partner"], data, indicator=voorzorg)
    assert _codes(preview.errors) == [(2, "wijk", "unknown-area")]


def test_a_date_in_a_number_column_is_an_error(coalition, setting_up, voorzorg):
    data = xlsx_bytes([("wijk", "jaar", "aantal"), ("Noord", 2023, date(2023, 1, 1))])
    preview = _read(coalition, setting_up["partner"], data, "d.xlsx", indicator=voorzorg)
    assert _codes(preview.errors) == [(2, "aantal", "not-a-number")]


def test_excel_dates_in_the_period_column_become_months(coalition, setting_up, voorzorg):
    data = xlsx_bytes([("wijk", "periode", "aantal"), ("Noord", date(2023, 3, 1), 4)])
    preview = _read(coalition, setting_up["partner"], data, "d.xlsx", indicator=voorzorg)
    assert [row.period.label for row in preview.rows] == ["2023-03"]


def test_a_value_far_from_the_previous_periods_is_a_warning_not_an_error(
    coalition, setting_up, voorzorg
):
    rows = [("Noord", f"2023-K{q}", n) for q, n in [(1, 10), (2, 11), (3, 9), (4, 95)]]
    preview = _read(
        coalition,
        setting_up["partner"],
        long_csv(rows, header=("wijk", "kwartaal", "aantal")),
        indicator=voorzorg,
    )
    assert preview.is_valid
    assert _codes(preview.warnings) == [(5, None, "far-from-previous")]


def test_a_percentage_indicator_needs_a_denominator_or_a_value(coalition, setting_up, centering):
    data = long_csv([("Noord", "2023", "4")], header=("wijk", "jaar", "aantal"))
    preview = _read(coalition, setting_up["partner"], data, indicator=centering)
    assert [p.code for p in preview.errors] == ["no-denominator"]


def test_it_needs_an_indicator_from_the_option_or_the_file(coalition, setting_up):
    data = long_csv([("Noord", "2023", "4")], header=("wijk", "jaar", "aantal"))
    preview = _read(coalition, setting_up["partner"], data)
    assert [p.code for p in preview.errors] == ["no-indicator"]


def test_it_needs_a_partner_of_the_coalition(coalition, other_coalition, setting_up, voorzorg):
    data = long_csv([("Noord", "2023", "4")], header=("wijk", "jaar", "aantal"))
    stranger = PartnerFactory(coalition=other_coalition)
    assert [p.code for p in _read(coalition, None, data, indicator=voorzorg).errors] == [
        "missing-partner"
    ]
    assert [p.code for p in _read(coalition, stranger, data, indicator=voorzorg).errors] == [
        "missing-partner"
    ]


def test_an_unreadable_file_is_one_error_and_no_exception(coalition, setting_up, voorzorg):
    preview = _read(coalition, setting_up["partner"], b"\x00\x01\x02", "x.xlsx", indicator=voorzorg)
    assert [p.code for p in preview.errors] == ["unreadable"]
    with pytest.raises(RegistrationRejected):
        commit_registrations(preview)
    assert not ImportBatch.objects.exists()


def test_a_file_with_only_a_header_has_nothing_to_import(coalition, setting_up, voorzorg):
    preview = _read(coalition, setting_up["partner"], b"wijk;jaar;aantal\n", indicator=voorzorg)
    assert [p.code for p in preview.errors] == ["no-rows"]


# -- layouts and columns ------------------------------------------------------------------


def test_it_reads_an_indicator_column_with_several_indicators(
    coalition, setting_up, voorzorg, nu_niet_zwanger
):
    data = long_csv(
        [
            ("Noord", "2023", "voorzorg_gezinnen", "3"),
            ("Noord", "2023", "Deelnemers Nu Niet Zwanger", "9"),
        ],
        header=("wijk", "jaar", "indicator", "aantal"),
    )
    preview = _read(coalition, setting_up["partner"], data)
    assert preview.errors == []
    assert {(r.indicator_id, r.numerator) for r in preview.rows} == {
        (voorzorg.id, 3.0),
        (nu_niet_zwanger.id, 9.0),
    }


def test_it_reads_indicators_as_columns(coalition, setting_up, voorzorg, nu_niet_zwanger):
    data = long_csv(
        [("Noord", "2023", "3", "9")],
        header=("wijk", "jaar", "VoorZorg gezinnen", "nu_niet_zwanger"),
    )
    preview = _read(coalition, setting_up["partner"], data)
    assert preview.layout == "breed"
    assert {(r.indicator_id, r.numerator) for r in preview.rows} == {
        (voorzorg.id, 3.0),
        (nu_niet_zwanger.id, 9.0),
    }


def test_it_combines_a_year_and_a_quarter_column(coalition, setting_up, voorzorg):
    data = long_csv(
        [("Noord", "2023", "1", "3"), ("Noord", "2023", "K2", "4"), ("Oost", "2023", "Q3", "5")],
        header=("wijk", "jaar", "kwartaal", "aantal"),
    )
    preview = _read(coalition, setting_up["partner"], data, indicator=voorzorg)
    assert [r.period.label for r in preview.rows] == ["2023-Q1", "2023-Q2", "2023-Q3"]


def test_columns_it_does_not_recognise_can_be_mapped(coalition, setting_up, voorzorg):
    data = long_csv([("Noord", "2023", "3")], header=("Locatie CJG", "Tijdvak x", "Gezinnen"))
    unmapped = _read(coalition, setting_up["partner"], data, indicator=voorzorg)
    assert {p.code for p in unmapped.errors} >= {"no-area-column", "no-value-column"}
    mapped = _read(
        coalition,
        setting_up["partner"],
        data,
        indicator=voorzorg,
        columns={"Locatie CJG": "area", "B": "period", "gezinnen": "numerator"},
    )
    assert mapped.errors == []
    assert mapped.rows[0].numerator == 3


def test_a_mapped_column_that_is_not_in_the_file_is_an_error(coalition, setting_up, voorzorg):
    data = long_csv([("Noord", "2023", "3")], header=("wijk", "jaar", "aantal"))
    preview = _read(
        coalition, setting_up["partner"], data, indicator=voorzorg, columns={"Gebied": "area"}
    )
    assert [p.code for p in preview.errors] == ["unknown-column"]
    assert "Kolommen: wijk, jaar, aantal" in preview.errors[0].message


def test_the_mapping_is_saved_per_partner_and_offered_next_time(coalition, setting_up, voorzorg):
    partner = setting_up["partner"]
    data = long_csv([("Noord", "2023", "3")], header=("Locatie CJG", "Tijdvak x", "Gezinnen"))
    columns = {"Locatie CJG": "area", "Tijdvak x": "period", "Gezinnen": "numerator"}
    commit_registrations(_read(coalition, partner, data, indicator=voorzorg, columns=columns))
    assert ColumnMapping.objects.get(partner=partner).columns["locatie cjg"] == "area"

    later = long_csv([("Oost", "2024", "5")], header=("Locatie CJG", "Tijdvak x", "Gezinnen"))
    preview = _read(coalition, partner, later, indicator=voorzorg)
    assert preview.errors == []
    assert [c.origin for c in preview.columns] == ["saved", "saved", "saved"]


def test_two_columns_with_the_same_role_are_an_error(coalition, setting_up, voorzorg):
    data = long_csv([("Noord", "2023", "2023", "3")], header=("wijk", "periode", "datum", "aantal"))
    preview = _read(coalition, setting_up["partner"], data, indicator=voorzorg)
    assert [p.code for p in preview.errors] == ["double-role"]


# -- writing ------------------------------------------------------------------------------


def test_the_batch_keeps_the_file_the_partner_who_and_the_counts(
    coalition, setting_up, centering, owner
):
    data = read_data("centering_cp1252.csv")
    batch = commit_registrations(
        _read(coalition, setting_up["partner"], data, "cp.csv", indicator=centering), user=owner
    )
    assert (batch.kind, batch.coalition, batch.partner, batch.created_by) == (
        SourceKind.REGISTRATION,
        coalition,
        setting_up["partner"],
        owner,
    )
    assert batch.source_name == "Verloskundigenpraktijk Zuid"
    assert batch.table_or_file == "cp.csv"
    assert batch.row_count == 5
    assert (batch.details["secret"], batch.details["skipped"], batch.details["replaced"]) == (
        2,
        2,
        0,
    )
    assert bytes(batch.upload.content) == data


def test_registration_values_belong_to_the_coalition_only(
    coalition, other_coalition, setting_up, voorzorg, municipality
):
    other_coalition.areas.add(municipality)
    other_partner = PartnerFactory(coalition=other_coalition)
    data = long_csv([("Noord", "2023", "3")], header=("wijk", "jaar", "aantal"))
    commit_registrations(_read(other_coalition, other_partner, data, indicator=voorzorg))
    commit_registrations(
        _read(
            coalition,
            setting_up["partner"],
            long_csv([("Noord", "2023", "7")], header=("wijk", "jaar", "aantal")),
            indicator=voorzorg,
        )
    )
    values = dict(
        Observation.objects.filter(indicator=voorzorg).values_list("coalition__slug", "numerator")
    )
    assert values == {"voorbeeldstad": 7.0, "elders": 3.0}


def test_areas_outside_the_coalition_are_unknown(coalition, setting_up, voorzorg):
    AreaFactory(code="WK888801", name="Elderswijk", level="district")
    data = long_csv([("Elderswijk", "2023", "3")], header=("wijk", "jaar", "aantal"))
    preview = _read(coalition, setting_up["partner"], data, indicator=voorzorg)
    assert [p.code for p in preview.errors] == ["unknown-area"]


def test_importing_a_period_again_replaces_the_values_and_keeps_the_old_ones(
    coalition, setting_up, voorzorg
):
    header = ("wijk", "jaar", "aantal")
    partner = setting_up["partner"]
    commit_registrations(
        _read(
            coalition,
            partner,
            long_csv([("Noord", "2023", "3")], header=header),
            indicator=voorzorg,
        )
    )
    second = _read(
        coalition, partner, long_csv([("Noord", "2023", "4")], header=header), indicator=voorzorg
    )
    assert second.replaced == 1
    batch = commit_registrations(second)
    assert _stored(coalition, voorzorg) == {("WK999902", "2023"): [4.0, None, 4.0, "definitive"]}
    assert list(batch.replaced_versions.values_list("numerator", flat=True)) == [3.0]
    assert batch.details["replaced"] == 1
