import pytest
from hypothesis import given
from hypothesis import strategies as st

from kansrijk.lib.numbers import NumberError, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12.0),
        ("12,5", 12.5),
        ("1.234,5", 1234.5),
        ("1.234.567", 1234567.0),
        ("1,234.5", 1234.5),
        ("1 234", 1234.0),
        ("-3,25", -3.25),
        ("12,5%", 12.5),
        (" 7 ", 7.0),
        (3, 3.0),
        (2.5, 2.5),
    ],
)
def test_it_reads_dutch_and_english_notations(text, expected):
    assert parse_number(text).value == expected


@pytest.mark.parametrize("marker", ["", ".", "x", "X", "-", "?", None, "  "])
def test_markers_are_unknown_never_zero(marker):
    parsed = parse_number(marker)
    assert parsed.value is None
    assert parsed.is_unknown


@pytest.mark.parametrize("text", ["twaalf", "12a", "1,2,3", "=SUM(A1)", "--", True])
def test_it_rejects_text_that_is_not_a_number(text):
    with pytest.raises(NumberError, match="geen getal"):
        parse_number(text)


def test_a_file_with_decimal_commas_reads_dots_as_thousands():
    assert parse_number("1.234", decimal_comma=True).value == 1234.0
    assert parse_number("1,234", decimal_comma=False).value == 1234.0


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_any_integer_round_trips_through_its_text(number):
    assert parse_number(str(number)).value == float(number)


@given(st.text(max_size=30))
def test_it_answers_a_number_an_unknown_or_a_number_error_for_any_text(text):
    try:
        parsed = parse_number(text)
    except NumberError as error:
        assert "geen getal" in str(error)
    else:
        assert parsed.is_unknown == (parsed.value is None)
