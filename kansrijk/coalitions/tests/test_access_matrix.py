"""Every page of the ``coalitions`` namespace, walked from the URL configuration.

A new page fails these tests until it is classified in ``REQUIRED_ROLE`` and its URL arguments
are known to ``own_kwargs``; once it is, it must send anonymous users to the login page, hide
itself from outsiders (404), refuse objects of another coalition (404) and refuse members below
the required role (403).
"""

import pytest
from django.urls import reverse

from kansrijk.coalitions import urls as coalition_urls

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required

# The least role each page needs; None = not tied to one coalition.
REQUIRED_ROLE = {
    "coalition-list": None,
    "coalition-detail": "viewer",
    "ambition-create": "editor",
    "ambition-edit": "editor",
    "ambition-delete": "editor",
    "goal-create": "editor",
    "goal-edit": "editor",
    "goal-delete": "editor",
    "activity-create": "editor",
    "activity-edit": "editor",
    "activity-delete": "editor",
    "goal-indicator-create": "editor",
    "activity-indicator-create": "editor",
    "plan-indicator-edit": "editor",
    "plan-indicator-delete": "editor",
    "partner-list": "coordinator",
    "partner-create": "coordinator",
    "partner-edit": "coordinator",
    "partner-delete": "coordinator",
    "member-list": "coordinator",
    "member-edit": "coordinator",
    "member-delete": "coordinator",
}

PATTERNS = {pattern.name: pattern for pattern in coalition_urls.urlpatterns}
ALL_PAGES = sorted(PATTERNS)
COALITION_PAGES = [name for name in ALL_PAGES if "slug" in PATTERNS[name].pattern.converters]
OBJECT_PAGES = [name for name in COALITION_PAGES if len(PATTERNS[name].pattern.converters) > 1]
WRITE_PAGES = [name for name in ALL_PAGES if REQUIRED_ROLE.get(name) in ("editor", "coordinator")]
COORDINATOR_PAGES = [name for name in ALL_PAGES if REQUIRED_ROLE.get(name) == "coordinator"]
EDITOR_PAGES = [name for name in ALL_PAGES if REQUIRED_ROLE.get(name) == "editor"]


@pytest.fixture
def own_kwargs(coalition, ambition, goal, activity, goal_link, partner, membership, owner, editor):
    return {
        "slug": coalition.slug,
        "ambition_id": ambition.pk,
        "goal_id": goal.pk,
        "activity_id": activity.pk,
        "link_id": goal_link.pk,
        "partner_id": partner.pk,
        "membership_id": membership.pk,
    }


def url_for(name, kwargs):
    names = PATTERNS[name].pattern.converters
    return reverse(f"coalitions:{name}", kwargs={key: kwargs[key] for key in names})


def test_every_page_is_classified():
    assert set(ALL_PAGES) == set(REQUIRED_ROLE)


def test_only_the_list_of_coalitions_is_outside_one_coalition():
    assert [name for name in ALL_PAGES if name not in COALITION_PAGES] == ["coalition-list"]


def test_the_tests_know_every_url_argument(own_kwargs):
    for pattern in PATTERNS.values():
        assert set(pattern.pattern.converters) <= set(own_kwargs), pattern.name


@pytest.mark.parametrize("name", ALL_PAGES)
def test_it_sends_anonymous_users_to_the_login_page(client, own_kwargs, name):
    assert_login_required(client, url_for(name, own_kwargs))


@pytest.mark.parametrize("name", COALITION_PAGES)
def test_it_hides_every_coalition_page_from_outsiders(client, own_kwargs, outsider, name):
    assert_hidden_from(client, outsider, url_for(name, own_kwargs))


@pytest.mark.parametrize("name", OBJECT_PAGES)
def test_it_refuses_objects_of_another_coalition(client, own_kwargs, foreign_plan, owner, name):
    kwargs = {**foreign_plan, "slug": own_kwargs["slug"]}
    assert_hidden_from(client, owner, url_for(name, kwargs))


@pytest.mark.parametrize("name", WRITE_PAGES)
def test_it_forbids_viewers_every_write_page(client, own_kwargs, member, name):
    assert_forbidden_for(client, member, url_for(name, own_kwargs))


@pytest.mark.parametrize("name", COORDINATOR_PAGES)
def test_it_forbids_editors_the_coordinator_pages(client, own_kwargs, editor, name):
    assert_forbidden_for(client, editor, url_for(name, own_kwargs))


@pytest.mark.parametrize("name", EDITOR_PAGES)
def test_it_lets_editors_open_the_plan_pages(client, own_kwargs, editor, name):
    client.force_login(editor)
    assert client.get(url_for(name, own_kwargs)).status_code == 200


@pytest.mark.parametrize("name", ALL_PAGES)
def test_it_lets_the_coordinator_open_every_page(client, own_kwargs, owner, name):
    client.force_login(owner)
    assert client.get(url_for(name, own_kwargs)).status_code == 200
