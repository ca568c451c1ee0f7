"""Recognising what a column holds from its header, and the --columns option."""

import pytest

from kansrijk.observations.importers.columns import (
    ColumnSpecError,
    guess_role,
    interpret_columns,
    is_known_label,
    parse_column_option,
)

INDICATORS = {"voorzorg gezinnen": "voorzorg", "nu_niet_zwanger": "nnz"}


def _match(text):
    return INDICATORS.get(text.lower().strip())


@pytest.mark.parametrize(
    ("header", "role", "period", "indicator"),
    [
        ("Wijk", "area", None, None),
        ("Wijknaam", "area", None, None),
        ("wijkcode", "area", None, None),
        ("Naam wijk", "area", None, None),
        ("Gebied", "area", None, None),
        ("Area", "area", None, None),
        ("Jaar", "year", None, None),
        ("Kwartaal", "quarter", None, None),
        ("Maand", "month", None, None),
        ("Periode", "period", None, None),
        ("Period", "period", None, None),
        ("Indicator", "indicator", None, None),
        ("Aantal", "numerator", None, None),
        ("Aantal deelnemers", "numerator", None, None),
        ("Teller", "numerator", None, None),
        ("Numerator", "numerator", None, None),
        ("Noemer", "denominator", None, None),
        ("Totaal", "denominator", None, None),
        ("Denominator", "denominator", None, None),
        ("Waarde", "value", None, None),
        ("Percentage", "value", None, None),
        ("%", "value", None, None),
        ("2023", "numerator", "2023", None),
        ("2023 K1", "numerator", "2023-Q1", None),
        ("Q2 2024 totaal", "denominator", "2024-Q2", None),
        ("VoorZorg gezinnen", "numerator", None, "voorzorg"),
        ("nu_niet_zwanger 2023", "numerator", "2023", "nnz"),
        ("Opmerking", "ignore", None, None),
    ],
)
def test_it_recognises_common_dutch_and_english_headers(header, role, period, indicator):
    guessed_role, guessed_period, guessed_indicator = guess_role(header, _match, "numerator")
    assert guessed_role == role
    assert (guessed_period.label if guessed_period else None) == period
    assert guessed_indicator == indicator


@pytest.mark.parametrize(
    ("text", "known"), [("Wijk", True), ("2023 K1", True), ("Registratie", False), ("", False)]
)
def test_it_knows_header_labels_to_find_the_header_row(text, known):
    assert is_known_label(text) is known


def test_two_recognised_counts_are_a_numerator_and_a_denominator():
    columns = interpret_columns(
        ["Wijk", "Jaar", "Aantal deelnemers", "Aantal zwangeren"], match_indicator=_match
    )
    assert [c.role for c in columns] == ["area", "year", "numerator", "denominator"]


def test_chosen_roles_come_before_saved_ones_and_saved_before_guesses():
    columns = interpret_columns(
        ["Wijk", "Locatie", "Aantal"],
        chosen={"aantal": "value"},
        saved={"Locatie": "area", "Aantal": "numerator", "Wijk": "ignore"},
        match_indicator=_match,
    )
    assert [(c.role, c.origin) for c in columns] == [
        ("ignore", "saved"),
        ("area", "saved"),
        ("value", "chosen"),
    ]


def test_a_chosen_measure_keeps_the_period_in_its_header():
    (column,) = interpret_columns(["2023 K4"], chosen={"2023 K4": "value"}, match_indicator=_match)
    assert (column.role, column.period.label, column.is_wide) == ("value", "2023-Q4", True)


def test_it_reads_the_columns_option_in_english_and_dutch():
    assert parse_column_option("area=Wijknaam, periode=Kwartaal,teller=Aantal deelnemers") == {
        "Wijknaam": "area",
        "Kwartaal": "period",
        "Aantal deelnemers": "numerator",
    }


@pytest.mark.parametrize(
    ("text", "message"), [("wijk", "geen rol=kolom"), ("plaats=Wijk", "Onbekende rol 'plaats'")]
)
def test_it_refuses_a_columns_option_it_cannot_read(text, message):
    with pytest.raises(ColumnSpecError, match=message):
        parse_column_option(text)
