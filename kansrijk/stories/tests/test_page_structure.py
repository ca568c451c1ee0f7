"""Every stories page, as the coordinator sees it, and the public form, with and without form
errors, passes the structural accessibility check (unique ids, headings in order, labelled
controls, landmarks)."""

import pytest
from django.urls import reverse

from kansrijk.web.tests.structure import structure_problems

from .factories import QuoteFactory, StoryFactory, StoryThemeFactory
from .test_access_matrix import ALL_PAGES, PATTERNS, POST_ONLY


@pytest.fixture
def objects(coalition, owner, goal):
    coalition.is_fictitious = True
    coalition.save()
    theme = StoryThemeFactory(coalition=coalition, name="Eenzaamheid")
    story = StoryFactory(coalition=coalition, collected_by=owner)
    story.themes.add(theme)
    theme.goals.add(goal)
    return {
        "story_id": story.pk,
        "quote_id": QuoteFactory(story=story).pk,
        "theme_id": StoryThemeFactory(coalition=coalition).pk,
        "question_id": coalition.story_questions.first().pk,
    }


def _url(name, coalition, objects):
    kwargs = {key: objects[key] for key in PATTERNS[name].pattern.converters}
    return reverse(f"stories:{name}", kwargs={"slug": coalition.slug, **kwargs})


@pytest.mark.parametrize("name", [n for n in ALL_PAGES if n not in POST_ONLY | {"story-export"}])
def test_every_page_is_well_structured(client, owner, coalition, story_settings, objects, name):
    client.force_login(owner)
    response = client.get(_url(name, coalition, objects))
    assert structure_problems(response.content.decode()) == []


FORM_PAGES = ["story-create", "story-review", "story-details", "theme-create", "settings",
              "question-create"]  # fmt: skip


@pytest.mark.parametrize("name", FORM_PAGES)
def test_every_form_with_errors_is_well_structured(
    client, owner, coalition, story_settings, objects, name
):
    client.force_login(owner)
    response = client.post(_url(name, coalition, objects), {"retention_days": "x"})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert structure_problems(response.content.decode()) == []


def test_the_public_form_is_well_structured_with_and_without_errors(client, open_form):
    url = reverse("tell:form", kwargs={"slug": open_form.coalition.slug})
    assert structure_problems(client.get(url).content.decode()) == []
    assert structure_problems(client.post(url, {}).content.decode()) == []
