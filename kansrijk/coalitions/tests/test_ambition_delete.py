import pytest
from django.test import Client
from django.urls import reverse

from kansrijk.coalitions.models import Activity, Ambition, Goal, PlanIndicator

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, ambition):
    return reverse("coalitions:ambition-delete", args=[coalition.slug, ambition.pk])


def test_it_asks_for_confirmation_first(client, owner, ambition, url):
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 200
    assert "Wilt u de ambitie “Ieder kind een kansrijke start” verwijderen?" in (
        response.content.decode()
    )
    assert '<form method="post">' in response.content.decode()
    assert Ambition.objects.filter(pk=ambition.pk).exists()


def test_it_deletes_the_ambition_and_everything_under_it(
    client, owner, ambition, activity, goal_link, activity_link, url
):
    client.force_login(owner)
    response = client.post(url)
    assert response.status_code == 302
    assert not Ambition.objects.filter(pk=ambition.pk).exists()
    assert not Goal.objects.exists()
    assert not Activity.objects.exists()
    assert not PlanIndicator.objects.exists()


def test_it_lets_an_editor_delete(client, editor, ambition, url):
    client.force_login(editor)
    client.post(url)
    assert not Ambition.objects.filter(pk=ambition.pk).exists()


def test_it_forbids_viewers(client, member, ambition, url):
    assert_forbidden_for(client, member, url)
    assert Ambition.objects.filter(pk=ambition.pk).exists()


def test_it_hides_the_page_from_outsiders(client, outsider, ambition, url):
    assert_hidden_from(client, outsider, url)
    assert Ambition.objects.filter(pk=ambition.pk).exists()


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)


def test_it_refuses_a_post_without_a_csrf_token(owner, ambition, url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.post(url).status_code == 403
    assert Ambition.objects.filter(pk=ambition.pk).exists()
