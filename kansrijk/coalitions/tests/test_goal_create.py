import pytest
from django.urls import reverse

from kansrijk.coalitions.models import Goal
from kansrijk.testing.factories import AmbitionFactory, GoalFactory

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, ambition):
    return reverse("coalitions:goal-create", args=[coalition.slug, ambition.pk])


def test_it_has_a_dutch_path(url, ambition):
    assert url == f"/coalities/voorbeeldstad/plan/ambities/{ambition.pk}/doelen/nieuw/"


def test_it_names_the_ambition_on_the_form(client, owner, url):
    client.force_login(owner)
    response = client.get(url)
    assert "Bij de ambitie “Ieder kind een kansrijke start”" in response.content.decode()


def test_it_adds_a_goal_at_the_end_of_the_ambition(client, owner, ambition, url):
    GoalFactory(ambition=ambition, position=3)
    client.force_login(owner)
    response = client.post(url, {"title": "Minder roken in de zwangerschap"})
    goal = Goal.objects.get(title="Minder roken in de zwangerschap")
    assert goal.ambition == ambition
    assert goal.position == 4
    assert response.url.endswith(f"#doel-{goal.pk}")


def test_it_lets_an_editor_add_a_goal(client, editor, ambition, url):
    client.force_login(editor)
    client.post(url, {"title": "Doel van de redacteur"})
    assert ambition.goals.filter(title="Doel van de redacteur").exists()


def test_it_requires_a_title(client, owner, ambition, url):
    client.force_login(owner)
    response = client.post(url, {"title": ""})
    assert response.context["form"].errors["title"] == ["“Titel” is verplicht."]
    assert not ambition.goals.exists()


def test_it_does_not_add_a_goal_to_an_ambition_of_another_coalition(
    client, owner, coalition, other_coalition
):
    foreign = AmbitionFactory(coalition=other_coalition)
    client.force_login(owner)
    url = reverse("coalitions:goal-create", args=[coalition.slug, foreign.pk])
    assert client.post(url, {"title": "Ingeslopen"}).status_code == 404
    assert not foreign.goals.exists()


def test_it_forbids_viewers(client, member, ambition, url):
    assert_forbidden_for(client, member, url)
    assert not ambition.goals.exists()


def test_it_hides_the_page_from_outsiders(client, outsider, ambition, url):
    assert_hidden_from(client, outsider, url)
    assert not ambition.goals.exists()


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
