"""Editing the monitoring plan: ambitions, goals, activities and their indicators.

Coordinators and editors only. Every object is looked up through the coalition in the URL.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .. import plans
from ..access import (
    get_activity,
    get_ambition,
    get_coalition_for_editor,
    get_goal,
    get_plan_indicator,
)
from ..forms import (
    ActivityEditForm,
    ActivityForm,
    AmbitionEditForm,
    AmbitionForm,
    GoalEditForm,
    GoalForm,
    IndicatorLinkForm,
)
from .common import form_data, plan_url, render_confirm, render_form

# Ambitions


@login_required
def ambition_create(request, slug):
    coalition = get_coalition_for_editor(request.user, slug)
    form = AmbitionForm(form_data(request))
    if form.is_valid():
        ambition = plans.add_ambition(coalition, **form.cleaned_data)
        messages.success(request, _("De ambitie is toegevoegd."))
        return redirect(plan_url(coalition, f"ambitie-{ambition.pk}"))
    return render_form(
        request, coalition, form, title=_("Ambitie toevoegen"), cancel_url=plan_url(coalition)
    )


@login_required
def ambition_edit(request, slug, ambition_id):
    coalition = get_coalition_for_editor(request.user, slug)
    ambition = get_ambition(coalition, ambition_id)
    form = AmbitionEditForm(form_data(request), instance=ambition)
    if form.is_valid():
        form.save()
        messages.success(request, _("De ambitie is opgeslagen."))
        return redirect(plan_url(coalition, f"ambitie-{ambition.pk}"))
    cancel_url = plan_url(coalition, f"ambitie-{ambition.pk}")
    return render_form(request, coalition, form, title=_("Ambitie wijzigen"), cancel_url=cancel_url)


@login_required
def ambition_delete(request, slug, ambition_id):
    coalition = get_coalition_for_editor(request.user, slug)
    ambition = get_ambition(coalition, ambition_id)
    if request.method == "POST":
        ambition.delete()
        messages.success(request, _("De ambitie “%(title)s” is verwijderd.") % {"title": ambition})
        return redirect(plan_url(coalition))
    return render_confirm(
        request,
        coalition,
        title=_("Ambitie verwijderen"),
        question=_("Wilt u de ambitie “%(title)s” verwijderen?") % {"title": ambition},
        consequence=_(
            "Alle doelen en activiteiten onder deze ambitie en hun gekoppelde indicatoren "
            "worden ook verwijderd."
        ),
        cancel_url=plan_url(coalition, f"ambitie-{ambition.pk}"),
    )


# Goals


@login_required
def goal_create(request, slug, ambition_id):
    coalition = get_coalition_for_editor(request.user, slug)
    ambition = get_ambition(coalition, ambition_id)
    form = GoalForm(form_data(request))
    if form.is_valid():
        goal = plans.add_goal(ambition, **form.cleaned_data)
        messages.success(request, _("Het doel is toegevoegd."))
        return redirect(plan_url(coalition, f"doel-{goal.pk}"))
    return render_form(
        request,
        coalition,
        form,
        title=_("Doel toevoegen"),
        context_line=_("Bij de ambitie “%(title)s”") % {"title": ambition},
        cancel_url=plan_url(coalition, f"ambitie-{ambition.pk}"),
    )


@login_required
def goal_edit(request, slug, goal_id):
    coalition = get_coalition_for_editor(request.user, slug)
    goal = get_goal(coalition, goal_id)
    form = GoalEditForm(form_data(request), instance=goal)
    if form.is_valid():
        form.save()
        messages.success(request, _("Het doel is opgeslagen."))
        return redirect(plan_url(coalition, f"doel-{goal.pk}"))
    return render_form(
        request,
        coalition,
        form,
        title=_("Doel wijzigen"),
        context_line=_("Bij de ambitie “%(title)s”") % {"title": goal.ambition},
        cancel_url=plan_url(coalition, f"doel-{goal.pk}"),
    )


@login_required
def goal_delete(request, slug, goal_id):
    coalition = get_coalition_for_editor(request.user, slug)
    goal = get_goal(coalition, goal_id)
    if request.method == "POST":
        goal.delete()
        messages.success(request, _("Het doel “%(title)s” is verwijderd.") % {"title": goal})
        return redirect(plan_url(coalition, f"ambitie-{goal.ambition_id}"))
    return render_confirm(
        request,
        coalition,
        title=_("Doel verwijderen"),
        question=_("Wilt u het doel “%(title)s” verwijderen?") % {"title": goal},
        consequence=_(
            "Alle activiteiten onder dit doel en de gekoppelde indicatoren worden ook verwijderd."
        ),
        cancel_url=plan_url(coalition, f"doel-{goal.pk}"),
    )


# Activities


@login_required
def activity_create(request, slug, goal_id):
    coalition = get_coalition_for_editor(request.user, slug)
    goal = get_goal(coalition, goal_id)
    form = ActivityForm(form_data(request), coalition=coalition)
    if form.is_valid():
        activity = plans.add_activity(goal, **form.cleaned_data)
        messages.success(request, _("De activiteit is toegevoegd."))
        return redirect(plan_url(coalition, f"activiteit-{activity.pk}"))
    return render_form(
        request,
        coalition,
        form,
        title=_("Activiteit toevoegen"),
        context_line=_("Bij het doel “%(title)s”") % {"title": goal},
        cancel_url=plan_url(coalition, f"doel-{goal.pk}"),
    )


@login_required
def activity_edit(request, slug, activity_id):
    coalition = get_coalition_for_editor(request.user, slug)
    activity = get_activity(coalition, activity_id)
    form = ActivityEditForm(form_data(request), instance=activity, coalition=coalition)
    if form.is_valid():
        form.save()
        messages.success(request, _("De activiteit is opgeslagen."))
        return redirect(plan_url(coalition, f"activiteit-{activity.pk}"))
    return render_form(
        request,
        coalition,
        form,
        title=_("Activiteit wijzigen"),
        context_line=_("Bij het doel “%(title)s”") % {"title": activity.goal},
        cancel_url=plan_url(coalition, f"activiteit-{activity.pk}"),
    )


@login_required
def activity_delete(request, slug, activity_id):
    coalition = get_coalition_for_editor(request.user, slug)
    activity = get_activity(coalition, activity_id)
    if request.method == "POST":
        activity.delete()
        messages.success(
            request, _("De activiteit “%(title)s” is verwijderd.") % {"title": activity}
        )
        return redirect(plan_url(coalition, f"doel-{activity.goal_id}"))
    return render_confirm(
        request,
        coalition,
        title=_("Activiteit verwijderen"),
        question=_("Wilt u de activiteit “%(title)s” verwijderen?") % {"title": activity},
        consequence=_("De gekoppelde indicatoren van deze activiteit worden ook verwijderd."),
        cancel_url=plan_url(coalition, f"activiteit-{activity.pk}"),
    )


# Indicators linked to a goal or an activity


@login_required
def goal_indicator_create(request, slug, goal_id):
    coalition = get_coalition_for_editor(request.user, slug)
    goal = get_goal(coalition, goal_id)
    form = IndicatorLinkForm(form_data(request), coalition=coalition, goal=goal)
    if form.is_valid():
        plans.link_indicator(goal=goal, **form.cleaned_data)
        messages.success(request, _("De indicator is aan het doel gekoppeld."))
        return redirect(plan_url(coalition, f"doel-{goal.pk}"))
    return render_form(
        request,
        coalition,
        form,
        title=_("Indicator koppelen aan een doel"),
        context_line=_("Doel: “%(title)s”") % {"title": goal},
        cancel_url=plan_url(coalition, f"doel-{goal.pk}"),
    )


@login_required
def activity_indicator_create(request, slug, activity_id):
    coalition = get_coalition_for_editor(request.user, slug)
    activity = get_activity(coalition, activity_id)
    form = IndicatorLinkForm(form_data(request), coalition=coalition, activity=activity)
    if form.is_valid():
        plans.link_indicator(activity=activity, **form.cleaned_data)
        messages.success(request, _("De indicator is aan de activiteit gekoppeld."))
        return redirect(plan_url(coalition, f"activiteit-{activity.pk}"))
    return render_form(
        request,
        coalition,
        form,
        title=_("Indicator koppelen aan een activiteit"),
        context_line=_("Activiteit: “%(title)s”") % {"title": activity},
        cancel_url=plan_url(coalition, f"activiteit-{activity.pk}"),
    )


def _anchor_of(link) -> str:
    return f"doel-{link.goal_id}" if link.goal_id else f"activiteit-{link.activity_id}"


@login_required
def plan_indicator_edit(request, slug, link_id):
    coalition = get_coalition_for_editor(request.user, slug)
    link = get_plan_indicator(coalition, link_id)
    form = IndicatorLinkForm(form_data(request), instance=link, coalition=coalition)
    if form.is_valid():
        form.save()
        messages.success(request, _("De gekoppelde indicator is opgeslagen."))
        return redirect(plan_url(coalition, _anchor_of(link)))
    return render_form(
        request,
        coalition,
        form,
        title=_("Gekoppelde indicator wijzigen"),
        context_line=_("Bij “%(title)s”") % {"title": link.goal or link.activity},
        cancel_url=plan_url(coalition, _anchor_of(link)),
    )


@login_required
def plan_indicator_delete(request, slug, link_id):
    coalition = get_coalition_for_editor(request.user, slug)
    link = get_plan_indicator(coalition, link_id)
    if request.method == "POST":
        link.delete()
        messages.success(request, _("De indicator is uit het plan gehaald."))
        return redirect(plan_url(coalition, _anchor_of(link)))
    return render_confirm(
        request,
        coalition,
        title=_("Indicator uit het plan halen"),
        question=_("Wilt u de indicator “%(name)s” loskoppelen van “%(title)s”?")
        % {"name": link.indicator, "title": link.goal or link.activity},
        consequence=_(
            "De nulmeting en streefwaarde bij deze koppeling verdwijnen. "
            "De indicator zelf en de cijfers blijven bestaan."
        ),
        cancel_url=plan_url(coalition, _anchor_of(link)),
    )
