import pytest

from kansrijk.coalitions.members import LastCoordinatorError, change_role, remove_member
from kansrijk.coalitions.models import Membership, Role


def _membership(user, coalition):
    return Membership.objects.get(user=user, coalition=coalition)


def test_change_role_sets_role_and_partner(member, coalition, partner):
    membership = change_role(_membership(member, coalition), role=Role.EDITOR, partner=partner)
    membership.refresh_from_db()
    assert (membership.role, membership.partner) == (Role.EDITOR, partner)


def test_change_role_refuses_to_demote_the_last_coordinator(owner, member, coalition):
    with pytest.raises(LastCoordinatorError):
        change_role(_membership(owner, coalition), role=Role.EDITOR)
    assert _membership(owner, coalition).role == Role.COORDINATOR


def test_change_role_lets_a_coordinator_stay_coordinator(owner, coalition, partner):
    change_role(_membership(owner, coalition), role=Role.COORDINATOR, partner=partner)
    assert _membership(owner, coalition).partner == partner


def test_a_coordinator_of_another_coalition_does_not_count(owner, outsider, coalition):
    with pytest.raises(LastCoordinatorError):
        change_role(_membership(owner, coalition), role=Role.VIEWER)


def test_remove_member_removes_a_viewer(member, coalition):
    remove_member(_membership(member, coalition))
    assert not Membership.objects.filter(user=member, coalition=coalition).exists()


def test_remove_member_refuses_the_last_coordinator(owner, coalition):
    with pytest.raises(LastCoordinatorError):
        remove_member(_membership(owner, coalition))
    assert Membership.objects.filter(user=owner, coalition=coalition).exists()


def test_remove_member_allows_one_of_two_coordinators(owner, member, coalition):
    Membership.objects.filter(user=member).update(role=Role.COORDINATOR)
    remove_member(_membership(owner, coalition))
    assert list(Membership.objects.filter(coalition=coalition, role=Role.COORDINATOR)) == [
        _membership(member, coalition)
    ]
