"""Plain-word filters for the dashboards (see ``kansrijk.dashboards.wording``)."""

from django import template

from .. import wording

register = template.Library()


@register.filter
def plain_verdict(verdict) -> str:
    return wording.plain_verdict(verdict)


@register.filter
def plain_comparison(comparison, unit: str) -> str:
    return wording.plain_comparison(comparison, unit)


@register.simple_tag
def plain_value(cell, unit: str, period: str) -> str:
    return wording.plain_value(cell, unit, period)
