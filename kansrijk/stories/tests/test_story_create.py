"""Entering a story by hand: it is de-identified at once and goes to its collector's review."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.stories.models import Answer, Consent, ReviewStatus, Story, StoryPhase


@pytest.fixture
def url(coalition):
    return reverse("stories:story-create", kwargs={"slug": coalition.slug})


def _data(**changes):
    return {
        "text": "Mijn dochter Noor werd geboren op 3 maart 2023. Bel me: 06-12345678.",
        "phase": StoryPhase.BIRTH,
        "method": "interview",
        "language": "nl",
        "consent": Consent.PUBLISH,
        **changes,
    }


def test_an_editor_enters_a_story_and_is_sent_to_review_it(client, editor, url, coalition):
    client.force_login(editor)
    response = client.post(url, _data())
    story = Story.objects.get()
    assert response.url == reverse(
        "stories:story-review", kwargs={"slug": coalition.slug, "story_id": story.pk}
    )
    assert story.collected_by == editor
    assert story.review_status == ReviewStatus.PENDING
    assert story.anonymised_text == (
        "Mijn dochter [NAAM] werd geboren op [DATUM]. Bel me: [TELEFOON]."
    )


def test_the_retention_date_defaults_to_the_coalitions_period(client, editor, url, story_settings):
    story_settings.retention_days = 30
    story_settings.save()
    client.force_login(editor)
    client.post(url, _data())
    assert Story.objects.get().retain_until == timezone.localdate() + timedelta(days=30)


def test_a_consent_must_be_chosen(client, editor, url):
    client.force_login(editor)
    response = client.post(url, _data(consent=""))
    assert response.status_code == 200
    assert "“Toestemming van de ouder” is verplicht." in response.content.decode()
    assert not Story.objects.exists()


def test_a_date_in_the_future_is_refused(client, editor, url):
    client.force_login(editor)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(url, _data(told_on=tomorrow.isoformat()))
    assert "De datum ligt in de toekomst." in response.content.decode()
    assert not Story.objects.exists()


def test_answers_are_saved_with_the_story(client, editor, url, story_settings):
    question = story_settings.coalition.story_questions.first()
    client.force_login(editor)
    client.post(url, _data(**{f"question_{question.pk}": "2", "told_on": "2024-05-01"}))
    assert Answer.objects.get().score == 2
    assert Story.objects.get().told_on == date(2024, 5, 1)


def test_a_partner_of_another_coalition_cannot_be_chosen(client, editor, url, other_coalition):
    from kansrijk.testing.factories import PartnerFactory

    foreign = PartnerFactory(coalition=other_coalition)
    client.force_login(editor)
    response = client.post(url, _data(partner=foreign.pk))
    assert response.status_code == 200
    assert not Story.objects.exists()
