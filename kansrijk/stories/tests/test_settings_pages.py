"""A coordinator opens the public form, sets the retention period and manages the questions."""

from django.urls import reverse

from kansrijk.stories.collecting import DEFAULT_QUESTIONS
from kansrijk.stories.models import Question, StorySettings


def test_the_public_form_is_closed_until_a_coordinator_opens_it(client, owner, coalition):
    form_url = reverse("tell:form", kwargs={"slug": coalition.slug})
    assert client.get(form_url).status_code == 404
    client.force_login(owner)
    client.post(
        reverse("stories:settings", kwargs={"slug": coalition.slug}),
        {"public_form_open": "on", "retention_days": "90"},
    )
    settings = StorySettings.objects.get(coalition=coalition)
    assert (settings.public_form_open, settings.retention_days) == (True, 90)
    client.logout()
    assert client.get(form_url).status_code == 200


def test_the_settings_page_shows_the_address_of_the_form_and_the_default_questions(
    client, owner, coalition
):
    client.force_login(owner)
    content = client.get(reverse("stories:settings", kwargs={"slug": coalition.slug})).content
    assert f"/vertel/{coalition.slug}/" in content.decode()
    for text, _low, _high in DEFAULT_QUESTIONS:
        assert text in content.decode()


def test_a_retention_period_of_zero_days_is_refused(client, owner, coalition):
    client.force_login(owner)
    response = client.post(
        reverse("stories:settings", kwargs={"slug": coalition.slug}), {"retention_days": "0"}
    )
    assert response.status_code == 200
    assert StorySettings.objects.get(coalition=coalition).retention_days == 365


def test_a_coordinator_adds_and_switches_off_a_question(client, owner, coalition):
    client.force_login(owner)
    client.post(
        reverse("stories:question-create", kwargs={"slug": coalition.slug}),
        {"text": "Hoe welkom voelde u zich?", "low_label": "niet", "high_label": "heel",
         "position": "9", "is_active": "on"},
    )  # fmt: skip
    question = Question.objects.get(text="Hoe welkom voelde u zich?")
    client.post(
        reverse(
            "stories:question-edit", kwargs={"slug": coalition.slug, "question_id": question.pk}
        ),
        {"text": question.text, "low_label": "niet", "high_label": "heel", "position": "9"},
    )
    question.refresh_from_db()
    assert not question.is_active
