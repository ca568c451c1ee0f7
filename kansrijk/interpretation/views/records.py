"""Recording a session (notes, conclusions, actions), changing and deleting what was
recorded, and the list of a coalition's actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kansrijk.coalitions.access import get_coalition_for_editor, get_coalition_for_member

from .. import cycles, recording
from ..access import get_action, get_conclusion, get_note, get_session
from ..forms import ActionForm, ConclusionForm, NoteForm
from ..models import Action, ActionStatus
from ..sessions import note_groups
from .common import (
    cycle_crumbs,
    cycle_url,
    form_data,
    next_url,
    record_url,
    render_confirm,
    render_form,
    session_crumbs,
)

RECORD_FORMS = ("note", "conclusion", "action")


def _record_forms(request, session):
    """The three forms of the record page; only the one that was sent is bound."""
    sent = request.POST.get("form") if request.method == "POST" else None
    coalition = session.cycle.coalition

    def data(name):
        return request.POST if sent == name else None

    return sent, {
        "note": NoteForm(data("note"), session=session, prefix="note"),
        "conclusion": ConclusionForm(data("conclusion"), session=session, prefix="conclusion"),
        "action": ActionForm(data("action"), coalition=coalition, prefix="action"),
    }


def _save(form_name, form, session, user):
    data = form.cleaned_data
    if form_name == "note":
        recording.add_note(
            session,
            data["text"],
            kind=data["kind"],
            indicator=data["indicator"],
            question=data["question"],
            author=user,
        )
        return _("De aantekening is opgeslagen."), "aantekeningen"
    if form_name == "conclusion":
        recording.record_conclusion(
            session, data["text"], indicator=data["indicator"], goal=data["goal"]
        )
        return _("De conclusie is opgeslagen."), "conclusies"
    recording.record_action(
        session,
        data["what"],
        who=data["who"],
        due_on=data["due_on"],
        goal=data["goal"],
        activity=data["activity"],
        status=data["status"],
    )
    return _("De actie is opgeslagen."), "acties"


@login_required
def session_record(request, slug, session_id):
    coalition = get_coalition_for_editor(request.user, slug)
    session = get_session(coalition, session_id)
    sent, forms = _record_forms(request, session)
    if request.method == "POST" and sent not in RECORD_FORMS:
        messages.error(
            request, _("Kies wat u wilt vastleggen: een aantekening, conclusie of actie.")
        )
        return redirect(record_url(session))
    if sent is not None and forms[sent].is_valid():
        message, anchor = _save(sent, forms[sent], session, request.user)
        messages.success(request, message)
        return redirect(record_url(session, anchor))
    return render(
        request,
        "interpretation/session_record.html",
        {
            "coalition": coalition,
            "session": session,
            "cycle": session.cycle,
            "sent": sent,
            "note_form": forms["note"],
            "conclusion_form": forms["conclusion"],
            "action_form": forms["action"],
            "note_groups": note_groups(session),
            "conclusions": session.conclusions.select_related("indicator", "goal").order_by("id"),
            "actions": session.actions.select_related("goal", "activity")
            .prefetch_related("continuations__cycle")
            .order_by("id"),
            "title": _("Sessie vastleggen"),
            "crumbs": session_crumbs(session),
        },
    )


@login_required
def note_delete(request, slug, note_id):
    coalition = get_coalition_for_editor(request.user, slug)
    note = get_note(coalition, note_id)
    session = note.session
    if request.method == "POST":
        note.delete()
        messages.success(request, _("De aantekening is verwijderd."))
        return redirect(record_url(session, "aantekeningen"))
    return render_confirm(
        request,
        coalition,
        title=_("Aantekening verwijderen"),
        question=_("Wilt u deze aantekening verwijderen: “%(text)s”?") % {"text": note.text},
        cancel_url=record_url(session, "aantekeningen"),
        crumbs=session_crumbs(session),
    )


@login_required
def conclusion_edit(request, slug, conclusion_id):
    coalition = get_coalition_for_editor(request.user, slug)
    conclusion = get_conclusion(coalition, conclusion_id)
    session = conclusion.session
    form = ConclusionForm(form_data(request), instance=conclusion, session=session)
    if form.is_valid():
        form.save()
        messages.success(request, _("De conclusie is opgeslagen."))
        return redirect(next_url(request, record_url(session, "conclusies")))
    return render_form(
        request,
        coalition,
        form,
        title=_("Conclusie wijzigen"),
        cancel_url=next_url(request, record_url(session, "conclusies")),
        crumbs=session_crumbs(session),
    )


@login_required
def conclusion_delete(request, slug, conclusion_id):
    coalition = get_coalition_for_editor(request.user, slug)
    conclusion = get_conclusion(coalition, conclusion_id)
    session = conclusion.session
    if request.method == "POST":
        conclusion.delete()
        messages.success(request, _("De conclusie is verwijderd."))
        return redirect(record_url(session, "conclusies"))
    return render_confirm(
        request,
        coalition,
        title=_("Conclusie verwijderen"),
        question=_("Wilt u deze conclusie verwijderen: “%(text)s”?") % {"text": conclusion.text},
        cancel_url=record_url(session, "conclusies"),
        crumbs=session_crumbs(session),
    )


def _action_home(action: Action) -> str:
    if action.session_id:
        return record_url(action.session, "acties")
    return cycle_url(action.cycle, "acties")


def _action_crumbs(action: Action):
    return session_crumbs(action.session) if action.session_id else cycle_crumbs(action.cycle)


@login_required
def action_list(request, slug):
    """Every action of the coalition, open ones first, with a filter on status."""
    coalition, can_edit = get_coalition_for_member(request.user, slug)
    status = request.GET.get("status", "")
    actions = (
        Action.objects.filter(cycle__coalition=coalition)
        .select_related("cycle", "session", "goal", "activity")
        .prefetch_related("continuations__cycle")
        .order_by("-cycle__started_on", "cycle_id", "session_id", "id")
    )
    if status in ActionStatus.values:
        actions = actions.filter(status=status)
    else:
        status = ""
    return render(
        request,
        "interpretation/action_list.html",
        {
            "coalition": coalition,
            "can_edit": can_edit,
            "actions": list(actions),
            "open_actions": list(cycles.open_actions(coalition)),
            "status": status,
            "statuses": ActionStatus.choices,
            "title": _("Acties"),
        },
    )


@login_required
def action_edit(request, slug, action_id):
    coalition = get_coalition_for_editor(request.user, slug)
    action = get_action(coalition, action_id)
    form = ActionForm(form_data(request), instance=action, coalition=coalition)
    if form.is_valid():
        form.save()
        messages.success(request, _("De actie is opgeslagen."))
        return redirect(next_url(request, _action_home(action)))
    context_line = ""
    if action.carried_over_from_id:
        context_line = _("Meegenomen uit de vorige ronde (%(cycle)s).") % {
            "cycle": action.carried_over_from.cycle
        }
    return render_form(
        request,
        coalition,
        form,
        title=_("Actie wijzigen"),
        context_line=context_line,
        cancel_url=next_url(request, _action_home(action)),
        crumbs=_action_crumbs(action),
    )


@login_required
def action_delete(request, slug, action_id):
    coalition = get_coalition_for_editor(request.user, slug)
    action = get_action(coalition, action_id)
    if request.method == "POST":
        home = _action_home(action)
        action.delete()
        messages.success(request, _("De actie is verwijderd."))
        return redirect(home)
    return render_confirm(
        request,
        coalition,
        title=_("Actie verwijderen"),
        question=_("Wilt u deze actie verwijderen: “%(what)s”?") % {"what": action.what},
        cancel_url=_action_home(action),
        crumbs=_action_crumbs(action),
    )
