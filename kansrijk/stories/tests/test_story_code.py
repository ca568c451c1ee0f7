"""Coding a story: themes, plan goals and indicators, and quotes."""

import pytest
from django.urls import reverse

from kansrijk.stories.coding import DEFAULT_THEMES, QuoteError, add_quote, seed_codebook
from kansrijk.stories.models import Quote, ReviewStatus, StoryTheme
from kansrijk.testing.factories import PlanIndicatorFactory

from .factories import QuoteFactory, StoryFactory


@pytest.fixture
def url(story):
    return reverse(
        "stories:story-code", kwargs={"slug": story.coalition.slug, "story_id": story.pk}
    )


def test_an_editor_codes_a_story_with_themes_goals_and_indicators(
    client, editor, url, story, theme, goal, indicator
):
    PlanIndicatorFactory(goal=goal, indicator=indicator)
    client.force_login(editor)
    client.post(url, {"themes": [theme.pk], "goals": [goal.pk], "indicators": [indicator.pk]})
    assert list(story.themes.all()) == [theme]
    assert list(story.goals.all()) == [goal]
    assert list(story.indicators.all()) == [indicator]


def test_an_indicator_outside_the_plan_cannot_be_chosen(client, editor, url, story, indicator):
    client.force_login(editor)
    response = client.post(url, {"indicators": [indicator.pk]})
    assert response.status_code == 200
    assert not story.indicators.exists()


def test_a_theme_of_another_coalition_cannot_be_chosen(client, editor, url, story, other_coalition):
    foreign = StoryTheme.objects.create(coalition=other_coalition, name="Elders")
    client.force_login(editor)
    client.post(url, {"themes": [foreign.pk]})
    assert not story.themes.exists()


def test_a_quote_is_a_fragment_of_the_anonymised_text(client, editor, url, story):
    client.force_login(editor)
    fragment = story.anonymised_text[5:25]
    client.post(url, {"add_quote": "1", "text": f"“{fragment}”"})
    assert Quote.objects.get().text == fragment.strip()


def test_a_quote_that_is_not_in_the_text_is_refused(client, editor, url, story):
    client.force_login(editor)
    response = client.post(url, {"add_quote": "1", "text": "Jan de Vries zei iets anders."})
    assert "letterlijk in de geanonimiseerde tekst" in response.content.decode()
    assert not Quote.objects.exists()


def test_the_original_text_cannot_become_a_quote(story):
    with pytest.raises(QuoteError):
        add_quote(story, story.original_text)


def test_a_waiting_story_gives_no_quotes(coalition):
    story = StoryFactory(coalition=coalition, review_status=ReviewStatus.PENDING)
    with pytest.raises(QuoteError):
        add_quote(story, story.anonymised_text)


def test_a_waiting_story_cannot_be_coded(client, owner, pending_story):
    client.force_login(owner)
    url = reverse(
        "stories:story-code",
        kwargs={"slug": pending_story.coalition.slug, "story_id": pending_story.pk},
    )
    assert client.get(url).status_code == 404


def test_an_editor_deletes_a_quote(client, editor, story):
    quote = QuoteFactory(story=story)
    client.force_login(editor)
    client.post(
        reverse(
            "stories:quote-delete",
            kwargs={"slug": story.coalition.slug, "story_id": story.pk, "quote_id": quote.pk},
        )
    )
    assert not Quote.objects.exists()


def test_the_codebook_starts_with_the_common_themes(client, member, coalition):
    client.force_login(member)
    content = client.get(reverse("stories:theme-list", kwargs={"slug": coalition.slug})).content
    for name, _description in DEFAULT_THEMES:
        assert name in content.decode()
    assert coalition.story_themes.count() == len(DEFAULT_THEMES)


def test_seeding_again_adds_only_missing_themes(coalition):
    StoryTheme.objects.create(coalition=coalition, name="geldzorgen")
    assert seed_codebook(coalition) == len(DEFAULT_THEMES) - 1
    assert seed_codebook(coalition) == 0


def test_an_editor_adds_a_theme_linked_to_a_goal(client, editor, coalition, goal):
    client.force_login(editor)
    client.post(
        reverse("stories:theme-create", kwargs={"slug": coalition.slug}),
        {"name": "Eenzaamheid", "description": "Alleen staan", "goals": [goal.pk]},
    )
    theme = StoryTheme.objects.get(name="Eenzaamheid")
    assert list(theme.goals.all()) == [goal]


def test_two_themes_cannot_have_the_same_name(client, editor, coalition, theme):
    client.force_login(editor)
    response = client.post(
        reverse("stories:theme-create", kwargs={"slug": coalition.slug}), {"name": "geldzorgen"}
    )
    assert "Er is al een thema met deze naam." in response.content.decode()
