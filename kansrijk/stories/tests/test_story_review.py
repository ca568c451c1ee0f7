"""Reviewing the anonymised text in the browser: edit, approve, reject."""

import pytest
from django.urls import reverse

from kansrijk.stories.models import ReviewStatus, Story

from .factories import QuoteFactory


@pytest.fixture
def url(pending_story):
    return reverse(
        "stories:story-review",
        kwargs={"slug": pending_story.coalition.slug, "story_id": pending_story.pk},
    )


def _reload(story):
    return Story.objects.get(pk=story.pk)


def test_the_collector_sees_the_original_next_to_the_anonymised_text(
    client, editor, url, pending_story
):
    client.force_login(editor)
    content = client.get(url).content.decode()
    assert pending_story.original_text in content
    assert pending_story.anonymised_text in content


def test_a_coordinator_reviews_without_seeing_the_original(client, owner, url, pending_story):
    client.force_login(owner)
    content = client.get(url).content.decode()
    assert pending_story.original_text not in content
    assert pending_story.anonymised_text in content


def test_approving_makes_the_story_visible_and_records_the_reviewer(
    client, owner, url, pending_story
):
    client.force_login(owner)
    text = "Een nagekeken verhaal van [NAAM]."
    client.post(url, {"anonymised_text": text, "action": "approve"})
    story = _reload(pending_story)
    assert story.review_status == ReviewStatus.APPROVED
    assert story.anonymised_text == text
    assert story.reviewed_by == owner
    assert story.reviewed_at is not None


def test_approving_a_text_that_still_holds_a_phone_number_needs_a_confirmation(
    client, editor, url, pending_story
):
    client.force_login(editor)
    text = "Bel [NAAM] op 06-12345678."
    response = client.post(url, {"anonymised_text": text, "action": "approve"})
    assert "[TELEFOON]" in response.content.decode()
    assert _reload(pending_story).review_status == ReviewStatus.PENDING
    client.post(url, {"anonymised_text": text, "action": "approve", "confirm_remaining": "on"})
    assert _reload(pending_story).review_status == ReviewStatus.APPROVED


def test_saving_keeps_the_story_waiting(client, editor, url, pending_story):
    client.force_login(editor)
    client.post(url, {"anonymised_text": "Aangepast.", "action": "save"})
    story = _reload(pending_story)
    assert (story.anonymised_text, story.review_status) == ("Aangepast.", ReviewStatus.PENDING)


def test_rejecting_hides_the_story_for_good(client, editor, url, pending_story):
    client.force_login(editor)
    client.post(url, {"anonymised_text": pending_story.anonymised_text, "action": "reject"})
    assert _reload(pending_story).review_status == ReviewStatus.REJECTED


def test_an_empty_text_is_refused(client, editor, url, pending_story):
    client.force_login(editor)
    response = client.post(url, {"anonymised_text": "  ", "action": "approve"})
    assert response.status_code == 200
    assert _reload(pending_story).review_status == ReviewStatus.PENDING


def test_editing_drops_quotes_that_are_no_longer_in_the_text(client, owner, story):
    kept = QuoteFactory(story=story, text="verhaal")
    QuoteFactory(story=story, text=story.anonymised_text[:20])
    client.force_login(owner)
    url = reverse(
        "stories:story-review", kwargs={"slug": story.coalition.slug, "story_id": story.pk}
    )
    response = client.post(
        url, {"anonymised_text": "Een ander verhaal.", "action": "save"}, follow=True
    )
    assert list(story.quotes.all()) == [kept]
    assert "stond niet meer in de tekst en is verwijderd" in response.content.decode()


def test_a_reviewer_narrows_the_consent_when_a_parent_asks(client, editor, pending_story):
    client.force_login(editor)
    url = reverse(
        "stories:story-details",
        kwargs={"slug": pending_story.coalition.slug, "story_id": pending_story.pk},
    )
    client.post(
        url,
        {"phase": "birth", "consent": "internal", "retain_until": "2030-01-01", "told_on": ""},
    )
    story = _reload(pending_story)
    assert (story.consent, story.phase, story.told_on) == ("internal", "birth", None)


def test_a_reviewer_deletes_a_story(client, editor, pending_story):
    client.force_login(editor)
    url = reverse(
        "stories:story-delete",
        kwargs={"slug": pending_story.coalition.slug, "story_id": pending_story.pk},
    )
    client.post(url)
    assert not Story.objects.exists()
