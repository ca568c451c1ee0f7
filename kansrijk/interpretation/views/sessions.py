"""Preparing a session (from chosen indicators and stories, or from a goal), its page,
changing it and deleting it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansrijk.coalitions.access import get_coalition_for_editor, get_coalition_for_member

from .. import preparing
from ..access import get_cycle, get_session
from ..forms import GoalPickForm, SessionEditForm, SessionForm
from ..sessions import session_page
from .common import (
    cycle_crumbs,
    cycle_url,
    form_data,
    render_confirm,
    session_crumbs,
    session_url,
)

PREPARATION_ERROR = gettext_lazy(
    "Een van de gekozen indicatoren of verhalen kan niet (meer) worden gebruikt. Kies opnieuw."
)


def _goal_pick(request, coalition):
    """The goal chosen with “Begin bij een doel” (``?doel=…``), and the form that chose it."""
    pick = GoalPickForm(request.GET if "doel" in request.GET else None, coalition=coalition)
    goal = pick.cleaned_data["doel"] if pick.is_valid() else None
    return pick, goal


@login_required
def session_create(request, slug, cycle_id):
    coalition = get_coalition_for_editor(request.user, slug)
    cycle = get_cycle(coalition, cycle_id)
    pick, goal = _goal_pick(request, coalition)
    initial = {}
    if goal is not None:
        selection = preparing.goal_selection(request.user, coalition, goal)
        initial = {
            "title": _("Duidingssessie: %(goal)s") % {"goal": goal.title},
            "indicators": [indicator.pk for indicator in selection.indicators],
            "stories": selection.story_ids,
        }
    form = SessionForm(
        form_data(request),
        indicators=preparing.offered_indicators(coalition),
        stories=preparing.offered_stories(request.user, coalition),
        goal=goal,
        initial=initial,
    )
    if form.is_valid():
        try:
            session = preparing.prepare_session(cycle, **form.session_kwargs())
        except preparing.PreparationError:
            form.add_error(None, PREPARATION_ERROR)
        else:
            messages.success(
                request,
                _("De sessie is voorbereid. De cijfers zijn vastgelegd zoals ze nu zijn."),
            )
            return redirect(session_url(session))
    return render(
        request,
        "interpretation/session_form.html",
        {
            "coalition": coalition,
            "cycle": cycle,
            "form": form,
            "pick": pick,
            "goal": goal,
            "title": _("Sessie voorbereiden"),
            "crumbs": cycle_crumbs(cycle),
            "cancel_url": cycle_url(cycle),
        },
    )


def _session_initial(session) -> dict:
    initial = {
        "title": session.title,
        "held_on": session.held_on,
        "purpose": session.purpose,
        "indicators": list(session.indicators.values_list("pk", flat=True)),
        "stories": list(session.stories.values_list("pk", flat=True)),
        "questions": preparing.questions_as_text(session.questions),
    }
    for role, (count, names) in preparing.participant_counts(session).items():
        initial[f"count_{role}"] = count
        initial[f"names_{role}"] = names
    return initial


@login_required
def session_edit(request, slug, session_id):
    coalition = get_coalition_for_editor(request.user, slug)
    session = get_session(coalition, session_id)
    indicators = preparing.offered_indicators(coalition)
    offered = {indicator.pk for indicator in indicators}
    indicators += [i for i in session.indicators.order_by("name_nl") if i.pk not in offered]
    form = SessionEditForm(
        form_data(request),
        indicators=indicators,
        stories=preparing.offered_stories(request.user, coalition),
        goal=session.goal,
        initial=_session_initial(session),
    )
    if form.is_valid():
        try:
            preparing.update_session(
                session,
                **form.session_kwargs(),
                refresh_figures=form.cleaned_data["refresh_figures"],
            )
        except preparing.PreparationError:
            form.add_error(None, PREPARATION_ERROR)
        else:
            messages.success(request, _("De sessie is opgeslagen."))
            return redirect(session_url(session))
    return render(
        request,
        "interpretation/session_form.html",
        {
            "coalition": coalition,
            "cycle": session.cycle,
            "session": session,
            "form": form,
            "title": _("Sessie wijzigen"),
            "crumbs": session_crumbs(session),
            "cancel_url": session_url(session),
        },
    )


@login_required
def session_detail(request, slug, session_id):
    coalition, can_edit = get_coalition_for_member(request.user, slug)
    session = get_session(coalition, session_id)
    return render(
        request,
        "interpretation/session_detail.html",
        {
            "coalition": coalition,
            "can_edit": can_edit,
            "session": session,
            "cycle": session.cycle,
            "page": session_page(session, request.user),
        },
    )


@login_required
def session_delete(request, slug, session_id):
    coalition = get_coalition_for_editor(request.user, slug)
    session = get_session(coalition, session_id)
    if request.method == "POST":
        cycle = session.cycle
        session.delete()
        messages.success(request, _("De sessie “%(title)s” is verwijderd.") % {"title": session})
        return redirect(cycle_url(cycle))
    return render_confirm(
        request,
        coalition,
        title=_("Sessie verwijderen"),
        question=_("Wilt u de sessie “%(title)s” verwijderen?") % {"title": session},
        consequence=_(
            "De vastgelegde cijfers, aantekeningen, conclusies en acties van deze sessie worden "
            "ook verwijderd."
        ),
        cancel_url=session_url(session),
        crumbs=session_crumbs(session),
    )
