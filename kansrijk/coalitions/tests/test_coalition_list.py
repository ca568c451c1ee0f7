from django.urls import reverse

from kansrijk.testing.factories import CoalitionFactory, MembershipFactory

from .checks import assert_login_required

URL = reverse("coalitions:coalition-list")


def test_it_lists_the_users_coalitions_with_their_role(client, owner, coalition):
    other = CoalitionFactory(name="Kansrijk Tweede", slug="tweede")
    MembershipFactory(user=owner, coalition=other, role="viewer")
    client.force_login(owner)
    response = client.get(URL)
    assert response.status_code == 200
    assert [m.coalition for m in response.context["memberships"]] == [other, coalition]  # by name
    assert "Uw rol: Coördinator" in response.content.decode()


def test_it_leaves_out_coalitions_the_user_is_not_in(client, outsider, coalition):
    client.force_login(outsider)
    response = client.get(URL)
    assert coalition.name not in response.content.decode()
    assert "Kansrijk Elders" in response.content.decode()


def test_it_marks_fictitious_coalitions(client, owner, coalition):
    coalition.is_fictitious = True
    coalition.save()
    client.force_login(owner)
    assert "Fictieve gegevens (demo)" in client.get(URL).content.decode()


def test_it_sends_anonymous_users_to_the_login_page(client):
    assert_login_required(client, URL)
