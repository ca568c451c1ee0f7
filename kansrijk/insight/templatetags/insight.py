"""Showing published cells: the value, or ``.`` when it may not be shown."""

from django import template
from django.utils.translation import gettext

from kansrijk.insight.verdicts import dutch_number, format_value

register = template.Library()


def _number(value, decimals: int) -> str:
    return dutch_number(float(value), decimals)


def _decimals(unit: str, rounded: bool) -> int:
    if unit in ("count", "yes_no") or rounded:
        return 0
    return 1


@register.filter
def cell_value(cell, unit: str) -> str:
    """A published cell's value as a bare number (``12,3``), or ``.``; ``*`` if provisional."""
    if cell is None or not cell.is_published or cell.value is None:
        return "."
    if unit == "yes_no":
        text = gettext("ja") if cell.value >= 0.5 else gettext("nee")
    else:
        text = _number(cell.value, _decimals(unit, cell.rounded))
    return f"{text}*" if cell.provisional else text


@register.filter
def cell_count(cell, which: str) -> str:
    """A published cell's numerator or denominator (``1.234``), or ``.``."""
    if cell is None or not cell.is_published:
        return "."
    value = getattr(cell, which)
    if value is None:
        return "–"
    return dutch_number(value, 0)


@register.filter
def cell_interval(cell, unit: str) -> str:
    """The 95% interval of a published cell (``10,2–14,8``); empty when there is none."""
    if cell is None or not cell.is_published or cell.lower is None or cell.upper is None:
        return ""
    decimals = _decimals(unit, False)
    return f"{_number(cell.lower, decimals)}–{_number(cell.upper, decimals)}"


@register.filter
def with_unit(value, unit: str) -> str:
    """A value in a sentence: ``12,3%``, ``8,1 per 1.000``; ``.`` when there is none."""
    return format_value(unit, value)


@register.filter
def p_value(value) -> str:
    if value is None:
        return ""
    if value < 0.001:
        return "p < 0,001"
    return "p = " + f"{value:.3f}".replace(".", ",")
