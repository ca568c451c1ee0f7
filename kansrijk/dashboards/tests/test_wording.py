"""Plain words (B1) for verdicts, values and comparisons."""

import pytest

from kansrijk.dashboards.wording import plain_comparison, plain_value, plain_verdict
from kansrijk.insight.disclosure import PublishedCell
from kansrijk.insight.engine import Comparison
from kansrijk.insight.verdicts import Verdict


@pytest.mark.parametrize(
    ("judgement", "sentence"),
    [
        ("gunstig", "Dit gaat de goede kant op."),
        ("ongunstig", "Dit gaat de verkeerde kant op."),
        ("geen duidelijke verandering", "Hier is geen duidelijke verandering te zien."),
        ("onvoldoende gegevens", "Er zijn nog te weinig cijfers om te zeggen hoe dit gaat."),
        (None, "Dit cijfer laat zien hoe het nu is."),
    ],
)
def test_plain_verdict(judgement, sentence):
    assert plain_verdict(Verdict(judgement, "", "")).startswith(sentence)


@pytest.mark.parametrize(
    ("cell", "sentence"),
    [
        (PublishedCell("k", value=12.345), "In 2024: 12,3%."),
        (PublishedCell("k", suppressed=True), "Dit cijfer laten we niet zien"),
        (PublishedCell("k", missing=True), "Er is nog geen cijfer."),
        (None, "Er is nog geen cijfer."),
    ],
)
def test_plain_value(cell, sentence):
    assert plain_value(cell, "percentage", "2024").startswith(sentence)


@pytest.mark.parametrize(
    ("outcome", "sentence"),
    [
        ("higher", "Dat is hoger dan in Nederland (10,0%)."),
        ("lower", "Dat is lager dan in Nederland (10,0%)."),
        ("no_difference", "Dat is ongeveer even hoog als in Nederland (10,0%)."),
        ("", "In Nederland: 10,0%."),
    ],
)
def test_plain_comparison(outcome, sentence):
    comparison = Comparison("country", "Nederland", 10.0, "2024", outcome=outcome)
    assert plain_comparison(comparison, "percentage") == sentence
