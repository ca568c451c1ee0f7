"""The list of the user's coalitions and a coalition's overview page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..access import get_membership_for_member, memberships_of
from ..models import Role
from ..overview import coalition_overview


@login_required
def coalition_list(request):
    return render(
        request, "coalitions/coalition_list.html", {"memberships": memberships_of(request.user)}
    )


@login_required
def coalition_detail(request, slug):
    membership = get_membership_for_member(request.user, slug)
    is_coordinator = membership.role == Role.COORDINATOR
    overview = coalition_overview(membership.coalition, include_members=is_coordinator)
    return render(
        request,
        "coalitions/coalition_detail.html",
        {
            "coalition": membership.coalition,
            "overview": overview,
            "can_edit": membership.can_edit,
            "is_coordinator": is_coordinator,
        },
    )
