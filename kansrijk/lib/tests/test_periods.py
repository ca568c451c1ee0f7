from datetime import date

import pytest

from kansrijk.lib.periods import PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("2022", "year", date(2022, 1, 1), date(2022, 12, 31)),
        ("2022-Q1", "quarter", date(2022, 1, 1), date(2022, 3, 31)),
        ("2024-Q4", "quarter", date(2024, 10, 1), date(2024, 12, 31)),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
        ("2018/2022", "pool", date(2018, 1, 1), date(2022, 12, 31)),
        (" 2023 ", "year", date(2023, 1, 1), date(2023, 12, 31)),
    ],
)
def test_it_parses_the_canonical_notations(text, kind, start, end):
    period = parse_period(text)
    assert (period.kind, period.start, period.end) == (kind, start, end)
    assert period.label == text.strip()


@pytest.mark.parametrize("text", ["", "22", "2022-Q5", "2022-13", "2022/2020", "1800", "Q1 2022"])
def test_it_rejects_other_text_with_a_dutch_message(text):
    with pytest.raises(PeriodError, match="periode"):
        parse_period(text)


def test_periods_order_by_start_date():
    labels = ["2023", "2022-Q3", "2018/2022", "2022-01"]
    ordered = sorted(parse_period(label) for label in labels)
    assert [p.label for p in ordered] == ["2018/2022", "2022-01", "2022-Q3", "2023"]
