"""Matching typed area names and codes within the coalition, and indicators by code or name."""

import pytest

from kansrijk.observations.importers.matching import (
    AreaMatcher,
    AreaMatchError,
    IndicatorMatcher,
    coalition_areas,
)
from kansrijk.testing.factories import AreaFactory, IndicatorFactory


@pytest.fixture
def matcher(coalition, wijken):
    return AreaMatcher.for_coalition(coalition)


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("WK999901", "WK999901"),
        (" wk999901 ", "WK999901"),
        ("999901", "WK999901"),
        (999901, "WK999901"),
        ("GM9999", "GM9999"),
        ("9999", "GM9999"),
        ("Wijk 01 Centrum", "WK999901"),
        ("Centrum", "WK999901"),
        ("wijk centrum", "WK999901"),
        ("SUDWEST", "WK999903"),
        ("Súdwest", "WK999903"),
        ("t Hoogeland", "WK999905"),
        ("'t-Hoogeland", "WK999905"),
        ("Voorbeeldstad", "GM9999"),
    ],
)
def test_it_matches_areas_by_code_or_by_name_ignoring_case_accents_and_punctuation(
    matcher, cell, code
):
    assert matcher.match(cell).code == code


def test_it_does_not_guess_between_two_areas_with_the_same_name(coalition, municipality, wijken):
    AreaFactory(code="WK999906", name="Noord", level="district", parent=municipality)
    with pytest.raises(AreaMatchError, match="meer dan één gebied") as error:
        AreaMatcher.for_coalition(coalition).match("Noord")
    assert error.value.code == "ambiguous-area"


def test_it_hints_at_the_encoding_when_a_name_looks_garbled(matcher):
    with pytest.raises(AreaMatchError, match="CSV UTF-8"):
        matcher.match("SÃºdwest")


def test_it_only_knows_the_coalitions_own_areas_and_their_wijken_and_buurten(
    coalition, wijken, municipality
):
    AreaFactory(code="GM8888", name="Elders", level="municipality")
    buurt = AreaFactory(
        code="BU99990101", name="Binnenstad", level="neighbourhood", parent=wijken[0]
    )
    codes = {area.code for area in coalition_areas(coalition)}
    assert codes == {"GM9999", buurt.code, *(w.code for w in wijken)}


def test_it_matches_indicators_by_code_or_name_among_those_the_coalition_may_use(
    coalition, other_coalition
):
    shared = IndicatorFactory(code="voorzorg_gezinnen", name_nl="VoorZorg gezinnen", unit="count")
    own = IndicatorFactory(code="eigen_telling", name_nl="Eigen telling", coalition=coalition)
    IndicatorFactory(code="andermans", name_nl="Andermans telling", coalition=other_coalition)
    matcher = IndicatorMatcher.for_coalition(coalition)
    assert matcher.match("VOORZORG_GEZINNEN").id == shared.id
    assert matcher.match("voorzorg gezinnen").id == shared.id
    assert matcher.match("Eigen telling").id == own.id
    assert matcher.match("andermans") is None
