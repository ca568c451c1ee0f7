"""The catalogue pages (public, plus the visitor's own indicators) and a coalition's own
indicators. Access goes through ``kansrijk.coalitions.access``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansrijk.coalitions.access import (
    coalitions_of,
    get_coalition_for_editor,
    get_coalition_for_member,
)

from .forms import CatalogueFilterForm, OwnIndicatorForm
from .models import Indicator, Theme
from .own import add_own_indicator, propose_indicator, update_own_indicator
from .search import provider_names, search_indicators, visible_indicators
from .usage import coalitions_using


def indicator_list(request):
    visible = visible_indicators(coalitions_of(request.user))
    form = CatalogueFilterForm(
        request.GET or None,
        themes=Theme.objects.order_by("name_nl"),
        providers=provider_names(visible),
    )
    indicators = search_indicators(visible, **form.filters()).prefetch_related("themes")
    return render(request, "catalog/indicator_list.html", {"form": form, "indicators": indicators})


def indicator_detail(request, code):
    indicator = get_object_or_404(
        Indicator.objects.select_related("coalition", "origin_coalition").prefetch_related(
            "themes", "sources"
        ),
        code=code,
    )
    can_edit = False
    if indicator.coalition_id is not None:  # an own indicator: its coalition's members only
        _coalition, can_edit = get_coalition_for_member(request.user, indicator.coalition.slug)
    users = coalitions_using(indicator) if request.user.is_authenticated else None
    return render(
        request,
        "catalog/indicator_detail.html",
        {"indicator": indicator, "coalitions_using": users, "can_edit": can_edit},
    )


@login_required
def own_indicator_list(request, slug):
    coalition, can_edit = get_coalition_for_member(request.user, slug)
    context = {
        "coalition": coalition,
        "can_edit": can_edit,
        "indicators": coalition.own_indicators.prefetch_related("themes"),
        "contributed": coalition.contributed_indicators.all(),
    }
    return render(request, "catalog/own_indicator_list.html", context)


@login_required
def own_indicator_create(request, slug):
    coalition = get_coalition_for_editor(request.user, slug)
    form = OwnIndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = add_own_indicator(
                coalition, created_by=request.user, **form.domain_kwargs()
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Indicator ‘%s’ toegevoegd.") % indicator.name_nl)
            return redirect("own-indicators:indicator-list", slug=coalition.slug)
    context = {"coalition": coalition, "form": form, "indicator": None}
    return render(request, "catalog/own_indicator_form.html", context)


@login_required
def own_indicator_edit(request, slug, code):
    coalition = get_coalition_for_editor(request.user, slug)
    indicator = get_object_or_404(
        coalition.own_indicators.prefetch_related("themes", "sources"), code=code
    )
    form = OwnIndicatorForm(request.POST or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            update_own_indicator(indicator, **form.domain_kwargs())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Indicator ‘%s’ opgeslagen.") % indicator.name_nl)
            return redirect("own-indicators:indicator-list", slug=coalition.slug)
    context = {"coalition": coalition, "form": form, "indicator": indicator}
    return render(request, "catalog/own_indicator_form.html", context)


@login_required
@require_POST
def own_indicator_propose(request, slug, code):
    coalition = get_coalition_for_editor(request.user, slug)
    indicator = get_object_or_404(coalition.own_indicators, code=code)
    propose_indicator(indicator)
    message = _(
        "‘%s’ is voorgesteld voor de gedeelde catalogus; de landelijke beheerders "
        "beoordelen het voorstel."
    )
    messages.success(request, message % indicator.name_nl)
    return redirect("own-indicators:indicator-list", slug=coalition.slug)
