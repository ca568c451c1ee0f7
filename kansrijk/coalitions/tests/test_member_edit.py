import pytest
from django.urls import reverse

from kansrijk.coalitions.models import Membership, Role
from kansrijk.testing.factories import PartnerFactory

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, membership):
    return reverse("coalitions:member-edit", args=[coalition.slug, membership.pk])


def test_it_changes_role_and_organisation(client, owner, coalition, membership, partner, url):
    client.force_login(owner)
    response = client.post(url, {"role": "editor", "partner": partner.pk})
    membership.refresh_from_db()
    assert (membership.role, membership.partner) == (Role.EDITOR, partner)
    assert response.url == reverse("coalitions:member-list", args=[coalition.slug])


def test_it_offers_only_the_coalitions_partners(client, owner, other_coalition, membership, url):
    foreign = PartnerFactory(coalition=other_coalition)
    client.force_login(owner)
    response = client.post(url, {"role": "editor", "partner": foreign.pk})
    assert response.context["form"].errors["partner"] == [
        "Kies een van de mogelijkheden bij “Organisatie”."
    ]
    membership.refresh_from_db()
    assert membership.partner is None


def test_it_does_not_demote_the_last_coordinator(client, owner, coalition, url):
    mine = Membership.objects.get(user=owner, coalition=coalition)
    client.force_login(owner)
    url = reverse("coalitions:member-edit", args=[coalition.slug, mine.pk])
    response = client.post(url, {"role": "viewer"})
    assert response.status_code == 200
    assert "minstens één coördinator" in response.context["form"].errors["role"][0]
    mine.refresh_from_db()
    assert mine.role == Role.COORDINATOR


def test_a_coordinator_may_step_down_when_another_remains(client, owner, coalition, membership):
    membership.role = Role.COORDINATOR
    membership.save()
    mine = Membership.objects.get(user=owner, coalition=coalition)
    client.force_login(owner)
    url = reverse("coalitions:member-edit", args=[coalition.slug, mine.pk])
    response = client.post(url, {"role": "editor"})
    mine.refresh_from_db()
    assert mine.role == Role.EDITOR
    assert response.url == coalition.get_absolute_url()


def test_it_rejects_an_unknown_role(client, owner, membership, url):
    client.force_login(owner)
    response = client.post(url, {"role": "admin"})
    assert response.context["form"].errors["role"] == ["Kies een van de mogelijkheden bij “Rol”."]


def test_it_does_not_edit_a_member_of_another_coalition(client, owner, coalition, outsider):
    foreign = Membership.objects.get(user=outsider)
    client.force_login(owner)
    url = reverse("coalitions:member-edit", args=[coalition.slug, foreign.pk])
    assert client.post(url, {"role": "viewer"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.role == Role.COORDINATOR


def test_it_forbids_editors(client, editor, membership, url):
    assert_forbidden_for(client, editor, url)
    membership.refresh_from_db()
    assert membership.role == Role.VIEWER


def test_it_forbids_viewers(client, member, membership, url):
    assert_forbidden_for(client, member, url)
    membership.refresh_from_db()
    assert membership.role == Role.VIEWER


def test_it_hides_the_page_from_outsiders(client, outsider, membership, url):
    assert_hidden_from(client, outsider, url)
    membership.refresh_from_db()
    assert membership.role == Role.VIEWER


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
