"""The member list: coordinators change roles and remove members.

New users are added with the ``kansrijk users add`` command. A coalition always keeps at least
one coordinator.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..access import get_coalition_for_coordinator, get_member
from ..forms import MemberForm
from ..members import LastCoordinatorError, change_role, remove_member
from ..models import Role
from ..overview import members_of
from .common import form_data, render_confirm, render_form

LAST_COORDINATOR = gettext_lazy(
    "Een coalitie heeft altijd minstens één coördinator. Maak eerst een ander lid coördinator."
)


def _list_url(coalition) -> str:
    return reverse("coalitions:member-list", kwargs={"slug": coalition.slug})


@login_required
def member_list(request, slug):
    coalition = get_coalition_for_coordinator(request.user, slug)
    return render(
        request,
        "coalitions/member_list.html",
        {"coalition": coalition, "members": members_of(coalition)},
    )


@login_required
def member_edit(request, slug, membership_id):
    coalition = get_coalition_for_coordinator(request.user, slug)
    membership = get_member(coalition, membership_id)
    form = MemberForm(form_data(request), instance=membership, coalition=coalition)
    if form.is_valid():
        try:
            change_role(membership, **form.cleaned_data)
        except LastCoordinatorError:
            form.add_error("role", LAST_COORDINATOR)
        else:
            messages.success(
                request, _("De rol van %(user)s is opgeslagen.") % {"user": membership.user}
            )
            if membership.user == request.user and membership.role != Role.COORDINATOR:
                return redirect(coalition.get_absolute_url())
            return redirect(_list_url(coalition))
    return render_form(
        request,
        coalition,
        form,
        title=_("Rol wijzigen"),
        context_line=_("Lid: %(user)s") % {"user": membership.user},
        cancel_url=_list_url(coalition),
    )


@login_required
def member_delete(request, slug, membership_id):
    coalition = get_coalition_for_coordinator(request.user, slug)
    membership = get_member(coalition, membership_id)
    error = ""
    if request.method == "POST":
        try:
            remove_member(membership)
        except LastCoordinatorError:
            error = LAST_COORDINATOR
        else:
            messages.success(request, _("%(user)s is geen lid meer.") % {"user": membership.user})
            if membership.user == request.user:
                return redirect("coalitions:coalition-list")
            return redirect(_list_url(coalition))
    return render_confirm(
        request,
        coalition,
        title=_("Lid verwijderen"),
        question=_("Wilt u %(user)s uit de coalitie %(coalition)s verwijderen?")
        % {"user": membership.user, "coalition": coalition},
        consequence=_("Het account blijft bestaan; alleen het lidmaatschap verdwijnt."),
        cancel_url=_list_url(coalition),
        error=error,
    )
