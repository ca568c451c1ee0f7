"""The timeline of cycles, starting the next cycle (looking back at the previous one), a
cycle's page, changing it and closing it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kansrijk.coalitions.access import get_coalition_for_editor, get_coalition_for_member

from .. import cycles
from ..access import get_cycle
from ..forms import CycleCloseForm, CycleEditForm, CycleForm
from .common import cycle_crumbs, cycle_url, form_data, render_form


@login_required
def cycle_list(request, slug):
    coalition, can_edit = get_coalition_for_member(request.user, slug)
    entries = cycles.timeline(coalition)
    return render(
        request,
        "interpretation/cycle_list.html",
        {
            "coalition": coalition,
            "can_edit": can_edit,
            "entries": entries,
            "latest": entries[-1].cycle if entries else None,
            "open_actions": list(cycles.open_actions(coalition)),
        },
    )


@login_required
def cycle_create(request, slug):
    """A new cycle; when there is one already, this starts the next one and looks back."""
    coalition = get_coalition_for_editor(request.user, slug)
    previous = cycles.latest_cycle(coalition)
    review = cycles.review_cycle(previous) if previous is not None else None
    form = CycleForm(
        form_data(request),
        previous=previous,
        carriable=review.carriable if review is not None else (),
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            cycle = cycles.start_cycle(
                coalition,
                data["title"],
                data["started_on"],
                previous,
                data_note=data["data_note"],
                carry_over=form.actions_to_carry_over(),
                close_previous=data.get("close_previous", False),
            )
        except cycles.CycleError:
            form.add_error(
                None,
                _(
                    "De ronde kon niet worden gestart: een van de acties is al meegenomen. "
                    "Laad de pagina opnieuw en probeer het nog eens."
                ),
            )
        else:
            messages.success(
                request, _("De monitorronde “%(title)s” is gestart.") % {"title": cycle}
            )
            return redirect(cycle_url(cycle))
    return render(
        request,
        "interpretation/cycle_form.html",
        {
            "coalition": coalition,
            "form": form,
            "previous": previous,
            "review": review,
            "title": _("Volgende monitorronde starten") if previous else _("Monitorronde starten"),
        },
    )


@login_required
def cycle_detail(request, slug, cycle_id):
    coalition, can_edit = get_coalition_for_member(request.user, slug)
    cycle = get_cycle(coalition, cycle_id)
    review = cycles.review_cycle(cycle)
    return render(
        request,
        "interpretation/cycle_detail.html",
        {
            "coalition": coalition,
            "can_edit": can_edit,
            "cycle": cycle,
            "sessions": list(cycle.sessions.order_by(cycles.HELD_ON, "id")),
            "review": review,
            "next_cycle": coalition.cycles.filter(previous=cycle).order_by("started_on").first(),
            "is_latest": cycles.latest_cycle(coalition) == cycle,
        },
    )


@login_required
def cycle_edit(request, slug, cycle_id):
    coalition = get_coalition_for_editor(request.user, slug)
    cycle = get_cycle(coalition, cycle_id)
    form = CycleEditForm(form_data(request), instance=cycle)
    if form.is_valid():
        form.save()
        messages.success(request, _("De monitorronde is opgeslagen."))
        return redirect(cycle_url(cycle))
    return render_form(
        request,
        coalition,
        form,
        title=_("Monitorronde wijzigen"),
        cancel_url=cycle_url(cycle),
        crumbs=cycle_crumbs(cycle),
    )


@login_required
def cycle_close(request, slug, cycle_id):
    coalition = get_coalition_for_editor(request.user, slug)
    cycle = get_cycle(coalition, cycle_id)
    form = CycleCloseForm(form_data(request), cycle=cycle)
    if form.is_valid():
        cycles.close_cycle(cycle, form.cleaned_data["closed_on"], form.cleaned_data["plan_changes"])
        messages.success(
            request, _("De monitorronde “%(title)s” is afgesloten.") % {"title": cycle}
        )
        return redirect(cycle_url(cycle))
    return render_form(
        request,
        coalition,
        form,
        title=_("Monitorronde afsluiten"),
        context_line=_(
            "Leg vast wanneer de ronde is afgesloten en welke wijzigingen in het plan eruit "
            "volgen. Open acties blijven open; bij de start van de volgende ronde kunt u ze "
            "meenemen."
        ),
        cancel_url=cycle_url(cycle),
        crumbs=cycle_crumbs(cycle),
    )
