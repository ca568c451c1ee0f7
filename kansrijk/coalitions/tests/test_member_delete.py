import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kansrijk.coalitions.models import Membership, Role

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, membership):
    return reverse("coalitions:member-delete", args=[coalition.slug, membership.pk])


def test_it_asks_for_confirmation_first(client, owner, member, membership, url):
    client.force_login(owner)
    content = client.get(url).content.decode()
    assert (
        f"Wilt u {member.username} uit de coalitie Kansrijk Voorbeeldstad verwijderen?" in content
    )
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_it_removes_the_membership_but_not_the_account(client, owner, member, membership, url):
    client.force_login(owner)
    client.post(url)
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_it_does_not_remove_the_last_coordinator(client, owner, coalition):
    mine = Membership.objects.get(user=owner, coalition=coalition)
    client.force_login(owner)
    url = reverse("coalitions:member-delete", args=[coalition.slug, mine.pk])
    response = client.post(url)
    assert response.status_code == 200
    assert "minstens één coördinator" in response.content.decode()
    assert Membership.objects.filter(pk=mine.pk).exists()


def test_a_coordinator_may_leave_when_another_remains(client, owner, coalition, membership):
    Membership.objects.filter(pk=membership.pk).update(role=Role.COORDINATOR)
    mine = Membership.objects.get(user=owner, coalition=coalition)
    client.force_login(owner)
    url = reverse("coalitions:member-delete", args=[coalition.slug, mine.pk])
    response = client.post(url)
    assert not Membership.objects.filter(pk=mine.pk).exists()
    assert response.url == reverse("coalitions:coalition-list")


def test_it_does_not_remove_a_member_of_another_coalition(client, owner, coalition, outsider):
    foreign = Membership.objects.get(user=outsider)
    client.force_login(owner)
    url = reverse("coalitions:member-delete", args=[coalition.slug, foreign.pk])
    assert client.post(url).status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_it_forbids_editors(client, editor, membership, url):
    assert_forbidden_for(client, editor, url)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_it_forbids_viewers(client, member, membership, url):
    assert_forbidden_for(client, member, url)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_it_hides_the_page_from_outsiders(client, outsider, membership, url):
    assert_hidden_from(client, outsider, url)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
