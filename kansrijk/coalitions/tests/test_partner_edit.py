import pytest
from django.urls import reverse

from kansrijk.testing.factories import PartnerFactory

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, partner):
    return reverse("coalitions:partner-edit", args=[coalition.slug, partner.pk])


def test_it_saves_name_and_domain(client, owner, partner, url):
    client.force_login(owner)
    client.post(url, {"name": "Verloskundigen De Wieg", "domain": "other"})
    partner.refresh_from_db()
    assert (partner.name, partner.domain) == ("Verloskundigen De Wieg", "other")


def test_it_keeps_its_own_name_without_complaining(client, owner, partner, url):
    client.force_login(owner)
    response = client.post(url, {"name": partner.name, "domain": "social"})
    assert response.status_code == 302


def test_it_does_not_edit_a_partner_of_another_coalition(client, owner, coalition, other_coalition):
    foreign = PartnerFactory(coalition=other_coalition, name="Van elders")
    client.force_login(owner)
    url = reverse("coalitions:partner-edit", args=[coalition.slug, foreign.pk])
    assert client.post(url, {"name": "Gekaapt", "domain": "social"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.name == "Van elders"


def test_it_forbids_editors(client, editor, url):
    assert_forbidden_for(client, editor, url)


def test_it_forbids_viewers(client, member, url):
    assert_forbidden_for(client, member, url)


def test_it_hides_the_page_from_outsiders(client, outsider, url):
    assert_hidden_from(client, outsider, url)


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
