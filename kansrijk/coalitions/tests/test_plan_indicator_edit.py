import pytest
from django.urls import reverse

from kansrijk.testing.factories import IndicatorFactory, PlanIndicatorFactory

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition, goal_link):
    return reverse("coalitions:plan-indicator-edit", args=[coalition.slug, goal_link.pk])


def test_it_shows_the_current_values(client, owner, url):
    client.force_login(owner)
    content = client.get(url).content.decode()
    assert 'value="8,5"' in content
    assert 'value="2022"' in content
    assert 'value="lower" id="id_direction_2" checked' in content


def test_it_saves_baseline_target_and_direction(client, owner, goal, goal_link, indicator, url):
    client.force_login(owner)
    response = client.post(
        url,
        {
            "indicator": indicator.pk,
            "baseline_value": "9",
            "baseline_year": "2023",
            "target_value": "7,5",
            "target_year": "2030",
            "direction": "none",
        },
    )
    goal_link.refresh_from_db()
    assert (goal_link.baseline_value, goal_link.baseline_year) == (9.0, 2023)
    assert (goal_link.target_value, goal_link.target_year) == (7.5, 2030)
    assert goal_link.direction == "none"
    assert response.url.endswith(f"#doel-{goal.pk}")


def test_it_may_keep_the_same_indicator(client, owner, goal_link, indicator, url):
    client.force_login(owner)
    response = client.post(url, {"indicator": indicator.pk, "direction": "lower"})
    assert response.status_code == 302


def test_it_refuses_to_switch_to_an_indicator_the_goal_already_has(
    client, owner, goal, goal_link, url
):
    other = PlanIndicatorFactory(goal=goal, indicator=IndicatorFactory(code="roken"))
    client.force_login(owner)
    response = client.post(url, {"indicator": other.indicator.pk})
    assert response.context["form"].errors["indicator"] == [
        "Deze indicator is al gekoppeld aan dit doel."
    ]


def test_it_edits_a_link_on_an_activity(client, owner, coalition, activity, activity_link):
    client.force_login(owner)
    url = reverse("coalitions:plan-indicator-edit", args=[coalition.slug, activity_link.pk])
    response = client.post(
        url, {"indicator": activity_link.indicator.pk, "target_value": "80", "target_year": "2028"}
    )
    activity_link.refresh_from_db()
    assert activity_link.target_value == 80.0
    assert response.url.endswith(f"#activiteit-{activity.pk}")


def test_it_lets_an_editor_edit(client, editor, goal_link, indicator, url):
    client.force_login(editor)
    client.post(url, {"indicator": indicator.pk, "target_value": "5", "target_year": "2030"})
    goal_link.refresh_from_db()
    assert goal_link.target_value == 5.0


def test_it_does_not_edit_a_link_of_another_coalition(client, owner, coalition, other_coalition):
    foreign = PlanIndicatorFactory(goal__ambition__coalition=other_coalition, target_value=1)
    client.force_login(owner)
    url = reverse("coalitions:plan-indicator-edit", args=[coalition.slug, foreign.pk])
    assert (
        client.post(url, {"indicator": foreign.indicator.pk, "target_value": "99"}).status_code
        == 404
    )
    foreign.refresh_from_db()
    assert foreign.target_value == 1


def test_it_forbids_viewers(client, member, url):
    assert_forbidden_for(client, member, url)


def test_it_hides_the_page_from_outsiders(client, outsider, url):
    assert_hidden_from(client, outsider, url)


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
