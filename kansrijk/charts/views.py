"""Chart downloads: every chart of an indicator page as SVG or PNG, for any member."""

from django.contrib.auth.decorators import login_required
from django.http import Http404

from kansrijk.coalitions.access import get_coalition_for_member
from kansrijk.insight.tables import get_indicator, indicator_data

from .pages import find_chart
from .rendering import chart_response


def _download(request, slug, code, chart, fmt):
    coalition, _can_edit = get_coalition_for_member(request.user, slug)
    indicator = get_indicator(coalition, code)
    found = find_chart(coalition, indicator_data(coalition, indicator), chart)
    if found is None:
        raise Http404
    return chart_response(found, fmt, f"{coalition.slug}-{indicator.code}-{found.slug}.{fmt}")


@login_required
def chart_svg(request, slug, code, chart):
    return _download(request, slug, code, chart, "svg")


@login_required
def chart_png(request, slug, code, chart):
    return _download(request, slug, code, chart, "png")
