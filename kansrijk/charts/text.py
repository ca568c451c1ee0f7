"""Published cells in words: values, intervals, reasons for a missing number, titles.

Only published cells become numbers; a suppressed or missing cell becomes its reason
("niet getoond (kleine aantallen)", "geen gegevens"). Numbers are in the Dutch format of
``kansrijk.insight.verdicts`` (``12,3%``, ``8,1 per 1.000``).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from kansrijk.catalog.models import Unit
from kansrijk.insight.disclosure import PublishedCell
from kansrijk.insight.verdicts import dutch_number, format_value

_YEAR = re.compile(r"^\d{4}$")


def is_shown(cell: PublishedCell | None) -> bool:
    return cell is not None and cell.is_published and cell.value is not None


def value_text(unit: str, cell: PublishedCell | None) -> str:
    """A published cell as it reads in a table or a sentence (``12,3%``), else ``.``."""
    if not is_shown(cell):
        return "."
    if cell.rounded and unit in (Unit.PERCENTAGE, Unit.PER_1000):
        text = dutch_number(cell.value, 0)
        text = (
            f"{text}%" if unit == Unit.PERCENTAGE else _("%(number)s per 1.000") % {"number": text}
        )
    else:
        text = format_value(unit, cell.value)
    return f"{text}*" if cell.provisional else text


def interval_text(unit: str, cell: PublishedCell | None) -> str:
    """The 95% interval of a published cell (``10,2–14,8``), or empty."""
    if not is_shown(cell) or cell.lower is None or cell.upper is None:
        return ""
    decimals = 0 if unit == Unit.COUNT else 1
    return f"{dutch_number(cell.lower, decimals)}–{dutch_number(cell.upper, decimals)}"


def hidden_text(cell: PublishedCell | None) -> str:
    """Why a cell shows no number, in words."""
    if cell is not None and cell.suppressed:
        return _("niet getoond (kleine aantallen)")
    return _("geen gegevens")


def point_text(unit: str, label: str, cell: PublishedCell | None, interval: bool = True) -> str:
    """The tooltip of one mark: ``Centrum, 2024: 12,3% (95%-interval 10,2–14,8)``; the
    interval only where the chart draws it."""
    if not is_shown(cell):
        return f"{label}: {hidden_text(cell)}"
    text = f"{label}: {value_text(unit, cell)}"
    bounds = interval_text(unit, cell) if interval else ""
    if bounds:
        text += " " + _("(95%%-interval %(interval)s)") % {"interval": bounds}
    return text


def unit_title(unit: str) -> str:
    return {
        Unit.PERCENTAGE: _("Percentage"),
        Unit.PER_1000: _("Aantal per 1.000"),
        Unit.COUNT: _("Aantal"),
        Unit.SCORE: _("Score"),
        Unit.YES_NO: _("Ja of nee"),
    }.get(unit, _("Waarde"))


def period_title(periods: list[str]) -> str:
    return _("Jaar") if periods and all(_YEAR.match(p) for p in periods) else _("Periode")


def join_words(words: list[str]) -> str:
    """``a, b en c``."""
    if len(words) <= 1:
        return "".join(words)
    return _("%(first)s en %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def provisional_note(cells) -> str:
    return (
        " " + _("* voorlopig cijfer.") if any(is_shown(c) and c.provisional for c in cells) else ""
    )


def area_word(kind: str, plural: bool = False) -> str:
    if kind == "municipality":
        return _("gemeenten") if plural else _("gemeente")
    return _("wijken") if plural else _("wijk")


def position_text(position: str) -> str:
    return {
        # xgettext:no-python-format
        "inside": _("binnen de 95%-grenzen"),
        # xgettext:no-python-format
        "above_95": _("boven de 95%-grens"),
        # xgettext:no-python-format
        "above_99.8": _("boven de 99,8%-grens"),
        # xgettext:no-python-format
        "below_95": _("onder de 95%-grens"),
        # xgettext:no-python-format
        "below_99.8": _("onder de 99,8%-grens"),
    }.get(position, "")
