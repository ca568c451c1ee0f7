import pytest
from django.urls import reverse

from kansrijk.coalitions.models import PlanIndicator
from kansrijk.testing.factories import ActivityFactory

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, activity):
    return reverse("coalitions:activity-indicator-create", args=[coalition.slug, activity.pk])


def test_it_links_an_indicator_to_the_activity(client, owner, activity, indicator, url):
    client.force_login(owner)
    response = client.post(
        url, {"indicator": indicator.pk, "target_value": "75", "target_year": "2026"}
    )
    link = PlanIndicator.objects.get(activity=activity)
    assert link.goal is None
    assert (link.indicator, link.target_value, link.direction) == (indicator, 75.0, "lower")
    assert response.url.endswith(f"#activiteit-{activity.pk}")


def test_it_refuses_an_indicator_already_linked_to_the_activity(client, owner, activity_link, url):
    client.force_login(owner)
    response = client.post(url, {"indicator": activity_link.indicator.pk})
    assert response.context["form"].errors["indicator"] == [
        "Deze indicator is al gekoppeld aan deze activiteit."
    ]


def test_it_allows_an_indicator_of_the_goal_on_its_activity_too(
    client, owner, goal_link, activity, indicator, url
):
    client.force_login(owner)
    client.post(url, {"indicator": indicator.pk})
    assert PlanIndicator.objects.filter(activity=activity, indicator=indicator).exists()


def test_it_lets_an_editor_link_an_indicator(client, editor, activity, indicator, url):
    client.force_login(editor)
    client.post(url, {"indicator": indicator.pk})
    assert PlanIndicator.objects.filter(activity=activity).exists()


def test_it_does_not_link_to_an_activity_of_another_coalition(
    client, owner, coalition, other_coalition, indicator
):
    foreign = ActivityFactory(goal__ambition__coalition=other_coalition)
    client.force_login(owner)
    url = reverse("coalitions:activity-indicator-create", args=[coalition.slug, foreign.pk])
    assert client.post(url, {"indicator": indicator.pk}).status_code == 404
    assert not PlanIndicator.objects.exists()


def test_it_forbids_viewers(client, member, url):
    assert_forbidden_for(client, member, url)


def test_it_hides_the_page_from_outsiders(client, outsider, url):
    assert_hidden_from(client, outsider, url)


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
