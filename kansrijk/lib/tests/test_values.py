import pytest

from kansrijk.lib.values import compute_value


@pytest.mark.parametrize(
    ("unit", "numerator", "denominator", "expected"),
    [
        ("percentage", 12, 200, 6.0),
        ("per_1000", 9, 1000, 9.0),
        ("count", 42, None, 42),
        ("percentage", 5, 0, None),
        ("percentage", None, 100, None),
        ("score", 3, 4, None),
    ],
)
def test_it_computes_values_per_unit(unit, numerator, denominator, expected):
    assert compute_value(unit, numerator, denominator) == expected
