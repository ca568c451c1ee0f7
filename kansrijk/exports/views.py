"""Downloads of the figures tables: any member may export what the pages show; outsiders get
a 404, anonymous users the login page. The tables come from ``tables.py``."""

from django.contrib.auth.decorators import login_required
from django.http import Http404

from kansrijk.coalitions.access import get_coalition_for_member
from kansrijk.insight.tables import get_indicator

from .tables import INDICATOR_TABLES, coalition_exports, indicator_exports
from .writers import FORMATS, export_response


@login_required
def table_export(request, slug, code, table, fmt):
    coalition, _can_edit = get_coalition_for_member(request.user, slug)
    if table not in INDICATOR_TABLES or fmt not in FORMATS:
        raise Http404
    indicator = get_indicator(coalition, code)
    tables = [t for t in indicator_exports(coalition, indicator) if t.name == table]
    filename = f"{coalition.slug}-{indicator.code}-{table}.{fmt}"
    return export_response(tables, fmt, filename)


@login_required
def coalition_export(request, slug, fmt):
    coalition, _can_edit = get_coalition_for_member(request.user, slug)
    if fmt not in FORMATS:
        raise Http404
    return export_response(coalition_exports(coalition), fmt, f"{coalition.slug}-alles.{fmt}")
