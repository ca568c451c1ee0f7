"""The dashboard pages.

Members: ``/coalities/<slug>/dashboard/`` (professionals), ``…/bestuur/`` (bestuur en raad),
and for coordinators ``…/samenstellen/``. Everyone: ``/openbaar/<slug>/`` and
``/openbaar/<slug>/<code>/`` with chart downloads, for coalitions whose public page is on
and only for what they published (``publication.py``); anything else is a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kansrijk.coalitions.access import get_coalition_for_coordinator, get_membership_for_member
from kansrijk.coalitions.models import Role

from .caching import cached_fragment, fragment_key, versioned_settings, with_data_version
from .composing import (
    MAX_HEADLINES,
    current_choices,
    current_settings,
    save_composition,
)
from .forms import Composer, ViewForm
from .models import Audience, Order
from .public import public_indicator
from .publication import get_published_item, public_coalition, published_items
from .tiles import (
    council_dashboard,
    map_choices,
    professional_dashboard,
    public_dashboard,
    wijk_map,
)

CHART_FORMATS = ("svg", "png")


def _render_sparklines(board) -> None:
    """Render every tile's sparkline at once (one cache round trip); ``{% chart %}`` then
    uses the SVG each chart keeps."""
    from kansrijk.charts.rendering import to_svgs

    to_svgs([tile.sparkline for tile in board.tiles if tile.sparkline is not None])


def _member_context(membership, tab: str, settings) -> dict:
    return {
        "coalition": membership.coalition,
        "tab": tab,
        "is_coordinator": membership.role == Role.COORDINATOR,
        "has_public_page": settings.public_enabled,
        "settings": settings,
    }


def _tile_grid(coalition, board, tile_template: str) -> str:
    """The tiles of a council or public dashboard as HTML ("" without tiles)."""
    if not board.tiles:
        return ""
    context = {"coalition": coalition, "tiles": board.tiles, "tile_template": tile_template}
    return render_to_string("dashboards/_tile_grid.html", {**context, "level": 2})


def dashboard_tiles(coalition, order: str, params) -> str:
    """The professionals' tiles and map as HTML, for the reader's choices in ``params``
    (the query string: ``volgorde``, ``kaart``)."""
    board = professional_dashboard(coalition, order)
    form = ViewForm(params or None, map_choices=map_choices(board))
    found_map = wijk_map(coalition, board, form.value("kaart"))
    _render_sparklines(board)
    context = {"coalition": coalition, "board": board, "form": form, "map": found_map}
    return render_to_string("dashboards/_dashboard_tiles.html", {**context, "order": order})


@login_required
def dashboard(request, slug):
    membership = get_membership_for_member(request.user, slug)
    coalition = membership.coalition
    settings = versioned_settings(coalition)
    order = request.GET.get("volgorde", "")
    if order not in Order.values:
        order = settings.order
    params = {name: request.GET[name] for name in ("volgorde", "kaart") if name in request.GET}
    key = fragment_key(settings, "professionals", order, *(f"{k}={v}" for k, v in params.items()))
    tiles = cached_fragment(key, lambda: dashboard_tiles(coalition, order, params))
    context = _member_context(membership, "professionals", settings)
    context["tiles"] = mark_safe(tiles)  # rendered by our own template, escaped there
    return render(request, "dashboards/dashboard.html", context)


def council_context(coalition, items=None) -> dict:
    """What the page for bestuur en raad shows (``items``: the headlines, else as chosen)."""
    board = council_dashboard(coalition, items)
    _render_sparklines(board)
    return {"tiles": mark_safe(_tile_grid(coalition, board, "dashboards/_council_tile.html"))}


@login_required
def council(request, slug):
    membership = get_membership_for_member(request.user, slug)
    coalition = membership.coalition
    settings = versioned_settings(coalition)
    context = _member_context(membership, "bestuur", settings)
    key = fragment_key(settings, Audience.BESTUUR)
    context["tiles"] = mark_safe(cached_fragment(key, lambda: council_context(coalition)["tiles"]))
    return render(request, "dashboards/council.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def compose(request, slug):
    coalition = get_coalition_for_coordinator(request.user, slug)
    membership = get_membership_for_member(request.user, slug)
    settings = current_settings(coalition)
    composer = Composer(settings, current_choices(coalition), request.POST or None)
    if request.method == "POST" and composer.is_valid():
        save_composition(coalition, **composer.cleaned_settings, choices=composer.choices())
        messages.success(request, _("De dashboards zijn opgeslagen."))
        return redirect("dashboards:compose", slug=coalition.slug)
    context = _member_context(membership, "samenstellen", settings)
    context.update({"composer": composer, "max_headlines": MAX_HEADLINES})
    return render(request, "dashboards/compose.html", context, status=200)


# Public pages: no login; a 404 for anything not published.


def public_home_context(coalition, items, settings) -> dict:
    board = public_dashboard(coalition, items)
    _render_sparklines(board)
    tiles = _tile_grid(coalition, board, "dashboards/_public_tile.html")
    return {"coalition": coalition, "tiles": mark_safe(tiles), "settings": settings}


@require_safe
def public_home(request, slug):
    coalition = public_coalition(slug)  # with its settings and the data version
    settings = with_data_version(coalition.dashboard_settings, coalition.data_version)
    key = fragment_key(settings, Audience.PUBLIEK)
    tiles = cached_fragment(
        key, lambda: public_home_context(coalition, published_items(coalition), settings)["tiles"]
    )
    context = {"coalition": coalition, "tiles": mark_safe(tiles), "settings": settings}
    return render(request, "dashboards/public_dashboard.html", context)


def public_indicator_context(coalition, item) -> dict:
    found = public_indicator(coalition, item)
    return {"coalition": coalition, "public": found, "summary": found.summary}


@require_safe
def public_indicator_page(request, slug, code):
    coalition = public_coalition(slug)
    item = get_published_item(coalition, code)
    context = public_indicator_context(coalition, item)
    return render(request, "dashboards/public_indicator.html", context)


@require_safe
def public_chart(request, slug, code, chart, fmt):
    from kansrijk.charts.rendering import chart_response

    coalition = public_coalition(slug)
    item = get_published_item(coalition, code)
    if fmt not in CHART_FORMATS:
        raise Http404
    found = public_indicator(coalition, item)
    wanted = next((c for c in found.charts if c.slug == chart), None)
    if wanted is None:
        raise Http404
    return chart_response(wanted, fmt, f"{coalition.slug}-{code}-{chart}")
