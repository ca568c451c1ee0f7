"""Periods as written everywhere in kansrijk: ``2022``, ``2022-Q1``, ``2022-03``, ``2018/2022``.

A period is a year, a quarter, a month or a multi-year pool. It always has a start and an
end date, so that periods of different kinds can be ordered and compared.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

YEAR = "year"
QUARTER = "quarter"
MONTH = "month"
POOL = "pool"
KINDS = (YEAR, QUARTER, MONTH, POOL)

_YEAR_RE = re.compile(r"^(\d{4})$")
_QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_POOL_RE = re.compile(r"^(\d{4})/(\d{4})$")
MIN_YEAR, MAX_YEAR = 1900, 2100


class PeriodError(ValueError):
    """Raised for text that is not a period; the message is Dutch and names the text."""


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    kind: str
    label: str

    def __str__(self) -> str:
        return self.label

    @property
    def year(self) -> int:
        """The (last) calendar year the period falls in."""
        return self.end.year


def _check_year(year: int, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(f"Jaar buiten bereik in periode '{text}'.")


def year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31), YEAR, f"{y:04d}")


def quarter(y: int, q: int) -> Period:
    first_month = 3 * (q - 1) + 1
    last_month = first_month + 2
    last_day = calendar.monthrange(y, last_month)[1]
    return Period(date(y, first_month, 1), date(y, last_month, last_day), QUARTER, f"{y:04d}-Q{q}")


def month(y: int, m: int) -> Period:
    last_day = calendar.monthrange(y, m)[1]
    return Period(date(y, m, 1), date(y, m, last_day), MONTH, f"{y:04d}-{m:02d}")


def pool(first_year: int, last_year: int) -> Period:
    return Period(
        date(first_year, 1, 1), date(last_year, 12, 31), POOL, f"{first_year:04d}/{last_year:04d}"
    )


def parse_period(text: str) -> Period:
    """Parse the canonical period notation; raise PeriodError with a Dutch message otherwise."""
    cleaned = (text or "").strip()
    if match := _YEAR_RE.match(cleaned):
        y = int(match[1])
        _check_year(y, cleaned)
        return year(y)
    if match := _QUARTER_RE.match(cleaned):
        y = int(match[1])
        _check_year(y, cleaned)
        return quarter(y, int(match[2]))
    if match := _MONTH_RE.match(cleaned):
        y = int(match[1])
        _check_year(y, cleaned)
        return month(y, int(match[2]))
    if match := _POOL_RE.match(cleaned):
        first, last = int(match[1]), int(match[2])
        _check_year(first, cleaned)
        _check_year(last, cleaned)
        if last <= first:
            raise PeriodError(f"In periode '{cleaned}' moet het eindjaar na het beginjaar liggen.")
        return pool(first, last)
    raise PeriodError(
        f"Onbekende periode '{cleaned}'. Gebruik 2022, 2022-Q1, 2022-03 of 2018/2022."
    )
