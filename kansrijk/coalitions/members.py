"""Changing and removing a coalition's members; a coalition always keeps a coordinator.

Adding users is done with the ``kansrijk users add`` command.
"""

from __future__ import annotations

from django.db import transaction

from .models import Membership, Partner, Role


class LastCoordinatorError(Exception):
    """The change would leave the coalition without a coordinator."""


def _is_last_coordinator(membership: Membership) -> bool:
    coordinators = list(
        Membership.objects.select_for_update()
        .filter(coalition_id=membership.coalition_id, role=Role.COORDINATOR)
        .values_list("pk", flat=True)
    )
    return coordinators == [membership.pk]


@transaction.atomic
def change_role(membership: Membership, *, role: str, partner: Partner | None = None) -> Membership:
    """Set the member's role and organisation; raises ``LastCoordinatorError``."""
    if role != Role.COORDINATOR and _is_last_coordinator(membership):
        raise LastCoordinatorError
    membership.role = role
    membership.partner = partner
    membership.save(update_fields=["role", "partner"])
    return membership


@transaction.atomic
def remove_member(membership: Membership) -> None:
    """Remove the member from the coalition, not the user account.

    Raises ``LastCoordinatorError`` for the only coordinator.
    """
    if _is_last_coordinator(membership):
        raise LastCoordinatorError
    membership.delete()
