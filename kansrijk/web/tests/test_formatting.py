import pytest
from django.utils import translation

from kansrijk.web.templatetags.formatting import format_number, with_unit


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (12.5, "percentage", "12,5%"),
        (6.0, "percentage", "6%"),
        (3.14159, "per_1000", "3,14 per 1.000"),
        (42, "count", "42"),
        (7.25, "score", "7,25"),
        (1, "yes_no", "ja"),
        (0, "yes_no", "nee"),
        (None, "percentage", ""),
    ],
)
def test_with_unit_writes_numbers_the_dutch_way(value, unit, expected):
    with translation.override("nl"):
        assert with_unit(value, unit) == expected


@pytest.mark.parametrize(
    "value, expected",
    [(100, "100"), (0.004, "0"), (-0.001, "0"), (-2.5, "-2,5"), (1234.567, "1234,57")],
)
def test_format_number_drops_trailing_zeros(value, expected):
    with translation.override("nl"):
        assert format_number(value) == expected


def test_format_number_uses_a_decimal_point_in_english():
    with translation.override("en"):
        assert format_number(12.5) == "12.5"
