"""Every page of the ``interpretation`` namespace, walked from the URL configuration: anonymous
users go to the login page, outsiders get a 404, objects of another coalition are a 404,
viewers may read but not write (403), and editors and coordinators may open every page."""

import pytest
from django.urls import reverse

from kansrijk.coalitions.tests.checks import (
    assert_forbidden_for,
    assert_hidden_from,
    assert_login_required,
)
from kansrijk.interpretation import urls as interpretation_urls
from kansrijk.interpretation.recording import add_note, record_action, record_conclusion

REQUIRED_ROLE = {
    "cycle-list": "viewer",
    "cycle-detail": "viewer",
    "session-detail": "viewer",
    "action-list": "viewer",
    "cycle-create": "editor",
    "cycle-edit": "editor",
    "cycle-close": "editor",
    "session-create": "editor",
    "session-edit": "editor",
    "session-delete": "editor",
    "session-record": "editor",
    "note-delete": "editor",
    "conclusion-edit": "editor",
    "conclusion-delete": "editor",
    "action-edit": "editor",
    "action-delete": "editor",
}

PATTERNS = {pattern.name: pattern for pattern in interpretation_urls.urlpatterns}
ALL_PAGES = sorted(PATTERNS)
OBJECT_PAGES = [name for name in ALL_PAGES if PATTERNS[name].pattern.converters]
READ_PAGES = [name for name in ALL_PAGES if REQUIRED_ROLE[name] == "viewer"]
WRITE_PAGES = [name for name in ALL_PAGES if REQUIRED_ROLE[name] == "editor"]


def _objects(session):
    return {
        "cycle_id": session.cycle_id,
        "session_id": session.pk,
        "note_id": add_note(session, "Opvallend veel uitval.").pk,
        "conclusion_id": record_conclusion(session, "Meer inzet nodig.").pk,
        "action_id": record_action(session, "Cursus aanpassen").pk,
    }


@pytest.fixture
def own_objects(bare_session):
    return _objects(bare_session)


@pytest.fixture
def foreign_objects(elsewhere_session):
    return _objects(elsewhere_session)


def url_for(name, coalition, objects):
    kwargs = {key: objects[key] for key in PATTERNS[name].pattern.converters}
    return reverse(f"interpretation:{name}", kwargs={"slug": coalition.slug, **kwargs})


def test_every_page_is_classified():
    assert set(ALL_PAGES) == set(REQUIRED_ROLE)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_it_sends_anonymous_users_to_the_login_page(client, coalition, own_objects, name):
    assert_login_required(client, url_for(name, coalition, own_objects))


@pytest.mark.parametrize("name", ALL_PAGES)
def test_it_hides_every_page_from_outsiders(client, coalition, own_objects, outsider, name):
    assert_hidden_from(client, outsider, url_for(name, coalition, own_objects))


@pytest.mark.parametrize("name", OBJECT_PAGES)
def test_it_refuses_objects_of_another_coalition(client, coalition, foreign_objects, owner, name):
    assert_hidden_from(client, owner, url_for(name, coalition, foreign_objects))


@pytest.mark.parametrize("name", WRITE_PAGES)
def test_it_forbids_viewers_every_write_page(client, coalition, own_objects, member, name):
    assert_forbidden_for(client, member, url_for(name, coalition, own_objects))


@pytest.mark.parametrize("name", READ_PAGES)
def test_it_lets_viewers_read(client, coalition, own_objects, member, name):
    client.force_login(member)
    assert client.get(url_for(name, coalition, own_objects)).status_code == 200


@pytest.mark.parametrize("name", ALL_PAGES)
def test_it_lets_editors_open_every_page(client, coalition, own_objects, editor, name):
    client.force_login(editor)
    assert client.get(url_for(name, coalition, own_objects)).status_code == 200


@pytest.mark.parametrize("name", ALL_PAGES)
def test_it_lets_the_coordinator_open_every_page(client, coalition, own_objects, owner, name):
    client.force_login(owner)
    assert client.get(url_for(name, coalition, own_objects)).status_code == 200


def test_viewers_see_no_write_links(client, coalition, bare_session, member):
    session = bare_session
    client.force_login(member)
    page = client.get(url_for("session-detail", coalition, {"session_id": session.pk}))
    html = page.content.decode()
    assert (
        reverse(
            "interpretation:session-record",
            kwargs={"slug": coalition.slug, "session_id": session.pk},
        )
        not in html
    )
    assert "Sessie wijzigen" not in html
