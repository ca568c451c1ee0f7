"""De-identification of Dutch story text: deduce plus our own patterns."""

import re
from collections import Counter

import pytest

from kansrijk.stories.deidentify import (
    PLACEHOLDERS,
    deidentify,
    find_identifiers,
    is_valid_bsn,
    remaining_kinds,
)

from .examples import EXAMPLES
from .synthetic import samples


def _shown(value: str, text: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text, re.IGNORECASE))


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"example-{i}" for i in range(len(EXAMPLES))])
def test_it_removes_every_identifier_from_the_example_stories(example):
    anonymised = deidentify(example.text)
    leaks = [
        (kind, value)
        for kind, values in example.identifiers.items()
        for value in values
        if _shown(value, anonymised)
    ]
    assert leaks == []


def test_the_examples_cover_at_least_ten_stories_with_every_kind_of_identifier():
    assert len(EXAMPLES) >= 10
    for example in EXAMPLES:
        assert all(
            value in example.text for values in example.identifiers.values() for value in values
        )


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [
        ("Mijn dochter Noor huilde veel.", "[NAAM]"),
        ("Mijn vriendin Priya Sharma hielp mij.", "[NAAM]"),
        ("ik heet Kees en ben vader.", "[NAAM]"),
        ("De verloskundige Ellen kwam snel.", "[NAAM]"),
        ("We wonen op de Kerkstraat 12.", "[ADRES]"),
        ("We wonen op de lindelaan 23a.", "[ADRES]"),
        ("Mijn postcode is 1234 ab.", "[POSTCODE]"),
        ("Mijn postcode is 1234AB.", "[POSTCODE]"),
        ("Mijn postcode is 1234 AB.", "[POSTCODE]"),
        ("Bel 06-12345678.", "[TELEFOON]"),
        ("Bel 0612345678.", "[TELEFOON]"),
        ("Bel +31 6 1234 5678.", "[TELEFOON]"),
        ("Bel 0031 (0)6 12345678.", "[TELEFOON]"),
        ("Bel 010-1234567.", "[TELEFOON]"),
        ("Mail naar j.devries@example.org.", "[E-MAIL]"),
        ("Mijn BSN is 123456782.", "[BSN]"),
        ("Mijn BSN is 123.456.782.", "[BSN]"),
        ("Mijn BSN is 1234.56.782.", "[BSN]"),
        ("Mijn BSN is 12345678.", "[BSN]"),
        ("Geboren op 3 maart 2023.", "[DATUM]"),
        ("Geboren op 10 oktober.", "[DATUM]"),
        ("Geboren op 12-05-2022.", "[DATUM]"),
        ("Geboren op 2022-07-04.", "[DATUM]"),
        ("Geboren op 3/4, thuis.", "[DATUM]"),
        ("Ik was bij verloskundigenpraktijk De Wieg.", "[ZORGINSTELLING]"),
        ("Ik lag in het Spaarne Gasthuis.", "[ZORGINSTELLING]"),
        ("Consultatiebureau Noord was dicht.", "[ZORGINSTELLING]"),
        ("Kinderopvang Het Zonnetje is fijn.", "[ORGANISATIE]"),
        ("Kijk op www.example.org/hulp voor meer.", "[WEBADRES]"),
    ],
)
def test_it_replaces_each_kind_of_identifier_by_its_placeholder(text, placeholder):
    assert placeholder in deidentify(text)


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 en 2024 ging het beter met ons.",
        "Ik kreeg hulp van de verloskundige en de kraamzorg.",
        "Het consultatiebureau belde twee keer; de huisarts stuurde me door.",
        "Ze is nu 2 jaar en ik ben 34 jaar oud.",
        "Wij kregen 1000 euro toeslag en na 3 maanden ging het beter.",
        "De eerste 1000 dagen zijn belangrijk.",
    ],
)
def test_it_leaves_ordinary_text_alone(text):
    assert deidentify(text) == text


def test_placeholders_already_in_the_text_stay_as_they_are():
    text = "Ik vond het fijn dat [NAAM] mij belde op [TELEFOON]."
    assert deidentify(text) == text
    assert find_identifiers(text) == []


def test_de_identifying_twice_changes_nothing_more():
    for example in EXAMPLES:
        once = deidentify(example.text)
        assert deidentify(once) == once


def test_the_coalitions_partners_are_replaced_wherever_they_occur():
    text = "Bij Kraamzorg De Ooievaar Voorbeeldstad waren ze lief."
    anonymised = deidentify(text, organisations=["Kraamzorg De Ooievaar Voorbeeldstad"])
    assert "Ooievaar" not in anonymised
    assert "[ZORGINSTELLING]" in anonymised


def test_every_placeholder_is_a_neutral_word_in_brackets():
    assert all(re.fullmatch(r"\[[A-Z-]+\]", p) for p in PLACEHOLDERS.values())


@pytest.mark.parametrize(
    ("digits", "valid"),
    [("123456782", True), ("111222333", True), ("123456789", False), ("12345672", True),
     ("000000000", False), ("12345", False), ("abcdefghi", False)],
)  # fmt: skip
def test_it_checks_a_bsn_with_the_eleven_test(digits, valid):
    assert is_valid_bsn(digits) is valid


def test_it_reports_what_is_left_in_an_edited_text():
    assert remaining_kinds("Bel [NAAM] op 06-12345678.") == ["[TELEFOON]"]
    assert remaining_kinds("Bel [NAAM] op [TELEFOON].") == []


def test_recall_for_direct_identifiers_is_at_least_95_percent_in_every_category():
    found, total = Counter(), Counter()
    for sample in samples():
        anonymised = deidentify(sample.text)
        for kind, values in sample.identifiers.items():
            for value in values:
                total[kind] += 1
                found[kind] += not _shown(value, anonymised)
    assert sum(total.values()) >= 200
    recall = {kind: found[kind] / total[kind] for kind in total}
    assert set(recall) == {"name", "street", "postcode", "phone", "email", "bsn", "date"}
    assert {kind: value for kind, value in recall.items() if value < 0.95} == {}
