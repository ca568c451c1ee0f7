"""Template filters for showing numbers the Dutch way."""

from django import template
from django.utils.formats import get_format
from django.utils.translation import gettext

register = template.Library()


@register.filter
def with_unit(value, unit: str) -> str:
    """A plan or observation value with its unit: ``12,5%``, ``3,1 per 1.000``, ``ja``."""
    if value is None or value == "":
        return ""
    if unit == "yes_no":
        return gettext("ja") if value else gettext("nee")
    number = format_number(value)
    if unit == "percentage":
        return f"{number}%"
    if unit == "per_1000":
        return gettext("%(number)s per 1.000") % {"number": number}
    return number


def format_number(value, decimals: int = 2) -> str:
    """At most ``decimals`` decimals, without trailing zeros, with the locale's decimal mark."""
    text = f"{float(value):.{decimals}f}".rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(".", get_format("DECIMAL_SEPARATOR"))
