import pytest
from django.urls import reverse

from kansrijk.testing.factories import GoalFactory

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, goal):
    return reverse("coalitions:goal-edit", args=[coalition.slug, goal.pk])


def test_it_shows_the_current_values(client, owner, url):
    client.force_login(owner)
    response = client.get(url)
    assert 'value="Minder kinderen met een laag geboortegewicht"' in response.content.decode()


def test_it_saves_the_changes(client, owner, goal, url):
    client.force_login(owner)
    response = client.post(url, {"title": "Gezond geboortegewicht", "position": "2"})
    goal.refresh_from_db()
    assert (goal.title, goal.position) == ("Gezond geboortegewicht", 2)
    assert response.url.endswith(f"#doel-{goal.pk}")


def test_it_lets_an_editor_edit(client, editor, goal, url):
    client.force_login(editor)
    client.post(url, {"title": "Door de redacteur"})
    goal.refresh_from_db()
    assert goal.title == "Door de redacteur"


def test_it_does_not_edit_a_goal_of_another_coalition(client, owner, coalition, other_coalition):
    foreign = GoalFactory(ambition__coalition=other_coalition, title="Van elders")
    client.force_login(owner)
    url = reverse("coalitions:goal-edit", args=[coalition.slug, foreign.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "Gekaapt"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.title == "Van elders"


def test_it_does_not_edit_a_goal_through_the_coalition_of_its_editor(
    client, outsider, coalition, goal, other_coalition
):
    """An outsider cannot reach our goal through their own coalition's URL either."""
    client.force_login(outsider)
    url = reverse("coalitions:goal-edit", args=[other_coalition.slug, goal.pk])
    assert client.post(url, {"title": "Gekaapt"}).status_code == 404
    goal.refresh_from_db()
    assert goal.title == "Minder kinderen met een laag geboortegewicht"


def test_it_forbids_viewers(client, member, url):
    assert_forbidden_for(client, member, url)


def test_it_hides_the_page_from_outsiders(client, outsider, url):
    assert_hidden_from(client, outsider, url)


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
