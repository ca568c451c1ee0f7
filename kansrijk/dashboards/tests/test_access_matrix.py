"""Every page of the ``dashboards`` and ``public`` namespaces, walked from the URL
configuration.

Members' pages send anonymous users to the login page, are a 404 for outsiders and a 403 for
members below the required role. Public pages need no login and are a 404 for anything that
is not published: an unknown coalition, a coalition whose public page is off, an indicator
that is not published.
"""

import pytest
from django.urls import reverse

from kansrijk.coalitions.tests.checks import (
    assert_forbidden_for,
    assert_hidden_from,
    assert_login_required,
)
from kansrijk.dashboards import public_urls, urls
from kansrijk.dashboards.composing import open_public_page, publish

REQUIRED_ROLE = {"dashboard": "viewer", "council": "viewer", "compose": "coordinator"}
PUBLIC_PAGES = {"dashboard", "indicator", "chart"}

PATTERNS = {pattern.name: pattern for pattern in urls.urlpatterns}
PUBLIC_PATTERNS = {pattern.name: pattern for pattern in public_urls.urlpatterns}


@pytest.fixture
def published(coalition, town):
    """``openbaar`` is published (with figures, so it has a trend chart), ``geheim`` not."""
    shown = town.add("openbaar")
    town.add("geheim")
    publish(coalition, shown)
    open_public_page(coalition)
    return shown


def url_for(name, slug="voorbeeldstad"):
    return reverse(f"dashboards:{name}", kwargs={"slug": slug})


def public_url(name, slug="voorbeeldstad", code="openbaar"):
    kwargs = {"slug": slug, "code": code, "chart": "trend", "fmt": "svg"}
    names = ["slug", *PUBLIC_PATTERNS[name].pattern.converters]
    return reverse(f"public:{name}", kwargs={key: kwargs[key] for key in names})


def test_every_page_is_classified():
    assert set(PATTERNS) == set(REQUIRED_ROLE)
    assert set(PUBLIC_PATTERNS) == PUBLIC_PAGES


@pytest.mark.parametrize("name", sorted(REQUIRED_ROLE))
def test_it_sends_anonymous_users_to_the_login_page(client, coalition, name):
    assert_login_required(client, url_for(name))


@pytest.mark.parametrize("name", sorted(REQUIRED_ROLE))
def test_it_hides_every_page_from_outsiders(client, coalition, outsider, name):
    assert_hidden_from(client, outsider, url_for(name))


@pytest.mark.parametrize("name", sorted(REQUIRED_ROLE))
def test_it_hides_every_page_of_an_unknown_coalition(client, owner, name):
    assert_hidden_from(client, owner, url_for(name, slug="bestaat-niet"))


@pytest.mark.parametrize("name", [n for n, role in REQUIRED_ROLE.items() if role != "viewer"])
def test_it_forbids_editors_and_viewers_the_coordinator_pages(
    client, coalition, editor, member, name
):
    assert_forbidden_for(client, editor, url_for(name))
    assert_forbidden_for(client, member, url_for(name))


@pytest.mark.parametrize("name", [n for n, role in REQUIRED_ROLE.items() if role == "viewer"])
def test_it_lets_every_member_read(client, coalition, member, name):
    client.force_login(member)
    assert client.get(url_for(name)).status_code == 200


@pytest.mark.parametrize("name", sorted(REQUIRED_ROLE))
def test_it_lets_the_coordinator_open_every_page(client, coalition, owner, name):
    client.force_login(owner)
    assert client.get(url_for(name)).status_code == 200


@pytest.mark.parametrize("name", sorted(PUBLIC_PAGES))
def test_anonymous_visitors_open_published_pages(client, published, name):
    assert client.get(public_url(name)).status_code == 200


@pytest.mark.parametrize("name", sorted(PUBLIC_PAGES))
@pytest.mark.parametrize(
    "where",
    [
        {"slug": "bestaat-niet"},
        {"slug": "elders"},  # exists, public page off
        {"code": "geheim"},  # in the plan, not published
        {"code": "bestaat-niet"},
    ],
)
def test_anything_unpublished_is_a_404_for_everyone(
    client, published, other_coalition, member, name, where
):
    if name == "dashboard" and "code" in where:
        return  # the public home has no indicator in its URL
    url = public_url(name, **where)
    assert client.get(url).status_code == 404
    client.force_login(member)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name", sorted(PUBLIC_PAGES))
def test_public_pages_refuse_to_be_written_to(client, published, name):
    assert client.post(public_url(name)).status_code == 405
