"""Download links for the figures tables, for any page that shows one:

{% load exports %}{% export_links coalition indicator "values" %}
{% export_all_links coalition %}
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from kansrijk.exports.tables import COMPARISONS, DETAILS, VALUES

register = template.Library()

# The page's name for a table (English or Dutch) → the export's table name.
TABLE_NAMES = {
    "values": VALUES,
    VALUES: VALUES,
    "detail": DETAILS,
    DETAILS: DETAILS,
    "comparisons": COMPARISONS,
    COMPARISONS: COMPARISONS,
}


def _table_label(name: str) -> str:
    return {
        VALUES: _("alle cijfers per periode"),
        DETAILS: _("teller en noemer"),
        COMPARISONS: _("vergelijking met andere gebieden"),
    }[name]


@register.inclusion_tag("exports/_table_links.html")
def export_links(coalition, indicator, table="values"):
    """CSV and XLSX links for one table of an indicator's page."""
    name = TABLE_NAMES.get(table)
    if name is None:
        raise ValueError(f"unknown table {table!r}: use values, details or comparisons")
    kwargs = {"slug": coalition.slug, "code": indicator.code, "table": name}
    return {
        "csv_url": reverse("exports:table-csv", kwargs=kwargs),
        "xlsx_url": reverse("exports:table-xlsx", kwargs=kwargs),
        "label": _table_label(name),
    }


@register.inclusion_tag("exports/_table_links.html")
def export_all_links(coalition):
    """CSV and XLSX links for everything of the coalition (the overview page)."""
    kwargs = {"slug": coalition.slug}
    return {
        "csv_url": reverse("exports:all-csv", kwargs=kwargs),
        "xlsx_url": reverse("exports:all-xlsx", kwargs=kwargs),
        "label": _("alle cijfers van de coalitie"),
    }
