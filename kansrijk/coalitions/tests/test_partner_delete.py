import pytest
from django.urls import reverse

from kansrijk.coalitions.models import Activity, Membership, Partner

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, partner):
    return reverse("coalitions:partner-delete", args=[coalition.slug, partner.pk])


def test_it_asks_for_confirmation_first(client, owner, partner, url):
    client.force_login(owner)
    content = client.get(url).content.decode()
    assert "Wilt u de partner “Verloskundigenpraktijk De Wieg” verwijderen?" in content
    assert Partner.objects.filter(pk=partner.pk).exists()


def test_it_deletes_the_partner_but_keeps_activities_and_members(
    client, owner, coalition, activity, partner, url
):
    Membership.objects.filter(user=owner).update(partner=partner)
    client.force_login(owner)
    client.post(url)
    assert not Partner.objects.filter(pk=partner.pk).exists()
    assert Activity.objects.get(pk=activity.pk).partners.count() == 0
    assert Membership.objects.get(user=owner, coalition=coalition).partner is None


def test_it_forbids_editors(client, editor, partner, url):
    assert_forbidden_for(client, editor, url)
    assert Partner.objects.filter(pk=partner.pk).exists()


def test_it_forbids_viewers(client, member, partner, url):
    assert_forbidden_for(client, member, url)
    assert Partner.objects.filter(pk=partner.pk).exists()


def test_it_hides_the_page_from_outsiders(client, outsider, partner, url):
    assert_hidden_from(client, outsider, url)
    assert Partner.objects.filter(pk=partner.pk).exists()


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
