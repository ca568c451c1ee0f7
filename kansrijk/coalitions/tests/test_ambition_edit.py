import pytest
from django.urls import reverse

from kansrijk.testing.factories import AmbitionFactory

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, ambition):
    return reverse("coalitions:ambition-edit", args=[coalition.slug, ambition.pk])


def test_it_shows_the_current_values(client, owner, url):
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 200
    assert 'value="Ieder kind een kansrijke start"' in response.content.decode()


def test_it_saves_the_changes(client, owner, ambition, url):
    client.force_login(owner)
    response = client.post(url, {"title": "Nieuwe titel", "description": "Uitleg", "position": 4})
    ambition.refresh_from_db()
    assert (ambition.title, ambition.description, ambition.position) == (
        "Nieuwe titel",
        "Uitleg",
        4,
    )
    assert response.url.endswith(f"#ambitie-{ambition.pk}")


def test_it_keeps_the_position_when_left_empty(client, owner, ambition, url):
    ambition.position = 7
    ambition.save()
    client.force_login(owner)
    client.post(url, {"title": "Nieuwe titel", "position": ""})
    ambition.refresh_from_db()
    assert ambition.position == 7


def test_it_rejects_a_position_out_of_range(client, owner, url):
    client.force_login(owner)
    response = client.post(url, {"title": "Titel", "position": "40000"})
    assert response.context["form"].errors["position"] == [
        "“Volgorde” moet tussen 0 en 32767 liggen."
    ]


def test_it_rejects_a_position_that_is_not_a_number(client, owner, url):
    client.force_login(owner)
    response = client.post(url, {"title": "Titel", "position": "eerst"})
    assert response.context["form"].errors["position"] == ["“Volgorde” moet een geheel getal zijn."]


def test_it_lets_an_editor_edit(client, editor, ambition, url):
    client.force_login(editor)
    client.post(url, {"title": "Door de redacteur"})
    ambition.refresh_from_db()
    assert ambition.title == "Door de redacteur"


def test_it_does_not_edit_an_ambition_of_another_coalition(
    client, owner, coalition, other_coalition
):
    foreign = AmbitionFactory(coalition=other_coalition, title="Van elders")
    client.force_login(owner)
    url = reverse("coalitions:ambition-edit", args=[coalition.slug, foreign.pk])
    assert client.post(url, {"title": "Gekaapt"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.title == "Van elders"


def test_it_returns_404_for_an_id_beyond_the_database_range(client, owner, coalition):
    client.force_login(owner)
    url = reverse("coalitions:ambition-edit", args=[coalition.slug, 10**30])
    assert client.get(url).status_code == 404


def test_it_forbids_viewers(client, member, ambition, url):
    assert_forbidden_for(client, member, url)
    ambition.refresh_from_db()
    assert ambition.title == "Ieder kind een kansrijke start"


def test_it_hides_the_page_from_outsiders(client, outsider, url):
    assert_hidden_from(client, outsider, url)


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
