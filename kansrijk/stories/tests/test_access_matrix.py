"""Every page of the ``stories`` namespace, walked from the URL configuration: anonymous users go
to the login page, outsiders get a 404, objects of another coalition are a 404, members below
the required role get a 403, and everyone allowed gets the page."""

import pytest
from django.conf import settings
from django.urls import reverse

from kansrijk.stories import urls as story_urls
from kansrijk.stories.models import Quote

from .factories import QuestionFactory, QuoteFactory, StoryFactory, StoryThemeFactory

REQUIRED_ROLE = {
    "story-list": "viewer",
    "story-export": "viewer",
    "overview": "viewer",
    "theme-list": "viewer",
    "story-detail": "viewer",
    "story-create": "editor",
    "review-list": "editor",
    "story-code": "editor",
    "quote-delete": "editor",
    "theme-create": "editor",
    "theme-edit": "editor",
    "theme-delete": "editor",
    "story-review": "reviewer",  # the collector or a coordinator
    "story-details": "reviewer",
    "story-delete": "reviewer",
    "settings": "coordinator",
    "question-create": "coordinator",
    "question-edit": "coordinator",
}
POST_ONLY = {"quote-delete"}

PATTERNS = {pattern.name: pattern for pattern in story_urls.urlpatterns}
ALL_PAGES = sorted(PATTERNS)
OBJECT_PAGES = [name for name in ALL_PAGES if PATTERNS[name].pattern.converters]
WRITE_PAGES = [name for name in ALL_PAGES if REQUIRED_ROLE[name] != "viewer"]
COORDINATOR_PAGES = [name for name in ALL_PAGES if REQUIRED_ROLE[name] == "coordinator"]


@pytest.fixture
def own_objects(coalition, editor):
    story = StoryFactory(coalition=coalition, collected_by=editor)
    return {
        "story_id": story.pk,
        "quote_id": QuoteFactory(story=story).pk,
        "theme_id": StoryThemeFactory(coalition=coalition).pk,
        "question_id": QuestionFactory(coalition=coalition).pk,
    }


@pytest.fixture
def foreign_objects(other_coalition, outsider):
    story = StoryFactory(coalition=other_coalition, collected_by=outsider)
    return {
        "story_id": story.pk,
        "quote_id": QuoteFactory(story=story).pk,
        "theme_id": StoryThemeFactory(coalition=other_coalition).pk,
        "question_id": QuestionFactory(coalition=other_coalition).pk,
    }


def url_for(name, coalition, objects):
    names = PATTERNS[name].pattern.converters
    kwargs = {key: objects[key] for key in names}
    return reverse(f"stories:{name}", kwargs={"slug": coalition.slug, **kwargs})


def _methods(name):
    return ("post",) if name in POST_ONLY else ("get", "post")


def test_every_page_is_classified():
    assert set(ALL_PAGES) == set(REQUIRED_ROLE)


@pytest.mark.parametrize("name", ALL_PAGES)
def test_it_sends_anonymous_users_to_the_login_page(client, coalition, own_objects, name):
    login = reverse(settings.LOGIN_URL)
    for method in ("get", "post"):
        response = getattr(client, method)(url_for(name, coalition, own_objects))
        assert response.status_code == 302
        assert response.url.startswith(f"{login}?next=")


@pytest.mark.parametrize("name", ALL_PAGES)
def test_it_hides_every_page_from_outsiders(client, coalition, own_objects, outsider, name):
    client.force_login(outsider)
    for method in _methods(name):
        assert getattr(client, method)(url_for(name, coalition, own_objects)).status_code == 404


@pytest.mark.parametrize("name", OBJECT_PAGES)
def test_it_refuses_objects_of_another_coalition(client, coalition, foreign_objects, owner, name):
    client.force_login(owner)
    for method in _methods(name):
        response = getattr(client, method)(url_for(name, coalition, foreign_objects))
        assert response.status_code == 404


@pytest.mark.parametrize("name", WRITE_PAGES)
def test_it_forbids_viewers_every_write_page(client, coalition, own_objects, member, name):
    client.force_login(member)
    for method in _methods(name):
        assert getattr(client, method)(url_for(name, coalition, own_objects)).status_code == 403
    assert Quote.objects.filter(pk=own_objects["quote_id"]).exists()


@pytest.mark.parametrize("name", COORDINATOR_PAGES)
def test_it_forbids_editors_the_coordinator_pages(client, coalition, own_objects, editor, name):
    client.force_login(editor)
    assert client.get(url_for(name, coalition, own_objects)).status_code == 403


@pytest.mark.parametrize("name", [n for n in ALL_PAGES if n not in POST_ONLY])
def test_it_lets_the_coordinator_open_every_page(client, coalition, own_objects, owner, name):
    client.force_login(owner)
    assert client.get(url_for(name, coalition, own_objects)).status_code == 200


@pytest.mark.parametrize(
    "name", [n for n in ALL_PAGES if REQUIRED_ROLE[n] in ("editor", "reviewer", "viewer")
             and n not in POST_ONLY]
)  # fmt: skip
def test_it_lets_the_collecting_editor_open_their_pages(
    client, coalition, own_objects, editor, name
):
    client.force_login(editor)
    assert client.get(url_for(name, coalition, own_objects)).status_code == 200


def test_a_get_on_a_post_only_page_is_not_allowed(client, coalition, own_objects, owner):
    client.force_login(owner)
    assert client.get(url_for("quote-delete", coalition, own_objects)).status_code == 405
