from django.urls import reverse

from kansrijk.testing.factories import CoalitionFactory, UserFactory

URL = reverse("home")


def test_it_explains_the_monitor_in_plain_dutch(client, db):
    content = client.get(URL).content.decode()
    assert '<h2 id="what">Wat is deze monitor?</h2>' in content
    assert "de eerste 1000 dagen" in content
    assert '<h2 id="how">Hoe werkt het?</h2>' in content


def test_it_invites_anonymous_users_to_log_in(client, db):
    content = client.get(URL).content.decode()
    assert f'<a href="{reverse("login")}">Inloggen</a></h3>' in content
    assert "Uw coalities" not in content


def test_it_lists_the_coalitions_of_a_logged_in_user(client, owner, coalition):
    CoalitionFactory(name="Kansrijk Nergens", slug="nergens")
    client.force_login(owner)
    content = client.get(URL).content.decode()
    detail = reverse("coalitions:coalition-detail", args=[coalition.slug])
    assert f'<a href="{detail}">Kansrijk Voorbeeldstad</a>' in content
    assert "Uw rol: Coördinator" in content
    assert "Kansrijk Nergens" not in content


def test_it_tells_a_user_without_coalitions_what_to_do(client, db):
    client.force_login(UserFactory())
    assert "U bent nog geen lid van een coalitie." in client.get(URL).content.decode()


def test_it_marks_a_fictitious_coalition(client, owner, coalition):
    coalition.is_fictitious = True
    coalition.save()
    client.force_login(owner)
    assert "Fictieve gegevens (demo)" in client.get(URL).content.decode()
