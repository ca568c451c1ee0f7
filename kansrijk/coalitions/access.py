"""Every access decision about coalitions lives here.

Views call one helper and get ``(coalition, can_edit)`` back. Outsiders get a 404 (a
coalition's existence is not revealed), members without the right get a 403, anonymous
users are sent to the login page by the views' ``login_required``.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import (
    EDIT_ROLES,
    Activity,
    Ambition,
    Coalition,
    Goal,
    Membership,
    Partner,
    PlanIndicator,
    Role,
)


def _membership(user, slug: str) -> Membership:
    if not user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("coalition")
        .filter(user=user, coalition__slug=slug)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def get_coalition_for_member(user, slug: str) -> tuple[Coalition, bool]:
    """Any member may read; returns the coalition and whether the user may edit."""
    membership = _membership(user, slug)
    return membership.coalition, membership.role in EDIT_ROLES


def get_coalition_for_editor(user, slug: str) -> Coalition:
    """Coordinators and editors may change the plan, own indicators and data."""
    membership = _membership(user, slug)
    if membership.role not in EDIT_ROLES:
        raise PermissionDenied
    return membership.coalition


def get_coalition_for_coordinator(user, slug: str) -> Coalition:
    """Only coordinators manage members and coalition settings."""
    membership = _membership(user, slug)
    if membership.role != Role.COORDINATOR:
        raise PermissionDenied
    return membership.coalition


def coalitions_of(user):
    """The coalitions a user belongs to (empty for anonymous users)."""
    if not user.is_authenticated:
        return Coalition.objects.none()
    return Coalition.objects.filter(memberships__user=user)


def role_in(user, coalition: Coalition) -> str | None:
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(user=user, coalition=coalition)
        .values_list("role", flat=True)
        .first()
    )


def get_membership_for_member(user, slug: str) -> Membership:
    """Like ``get_coalition_for_member``, but returns the membership (role and coalition)."""
    return _membership(user, slug)


def memberships_of(user):
    """The user's memberships with their coalitions, by coalition name."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.filter(user=user)
        .select_related("coalition")
        .order_by("coalition__name", "coalition_id")
    )


# Objects inside a coalition. An id from the URL is only ever looked up through the coalition
# it claims to belong to, so an id of another coalition's object is a 404.


def get_ambition(coalition: Coalition, ambition_id: int) -> Ambition:
    return get_object_or_404(Ambition, coalition=coalition, pk=ambition_id)


def get_goal(coalition: Coalition, goal_id: int) -> Goal:
    return get_object_or_404(
        Goal.objects.select_related("ambition"), ambition__coalition=coalition, pk=goal_id
    )


def get_activity(coalition: Coalition, activity_id: int) -> Activity:
    return get_object_or_404(
        Activity.objects.select_related("goal__ambition"),
        goal__ambition__coalition=coalition,
        pk=activity_id,
    )


def get_plan_indicator(coalition: Coalition, link_id: int) -> PlanIndicator:
    return get_object_or_404(
        PlanIndicator.objects.select_related("indicator", "goal", "activity__goal"),
        Q(goal__ambition__coalition=coalition) | Q(activity__goal__ambition__coalition=coalition),
        pk=link_id,
    )


def get_partner(coalition: Coalition, partner_id: int) -> Partner:
    return get_object_or_404(Partner, coalition=coalition, pk=partner_id)


def get_member(coalition: Coalition, membership_id: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user", "partner"), coalition=coalition, pk=membership_id
    )
