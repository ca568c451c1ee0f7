import pytest
from django.urls import reverse

from kansrijk.coalitions.models import Activity, Goal

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, goal):
    return reverse("coalitions:goal-delete", args=[coalition.slug, goal.pk])


def test_it_asks_for_confirmation_first(client, owner, goal, url):
    client.force_login(owner)
    response = client.get(url)
    assert "Wilt u het doel “Minder kinderen met een laag geboortegewicht” verwijderen?" in (
        response.content.decode()
    )
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_it_deletes_the_goal_with_its_activities(client, owner, ambition, goal, activity, url):
    client.force_login(owner)
    response = client.post(url)
    assert not Goal.objects.filter(pk=goal.pk).exists()
    assert not Activity.objects.filter(pk=activity.pk).exists()
    assert response.url.endswith(f"#ambitie-{ambition.pk}")


def test_it_lets_an_editor_delete(client, editor, goal, url):
    client.force_login(editor)
    client.post(url)
    assert not Goal.objects.filter(pk=goal.pk).exists()


def test_it_forbids_viewers(client, member, goal, url):
    assert_forbidden_for(client, member, url)
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_it_hides_the_page_from_outsiders(client, outsider, goal, url):
    assert_hidden_from(client, outsider, url)
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
