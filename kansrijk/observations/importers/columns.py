"""What each column of a partner's file holds: the column mapping.

A column has one role: the area, the period (or its year, quarter or month), the indicator,
a measure (numerator, denominator or value) or nothing. A measure column may also carry a
period or an indicator in its header ("2023 K1", "VoorZorg gezinnen"): that is how wide
layouts (periods or indicators as columns) and long layouts (one row per area × period ×
indicator) are read by the same code.

Roles come from, in order: the user's choice (web form or ``--columns``), the partner's saved
mapping, and common Dutch and English headers recognised here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_noop

from kansrijk.lib.periods import Period
from kansrijk.lib.tabular import find_period_in_text, normalize_text

IGNORE = "ignore"
AREA = "area"
PERIOD = "period"
YEAR = "year"
QUARTER = "quarter"
MONTH = "month"
INDICATOR = "indicator"
NUMERATOR = "numerator"
DENOMINATOR = "denominator"
VALUE = "value"

ROLE_LABELS = {  # gettext_noop: Dutch here and in messages, translated in the web form
    IGNORE: gettext_noop("Niet gebruiken"),
    AREA: gettext_noop("Gebied (wijk of gemeente, naam of code)"),
    PERIOD: gettext_noop("Periode"),
    YEAR: gettext_noop("Jaar"),
    QUARTER: gettext_noop("Kwartaal"),
    MONTH: gettext_noop("Maand"),
    INDICATOR: gettext_noop("Indicator"),
    NUMERATOR: gettext_noop("Aantal (teller)"),
    DENOMINATOR: gettext_noop("Totaal (noemer)"),
    VALUE: gettext_noop("Waarde of percentage"),
}
ROLES = tuple(ROLE_LABELS)
MEASURES = (NUMERATOR, DENOMINATOR, VALUE)
SINGLE_ROLES = (PERIOD, YEAR, QUARTER, MONTH, INDICATOR)

# Names accepted for a role in ``--columns``: English and Dutch.
ROLE_NAMES = {
    "area": AREA, "gebied": AREA, "wijk": AREA,
    "period": PERIOD, "periode": PERIOD,
    "year": YEAR, "jaar": YEAR,
    "quarter": QUARTER, "kwartaal": QUARTER,
    "month": MONTH, "maand": MONTH,
    "indicator": INDICATOR,
    "numerator": NUMERATOR, "teller": NUMERATOR, "aantal": NUMERATOR,
    "denominator": DENOMINATOR, "noemer": DENOMINATOR, "totaal": DENOMINATOR,
    "value": VALUE, "waarde": VALUE, "percentage": VALUE,
    "ignore": IGNORE, "negeren": IGNORE,
}  # fmt: skip

_AREA_WORDS = {
    "wijk", "wijknaam", "wijkcode", "wijken", "gebied", "gebiedsnaam", "gebiedscode", "area",
    "buurt", "buurtnaam", "buurtcode", "gemeente", "gemeentenaam", "gemeentecode", "stadsdeel",
    "district", "neighbourhood", "neighborhood", "regio", "regionaam", "regiocode", "locatie",
}  # fmt: skip
_NAME_WORDS = {"naam", "code", "name", "nr", "nummer", "van", "de", "het"}
_PERIOD_WORDS = {"periode", "period", "datum", "date", "peildatum", "tijdvak", "peilperiode"}
_YEAR_WORDS = {"jaar", "year", "jaartal"}
_QUARTER_WORDS = {"kwartaal", "quarter", "kw"}
_MONTH_WORDS = {"maand", "month"}
_INDICATOR_WORDS = {"indicator", "indicatorcode", "indicatornaam", "indicatoren"}
_VALUE_WORDS = {"waarde", "percentage", "value", "pct", "%", "procent", "perc", "aandeel"}
_DENOMINATOR_WORDS = {"noemer", "totaal", "denominator", "total", "totalen", "populatie"}
_NUMERATOR_WORDS = {"aantal", "teller", "numerator", "count", "aantallen", "n"}
MEASURE_WORDS = _VALUE_WORDS | _DENOMINATOR_WORDS | _NUMERATOR_WORDS

IndicatorMatch = Callable[[str], object | None]


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    role: str
    period: Period | None = None  # from the header: a wide column of one period
    indicator: object | None = None  # from the header: a wide column of one indicator
    origin: str = "auto"  # "auto", "saved" or "chosen"

    @property
    def key(self) -> str:
        return normalize_text(self.header)

    @property
    def is_measure(self) -> bool:
        return self.role in MEASURES

    @property
    def is_wide(self) -> bool:
        return self.is_measure and (self.period is not None or self.indicator is not None)

    def describe(self) -> str:
        """The role in words, with what the header adds: 'Aantal (teller), 2023-Q1'."""
        parts = [ROLE_LABELS[self.role]]
        if self.period is not None:
            parts.append(self.period.label)
        if self.indicator is not None:
            parts.append(str(getattr(self.indicator, "code", self.indicator)))
        return ", ".join(parts)


def _tokens(text: str) -> list[str]:
    return normalize_text(text).split()


def measure_in_words(words: Iterable[str]) -> str | None:
    words = set(words)
    if words & _VALUE_WORDS:
        return VALUE
    if words & _DENOMINATOR_WORDS:
        return DENOMINATOR
    if words & _NUMERATOR_WORDS:
        return NUMERATOR
    return None


def _id_role(words: list[str]) -> str | None:
    """A role for an identifying column when the header is (almost) only that word."""
    if not words:
        return None
    rest = set(words) - _NAME_WORDS
    if not rest:
        return None
    if rest <= _AREA_WORDS:
        return AREA
    if rest <= _INDICATOR_WORDS:
        return INDICATOR
    if len(rest) == 1:
        (word,) = rest
        if word in _YEAR_WORDS:
            return YEAR
        if word in _QUARTER_WORDS:
            return QUARTER
        if word in _MONTH_WORDS:
            return MONTH
        if word in _PERIOD_WORDS:
            return PERIOD
    if rest <= _PERIOD_WORDS | _YEAR_WORDS | _QUARTER_WORDS | _MONTH_WORDS:
        return PERIOD  # "jaar en kwartaal", "periode (maand)"
    return None


def header_parts(header: str, match_indicator: IndicatorMatch) -> tuple[Period | None, object, str]:
    """The period, the indicator and the measure word a header names, each possibly None."""
    period, rest = find_period_in_text(header)
    words = rest.split()
    measure = measure_in_words(words)
    remainder = " ".join(word for word in words if word not in MEASURE_WORDS)
    indicator = match_indicator(remainder) if remainder else None
    if indicator is None and rest:
        indicator = match_indicator(rest)
    return period, indicator, measure


def guess_role(
    header: str, match_indicator: IndicatorMatch, default_measure: str
) -> tuple[str, Period | None, object]:
    """The role a header suggests: an identifying column, a measure, or nothing."""
    words = _tokens(header)
    if role := _id_role(words):
        return role, None, None
    period, indicator, measure = header_parts(header, match_indicator)
    if period is not None or indicator is not None:
        return measure or default_measure, period, indicator
    if measure is not None:
        return measure, None, None
    return IGNORE, None, None


def is_known_label(text: str) -> bool:
    """Whether a cell looks like a column name of ours (used to find the header row)."""
    words = _tokens(text)
    if not words or len(words) > 8:
        return False
    if _id_role(words) or measure_in_words(words):
        return True
    return find_period_in_text(text)[0] is not None


def interpret_columns(
    headers: list[str],
    *,
    chosen: dict[str, str] | None = None,
    saved: dict[str, str] | None = None,
    match_indicator: IndicatorMatch,
    default_measure: str = NUMERATOR,
) -> list[Column]:
    """One ``Column`` per header. ``chosen`` and ``saved`` map normalized headers to roles."""
    chosen = {normalize_text(k): v for k, v in (chosen or {}).items() if v in ROLES}
    saved = {normalize_text(k): v for k, v in (saved or {}).items() if v in ROLES}
    columns = []
    for index, header in enumerate(headers):
        key = normalize_text(header)
        role, origin = chosen.get(key), "chosen"
        if role is None and key in saved:
            role, origin = saved[key], "saved"
        if role is None:
            role, period, indicator = guess_role(header, match_indicator, default_measure)
            columns.append(Column(index, header, role, period, indicator, "auto"))
            continue
        period = indicator = None
        if role in MEASURES:
            period, indicator, _measure = header_parts(header, match_indicator)
        columns.append(Column(index, header, role, period, indicator, origin))
    return _settle_counts(columns)


def _settle_counts(columns: list[Column]) -> list[Column]:
    """Two recognised count columns and no denominator ("Aantal deelnemers", "Aantal
    zwangeren"): the first is the numerator, the second the denominator."""
    counts = [c for c in columns if c.role == NUMERATOR and not c.is_wide and c.origin == "auto"]
    has_denominator = any(c.role == DENOMINATOR and not c.is_wide for c in columns)
    if len(counts) != 2 or has_denominator:
        return columns
    second = counts[1]
    return [
        Column(c.index, c.header, DENOMINATOR, origin="auto") if c is second else c for c in columns
    ]


class ColumnSpecError(ValueError):
    """A ``--columns`` value that cannot be understood; the message is Dutch."""


def parse_column_option(text: str) -> dict[str, str]:
    """``'area=Wijknaam,numerator=Aantal deelnemers'`` → ``{'Wijknaam': 'area', …}``."""
    mapping: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        name, sep, header = part.partition("=")
        role = ROLE_NAMES.get(name.strip().lower())
        if not sep or not header.strip():
            raise ColumnSpecError(f"'{part.strip()}' is geen rol=kolom, bijvoorbeeld area=Wijk.")
        if role is None:
            names = ", ".join(sorted({"area", "period", "year", "quarter", "month", "indicator",
                                      "numerator", "denominator", "value", "ignore"}))  # fmt: skip
            raise ColumnSpecError(f"Onbekende rol '{name.strip()}'. Kies uit: {names}.")
        mapping[header.strip()] = role
    return mapping
