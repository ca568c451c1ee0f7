"""Every access decision about coalitions lives here.

Views call one helper and get ``(coalition, can_edit)`` back. Outsiders get a 404 (a
coalition's existence is not revealed), members without the right get a 403, anonymous
users are sent to the login page by the views' ``login_required``.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import EDIT_ROLES, Coalition, Membership, Role


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
