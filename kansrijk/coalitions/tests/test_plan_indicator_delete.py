import pytest
from django.urls import reverse

from kansrijk.catalog.models import Indicator
from kansrijk.coalitions.models import PlanIndicator
from kansrijk.testing.factories import PlanIndicatorFactory

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, goal_link):
    return reverse("coalitions:plan-indicator-delete", args=[coalition.slug, goal_link.pk])


def test_it_asks_for_confirmation_first(client, owner, goal_link, url):
    client.force_login(owner)
    content = client.get(url).content.decode()
    assert f"Wilt u de indicator “{goal_link.indicator.name_nl}” loskoppelen" in content
    assert PlanIndicator.objects.filter(pk=goal_link.pk).exists()


def test_it_removes_the_link_but_keeps_the_indicator(client, owner, goal, goal_link, url):
    client.force_login(owner)
    response = client.post(url)
    assert not PlanIndicator.objects.filter(pk=goal_link.pk).exists()
    assert Indicator.objects.filter(pk=goal_link.indicator_id).exists()
    assert response.url.endswith(f"#doel-{goal.pk}")


def test_it_lets_an_editor_remove_a_link(client, editor, goal_link, url):
    client.force_login(editor)
    client.post(url)
    assert not PlanIndicator.objects.filter(pk=goal_link.pk).exists()


def test_it_does_not_remove_a_link_of_another_coalition(client, owner, coalition, other_coalition):
    foreign = PlanIndicatorFactory(goal__ambition__coalition=other_coalition)
    client.force_login(owner)
    url = reverse("coalitions:plan-indicator-delete", args=[coalition.slug, foreign.pk])
    assert client.post(url).status_code == 404
    assert PlanIndicator.objects.filter(pk=foreign.pk).exists()


def test_it_forbids_viewers(client, member, goal_link, url):
    assert_forbidden_for(client, member, url)
    assert PlanIndicator.objects.filter(pk=goal_link.pk).exists()


def test_it_hides_the_page_from_outsiders(client, outsider, goal_link, url):
    assert_hidden_from(client, outsider, url)
    assert PlanIndicator.objects.filter(pk=goal_link.pk).exists()


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
