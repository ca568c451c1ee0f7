"""Managing a coalition's partner organisations (coordinators only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..access import get_coalition_for_coordinator, get_partner
from ..forms import PartnerForm
from ..models import Partner
from .common import form_data, render_confirm, render_form


def _list_url(coalition) -> str:
    return reverse("coalitions:partner-list", kwargs={"slug": coalition.slug})


@login_required
def partner_list(request, slug):
    coalition = get_coalition_for_coordinator(request.user, slug)
    partners = coalition.partners.order_by("domain", "name")
    return render(
        request, "coalitions/partner_list.html", {"coalition": coalition, "partners": partners}
    )


@login_required
def partner_create(request, slug):
    coalition = get_coalition_for_coordinator(request.user, slug)
    form = PartnerForm(
        form_data(request), instance=Partner(coalition=coalition), coalition=coalition
    )
    if form.is_valid():
        form.save()
        messages.success(request, _("De partner is toegevoegd."))
        return redirect(_list_url(coalition))
    return render_form(
        request, coalition, form, title=_("Partner toevoegen"), cancel_url=_list_url(coalition)
    )


@login_required
def partner_edit(request, slug, partner_id):
    coalition = get_coalition_for_coordinator(request.user, slug)
    partner = get_partner(coalition, partner_id)
    form = PartnerForm(form_data(request), instance=partner, coalition=coalition)
    if form.is_valid():
        form.save()
        messages.success(request, _("De partner is opgeslagen."))
        return redirect(_list_url(coalition))
    return render_form(
        request, coalition, form, title=_("Partner wijzigen"), cancel_url=_list_url(coalition)
    )


@login_required
def partner_delete(request, slug, partner_id):
    coalition = get_coalition_for_coordinator(request.user, slug)
    partner = get_partner(coalition, partner_id)
    if request.method == "POST":
        partner.delete()
        messages.success(request, _("De partner “%(name)s” is verwijderd.") % {"name": partner})
        return redirect(_list_url(coalition))
    return render_confirm(
        request,
        coalition,
        title=_("Partner verwijderen"),
        question=_("Wilt u de partner “%(name)s” verwijderen?") % {"name": partner},
        consequence=_(
            "De partner verdwijnt bij de activiteiten die hij uitvoert en bij de leden die bij "
            "deze organisatie horen. Ingelezen cijfers blijven bestaan."
        ),
        cancel_url=_list_url(coalition),
    )
