"""Preparing a session: picking a goal selects its indicators and linked stories, only
stories whose consent allows sessions are offered (as anonymised text), and the four guiding
questions are the default but can be changed."""

import re
from datetime import date

import pytest
from django.urls import reverse

from kansrijk.interpretation.models import DEFAULT_QUESTIONS, Session
from kansrijk.interpretation.preparing import (
    PreparationError,
    clean_questions,
    goal_selection,
    offered_indicators,
    offered_stories,
    prepare_session,
)
from kansrijk.stories.models import Consent
from kansrijk.testing.factories import IndicatorFactory


def _create_url(coalition, cycle):
    return reverse(
        "interpretation:session-create", kwargs={"slug": coalition.slug, "cycle_id": cycle.pk}
    )


def _checked(html, name, value) -> bool:
    pattern = rf'<input[^>]*name="{name}"[^>]*value="{value}"[^>]*>'
    return any("checked" in tag for tag in re.findall(pattern, html))


def test_a_goal_brings_its_indicators_and_linked_stories(
    editor, coalition, goal, plan_indicators, session_stories, unusable_stories
):
    selection = goal_selection(editor, coalition, goal)
    assert [i.code for i in selection.indicators] == [i.code for i in plan_indicators[:3]]
    direct, themed, _other = session_stories
    assert sorted(selection.story_ids) == sorted([direct.pk, themed.pk])


def test_the_create_page_checks_the_goals_indicators_and_stories(
    client, editor, coalition, cycle, goal, plan_indicators, session_stories, unusable_stories
):
    client.force_login(editor)
    html = client.get(_create_url(coalition, cycle), {"doel": goal.pk}).content.decode()
    assert f"De indicatoren en verhalen van het doel “{goal.title}” zijn aangevinkt" in html
    for indicator in plan_indicators[:3]:
        assert _checked(html, "indicators", indicator.pk)
    for indicator in plan_indicators[3:]:
        assert not _checked(html, "indicators", indicator.pk)
    assert _checked(html, "stories", session_stories[0].pk)
    assert _checked(html, "stories", session_stories[1].pk)
    assert not _checked(html, "stories", session_stories[2].pk)
    assert f'name="stories" value="{session_stories[2].pk}"' in html
    for story in unusable_stories:
        assert f'name="stories" value="{story.pk}"' not in html


def test_only_stories_allowed_in_sessions_are_offered(
    editor, coalition, session_stories, unusable_stories
):
    offered = {record.id for record in offered_stories(editor, coalition)}
    assert offered == {story.pk for story in session_stories}


def test_an_unknown_goal_leaves_the_choice_open(client, editor, coalition, cycle, plan_indicators):
    client.force_login(editor)
    response = client.get(_create_url(coalition, cycle), {"doel": "99999999999999999999"})
    assert response.status_code == 200
    assert response.context["goal"] is None
    assert "Kies een van de mogelijkheden bij “Doel”." in response.content.decode()


def test_the_plan_indicators_come_first_then_the_own_ones(coalition, plan_indicators):
    own = IndicatorFactory(code="eigen_x", name_nl="Eigen indicator", coalition=coalition)
    assert [i.code for i in offered_indicators(coalition)] == [
        *(i.code for i in plan_indicators),
        own.code,
    ]


def test_the_four_guiding_questions_are_the_default(client, editor, coalition, cycle):
    client.force_login(editor)
    html = client.get(_create_url(coalition, cycle)).content.decode()
    for question in DEFAULT_QUESTIONS:
        assert question in html
    assert clean_questions(None) == DEFAULT_QUESTIONS


def test_the_questions_can_be_edited(
    client, editor, coalition, cycle, plan_indicators, session_stories
):
    client.force_login(editor)
    response = client.post(
        _create_url(coalition, cycle),
        {
            "title": "Sessie met eigen vragen",
            "indicators": [plan_indicators[0].pk],
            "questions": "Wat zien we?\n\n  Wat doen we   morgen anders?  \nWat zien we?\n",
        },
    )
    assert response.status_code == 302
    session = Session.objects.get(title="Sessie met eigen vragen")
    assert session.questions == ["Wat zien we?", "Wat doen we morgen anders?"]


def test_empty_questions_are_refused_with_a_message_naming_the_field(
    client, editor, coalition, cycle, plan_indicators
):
    client.force_login(editor)
    response = client.post(
        _create_url(coalition, cycle),
        {"title": "Zonder vragen", "indicators": [plan_indicators[0].pk], "questions": " \n "},
    )
    assert response.status_code == 200
    assert "“Leidende vragen” is verplicht." in response.content.decode()
    assert not Session.objects.filter(title="Zonder vragen").exists()


def test_a_session_needs_an_indicator_or_a_story(client, editor, coalition, cycle):
    client.force_login(editor)
    response = client.post(
        _create_url(coalition, cycle), {"title": "Leeg", "questions": "Wat zien we?"}
    )
    assert response.status_code == 200
    assert "Kies minstens één indicator of één verhaal" in response.content.decode()


def test_a_story_without_consent_for_sessions_cannot_be_posted(
    client, editor, coalition, cycle, plan_indicators, unusable_stories
):
    client.force_login(editor)
    response = client.post(
        _create_url(coalition, cycle),
        {
            "title": "Met een intern verhaal",
            "indicators": [plan_indicators[0].pk],
            "stories": [unusable_stories[0].pk],
            "questions": "Wat zien we?",
        },
    )
    assert response.status_code == 200
    assert "Kies een van de mogelijkheden bij “Verhalen”." in response.content.decode()


def test_the_domain_function_refuses_stories_and_indicators_it_may_not_use(
    cycle, unusable_stories, other_coalition
):
    with pytest.raises(PreparationError):
        prepare_session(cycle, "Intern", None, [], unusable_stories[:1])
    foreign = IndicatorFactory(code="elders_x", coalition=other_coalition)
    with pytest.raises(PreparationError):
        prepare_session(cycle, "Elders", None, [foreign], [])


def test_participants_are_kept_per_role(session):
    participants = {p.role: (p.count, p.names) for p in session.participants.all()}
    assert participants == {"professional": (6, ""), "resident": (2, "ouderpanel")}


def test_the_session_page_shows_anonymised_text_only(client, member, session):
    client.force_login(member)
    url = reverse(
        "interpretation:session-detail",
        kwargs={"slug": session.cycle.coalition.slug, "session_id": session.pk},
    )
    html = client.get(url).content.decode()
    story = session.stories.get()
    assert story.anonymised_text in html
    assert "Jan de Vries" not in html  # the factory's original text


def test_a_story_whose_consent_was_narrowed_drops_out(client, member, session):
    story = session.stories.get()
    story.consent = Consent.INTERNAL
    story.save()
    client.force_login(member)
    url = reverse(
        "interpretation:session-detail",
        kwargs={"slug": session.cycle.coalition.slug, "session_id": session.pk},
    )
    html = client.get(url).content.decode()
    assert story.anonymised_text not in html
    assert "1 gekozen verhaal is niet meer beschikbaar voor duidingssessies" in html


def test_a_session_can_be_prepared_without_a_date(cycle, plan_indicators):
    session = prepare_session(cycle, "Datum volgt", None, plan_indicators[:1], [])
    assert session.held_on is None
    assert cycle.status == "preparing"
    session.held_on = date(2025, 2, 1)
    session.save()
    assert cycle.status == "running"
