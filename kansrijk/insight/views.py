"""The figures pages: any member may read them; outsiders get a 404, anonymous users the
login page. Every number comes from the data functions in ``tables.py``."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from kansrijk.coalitions.access import get_coalition_for_member

from .tables import get_indicator, indicator_data, overview_data


@login_required
def indicator_overview(request, slug):
    coalition, _can_edit = get_coalition_for_member(request.user, slug)
    return render(
        request,
        "insight/indicator_overview.html",
        {"coalition": coalition, "overview": overview_data(coalition)},
    )


@login_required
def indicator_detail(request, slug, code):
    coalition, _can_edit = get_coalition_for_member(request.user, slug)
    indicator = get_indicator(coalition, code)
    page = indicator_data(coalition, indicator)
    return render(
        request,
        "insight/indicator_detail.html",
        {"coalition": coalition, "indicator": indicator, "page": page},
    )
