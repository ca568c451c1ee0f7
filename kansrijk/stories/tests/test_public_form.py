"""The public story form: no login, explicit consent, de-identified on arrival, protected
against spam and abuse."""

import pytest
from django.test import override_settings
from django.urls import reverse

from kansrijk.stories.models import Answer, Consent, Method, ReviewStatus, Story, StoryPhase

STORY = "Ik ben Sanne de Vries. De kraamzorg was fijn, maar daarna voelde ik me alleen."


@pytest.fixture
def url(coalition):
    return reverse("tell:form", kwargs={"slug": coalition.slug})


def _post(client, url, **changes):
    data = {
        "text": STORY,
        "phase": StoryPhase.MATERNITY,
        "consent": Consent.SESSIONS,
        "agree": "on",
        "website": "",
        **changes,
    }
    return client.post(url, {key: value for key, value in data.items() if value is not None})


def test_a_parent_opens_the_form_without_logging_in(client, open_form, url):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Vertel uw verhaal" in content
    assert 'name="text"' in content


def test_no_consent_choice_is_made_in_advance(client, open_form, url):
    content = client.get(url).content.decode()
    assert "checked" not in content


def test_the_form_asks_for_no_name_address_or_contact_details(client, open_form, url):
    response = client.get(url)
    visible = [name for name in response.context["form"].fields if name != "website"]
    assert not {"name", "naam", "email", "address", "adres", "phone", "bsn"} & set(visible)


def test_a_closed_form_does_not_exist(client, story_settings, url):
    assert client.get(url).status_code == 404
    assert _post(client, url).status_code == 404
    assert not Story.objects.exists()


def test_an_unknown_coalition_has_no_form(client, db):
    assert client.get(reverse("tell:form", kwargs={"slug": "nergens"})).status_code == 404


def test_a_story_is_saved_de_identified_and_waits_for_review(client, open_form, url, wijk):
    response = _post(client, url, area=wijk.pk)
    assert response.status_code == 302
    assert response.url == reverse("tell:thanks", kwargs={"slug": open_form.coalition.slug})
    story = Story.objects.get()
    assert story.original_text == STORY
    assert "Sanne" not in story.anonymised_text
    assert "[NAAM]" in story.anonymised_text
    assert story.review_status == ReviewStatus.PENDING
    assert story.method == Method.ONLINE
    assert story.collected_by is None
    assert story.consent == Consent.SESSIONS
    assert story.area == wijk
    assert story.retain_until is not None


def test_the_thank_you_page_says_what_happens_next(client, open_form):
    response = client.get(reverse("tell:thanks", kwargs={"slug": open_form.coalition.slug}))
    assert "Bedankt voor uw verhaal" in response.content.decode()


def test_it_refuses_a_story_without_a_consent_choice_with_a_clear_message(client, open_form, url):
    response = _post(client, url, consent=None)
    assert response.status_code == 200
    assert "Zonder uw toestemming kunnen we uw verhaal niet bewaren" in response.content.decode()
    assert not Story.objects.exists()


def test_it_refuses_a_story_without_the_consent_tick_with_a_clear_message(client, open_form, url):
    response = _post(client, url, agree=None)
    assert "Zet een vinkje als u toestemming geeft" in response.content.decode()
    assert not Story.objects.exists()


def test_it_refuses_an_invented_consent(client, open_form, url):
    response = _post(client, url, consent="everything")
    assert response.status_code == 200
    assert not Story.objects.exists()


def test_it_refuses_an_empty_story(client, open_form, url):
    response = _post(client, url, text="   ")
    assert "Schrijf eerst uw verhaal" in response.content.decode()
    assert not Story.objects.exists()


def test_it_refuses_a_story_that_is_too_long(client, open_form, url):
    response = _post(client, url, text="a" * 5001)
    assert "Uw verhaal is te lang" in response.content.decode()
    assert not Story.objects.exists()


def test_a_wijk_of_another_municipality_is_refused(client, open_form, url, other_coalition):
    from kansrijk.testing.factories import AreaFactory

    elsewhere = AreaFactory(code="WK888801", name="Elders", level="district")
    response = _post(client, url, area=elsewhere.pk)
    assert response.status_code == 200
    assert not Story.objects.exists()


def test_answers_to_the_questions_are_saved_and_optional(client, open_form, url):
    question = open_form.coalition.story_questions.first()
    _post(client, url, **{f"question_{question.pk}": "4"})
    assert Answer.objects.get().score == 4
    _post(client, url, text="Een tweede verhaal zonder antwoorden.")
    assert Story.objects.count() == 2
    assert Answer.objects.count() == 1


def test_an_answer_outside_one_to_five_is_refused(client, open_form, url):
    question = open_form.coalition.story_questions.first()
    response = _post(client, url, **{f"question_{question.pk}": "9"})
    assert response.status_code == 200
    assert not Story.objects.exists()


def test_a_filled_in_honeypot_looks_accepted_but_saves_nothing(client, open_form, url):
    response = _post(client, url, website="http://spam.example")
    assert response.status_code == 302
    assert not Story.objects.exists()


@override_settings(KANSRIJK_STORY_FORM_LIMIT=3)
def test_it_limits_the_number_of_submissions_per_address(client, open_form, url):
    statuses = [_post(client, url, text=f"Verhaal nummer {n}.").status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert Story.objects.count() == 3
    assert "Probeer het over een uur nog eens" in _post(client, url).content.decode()


@override_settings(KANSRIJK_STORY_FORM_LIMIT=1)
def test_the_limit_is_per_address(client, open_form, url):
    assert _post(client, url).status_code == 302
    other = client.post(
        url,
        {"text": STORY, "phase": "birth", "consent": "internal", "agree": "on"},
        REMOTE_ADDR="10.0.0.8",
    )
    assert other.status_code == 302
    assert Story.objects.count() == 2


def test_the_form_is_not_cached(client, open_form, url):
    assert "no-cache" in client.get(url)["Cache-Control"]


def test_nonsense_input_never_causes_a_server_error(client, open_form, url):
    for data in (
        {"text": "\x00", "phase": "x", "consent": ["a", "b"], "agree": "maybe"},
        {"area": "abc", "question_1": "x", "text": "é" * 10},
        {},
    ):
        assert client.post(url, data).status_code in (200, 302)
