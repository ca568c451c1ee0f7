import pytest
from django.urls import reverse

from .checks import assert_forbidden_for, assert_hidden_from, assert_login_required


@pytest.fixture
def url(coalition):
    return reverse("coalitions:member-list", kwargs={"slug": coalition.slug})


def test_it_lists_members_with_their_roles_coordinators_first(client, owner, editor, member, url):
    client.force_login(owner)
    response = client.get(url)
    assert [m.user for m in response.context["members"]] == [owner, editor, member]
    content = response.content.decode()
    assert "Coördinator" in content and "Redacteur" in content and "Lezer" in content


def test_it_leaves_out_members_of_other_coalitions(client, owner, outsider, url):
    client.force_login(owner)
    assert outsider.username not in client.get(url).content.decode()


def test_it_explains_how_new_users_are_added(client, owner, url):
    client.force_login(owner)
    assert "kansrijk users add" in client.get(url).content.decode()


def test_it_forbids_editors(client, editor, url):
    assert_forbidden_for(client, editor, url)


def test_it_forbids_viewers(client, member, url):
    assert_forbidden_for(client, member, url)


def test_it_hides_the_page_from_outsiders(client, outsider, url):
    assert_hidden_from(client, outsider, url)


def test_it_sends_anonymous_users_to_the_login_page(client, url):
    assert_login_required(client, url)
