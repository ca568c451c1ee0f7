"""Acceptance: a story with a name, street and house number, postcode, phone number, e-mail
address, BSN and date of birth shows none of them to anyone but its collector: on any page,
in the export, in the command-line review and in the data functions for the API and the
dashboards."""

import io
import re
from dataclasses import asdict

import pytest
from django.core.management import call_command
from django.urls import reverse

from kansrijk.stories.coding import add_quote, code_story
from kansrijk.stories.collecting import collect_story
from kansrijk.stories.data import approved_stories_for, quotes_for, search_approved
from kansrijk.stories.models import Consent, StoryPhase
from kansrijk.stories.reviewing import approve_pending
from kansrijk.testing.factories import UserFactory

from .examples import EXAMPLES


def _leaks(example, content: str) -> list[tuple[str, str]]:
    found = []
    for kind, values in example.identifiers.items():
        for value in values:
            if re.search(rf"(?<!\w){re.escape(value)}(?!\w)", content, re.IGNORECASE):
                found.append((kind, value))
            digits = re.sub(r"\D", "", value)
            if len(digits) >= 8 and re.search(rf"(?<!\d){digits}(?!\d)", content):
                found.append((kind, digits))
    return found


@pytest.fixture(params=range(len(EXAMPLES)), ids=[f"example-{i}" for i in range(len(EXAMPLES))])
def example(request):
    return EXAMPLES[request.param]


@pytest.fixture
def published(example, coalition, editor, wijk, theme, goal):
    """The example, entered by the editor, approved as the de-identifier left it, coded, with
    its whole anonymised text as a quote, and consent to publish."""
    story = collect_story(
        coalition,
        example.text,
        phase=StoryPhase.BIRTH,
        consent=Consent.PUBLISH,
        area=wijk,
        collected_by=editor,
    )
    approve_pending(coalition, [story.pk])
    story.refresh_from_db()
    theme.goals.add(goal)
    code_story(story, themes=[theme], goals=[goal])
    add_quote(story, story.anonymised_text)
    return story


def _pages(coalition, story, theme):
    slug = coalition.slug
    return [
        reverse("stories:story-list", kwargs={"slug": slug}),
        reverse("stories:story-list", kwargs={"slug": slug}) + "?q=geboren",
        reverse("stories:story-detail", kwargs={"slug": slug, "story_id": story.pk}),
        reverse("stories:overview", kwargs={"slug": slug}),
        reverse("stories:theme-list", kwargs={"slug": slug}),
        reverse("stories:story-export", kwargs={"slug": slug}),
    ]


def test_a_viewer_sees_no_identifier_on_any_page(client, example, published, member, theme):
    client.force_login(member)
    for url in _pages(published.coalition, published, theme):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _leaks(example, response.content.decode()) == [], url


def test_a_coordinator_who_did_not_collect_it_sees_no_identifier(
    client, example, published, owner, theme
):
    client.force_login(owner)
    pages = _pages(published.coalition, published, theme) + [
        reverse(
            "stories:story-review",
            kwargs={"slug": published.coalition.slug, "story_id": published.pk},
        ),
        reverse(
            "stories:story-code",
            kwargs={"slug": published.coalition.slug, "story_id": published.pk},
        ),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _leaks(example, response.content.decode()) == [], url


def test_the_data_functions_hand_out_no_identifier(example, published, member, goal):
    coalition = published.coalition
    records = [
        *approved_stories_for(member, coalition, "internal"),
        *approved_stories_for(member, coalition, "sessions"),
        *quotes_for(coalition, audience="members"),
        *quotes_for(coalition, goal=goal, audience="public"),
    ]
    assert len(records) == 4
    assert _leaks(example, repr([asdict(record) for record in records])) == []
    found = search_approved(coalition, "")
    assert [story.anonymised_text for story in found] == [published.anonymised_text]
    assert _leaks(example, published.anonymised_text) == []


def test_the_command_line_review_prints_no_identifier(example, coalition, editor):
    collect_story(
        coalition, example.text, phase=StoryPhase.BIRTH, consent=Consent.INTERNAL,
        collected_by=editor,
    )  # fmt: skip
    out = io.StringIO()
    call_command("stories", "review", "--coalition", coalition.slug, stdout=out)
    assert "1 verhaal/verhalen wachten" in out.getvalue()
    assert _leaks(example, out.getvalue()) == []


def test_the_admin_shows_no_identifier(client, example, published):
    admin = UserFactory(username="beheer@example.org", is_staff=True, is_superuser=True)
    client.force_login(admin)
    for url in (
        reverse("admin:stories_story_changelist"),
        reverse("admin:stories_story_change", args=[published.pk]),
        reverse("admin:stories_quote_changelist"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _leaks(example, response.content.decode()) == [], url


def test_only_the_collector_sees_the_original_text(client, published, editor, owner):
    url = reverse(
        "stories:story-detail", kwargs={"slug": published.coalition.slug, "story_id": published.pk}
    )
    client.force_login(editor)
    assert published.original_text[:40] in client.get(url).content.decode()
    client.force_login(owner)
    assert published.original_text[:40] not in client.get(url).content.decode()
