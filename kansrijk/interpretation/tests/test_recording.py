"""Recording a session: notes per indicator and question, conclusions and actions, and
keeping actions up to date afterwards."""

import pytest
from django.urls import reverse

from kansrijk.interpretation.models import (
    Action,
    ActionStatus,
    Conclusion,
    NoteKind,
    SessionNote,
)
from kansrijk.interpretation.recording import (
    RecordingError,
    add_note,
    record_action,
    record_conclusion,
    set_action_status,
)
from kansrijk.testing.factories import GoalFactory, IndicatorFactory


def _url(name, coalition, **kwargs):
    return reverse(f"interpretation:{name}", kwargs={"slug": coalition.slug, **kwargs})


def test_an_explanation_is_recorded_per_indicator_and_question(client, editor, coalition, session):
    indicator = session.indicators.order_by("code").first()
    client.force_login(editor)
    response = client.post(
        _url("session-record", coalition, session_id=session.pk),
        {
            "form": "note",
            "note-kind": "explanation",
            "note-indicator": indicator.pk,
            "note-question": "Wat herkennen we (niet) uit de praktijk?",
            "note-text": "Het tempo van de groepen en de taalbarrière.",
        },
    )
    assert response.status_code == 302
    note = SessionNote.objects.get(session=session)
    assert (note.kind, note.indicator, note.created_by) == (NoteKind.EXPLANATION, indicator, editor)
    html = client.get(_url("session-detail", coalition, session_id=session.pk)).content.decode()
    notes = html.split('id="aantekeningen"')[1]
    assert indicator.name_nl in notes
    assert "Verklaring" in notes and "Het tempo van de groepen en de taalbarrière." in notes
    assert "bij de vraag “Wat herkennen we (niet) uit de praktijk?”" in notes


def test_a_note_needs_text_and_names_the_field(client, editor, coalition, session):
    client.force_login(editor)
    response = client.post(
        _url("session-record", coalition, session_id=session.pk),
        {"form": "note", "note-kind": "observation", "note-text": ""},
    )
    assert response.status_code == 200
    assert "“Aantekening” is verplicht." in response.content.decode()
    assert not SessionNote.objects.exists()


def test_a_question_that_is_not_the_sessions_is_refused(client, editor, coalition, session):
    client.force_login(editor)
    response = client.post(
        _url("session-record", coalition, session_id=session.pk),
        {"form": "note", "note-kind": "observation", "note-question": "Iets anders?",
         "note-text": "Tekst"},
    )  # fmt: skip
    assert "Kies een van de mogelijkheden bij “Bij de vraag”." in response.content.decode()


def test_an_unknown_form_is_answered_with_a_message(client, editor, coalition, session):
    client.force_login(editor)
    response = client.post(
        _url("session-record", coalition, session_id=session.pk), {"form": "iets"}, follow=True
    )
    assert "Kies wat u wilt vastleggen" in response.content.decode()


def test_a_goal_of_another_coalition_cannot_be_chosen(
    client, editor, coalition, session, other_coalition
):
    foreign_goal = GoalFactory(ambition__coalition=other_coalition)
    client.force_login(editor)
    response = client.post(
        _url("session-record", coalition, session_id=session.pk),
        {"form": "conclusion", "conclusion-text": "Conclusie", "conclusion-goal": foreign_goal.pk},
    )
    assert response.status_code == 200
    assert "Kies een van de mogelijkheden bij “Bij het doel”." in response.content.decode()
    assert not Conclusion.objects.exists()


def test_the_domain_functions_refuse_another_coalitions_plan(session, other_coalition):
    foreign_goal = GoalFactory(ambition__coalition=other_coalition)
    foreign_indicator = IndicatorFactory(code="elders", coalition=other_coalition)
    with pytest.raises(RecordingError):
        record_conclusion(session, "Conclusie", goal=foreign_goal)
    with pytest.raises(RecordingError):
        record_action(session, "Actie", goal=foreign_goal)
    with pytest.raises(RecordingError):
        add_note(session, "Notitie", indicator=foreign_indicator)


def test_an_action_says_what_who_by_when_and_its_plan_link(
    client, editor, coalition, session, goal, activity
):
    client.force_login(editor)
    response = client.post(
        _url("session-record", coalition, session_id=session.pk),
        {
            "form": "action",
            "action-what": "Cursus in het Arabisch aanbieden",
            "action-who": "GGD",
            "action-due_on": "2025-06-01",
            "action-goal": goal.pk,
            "action-activity": activity.pk,
            "action-status": "open",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.cycle, action.session, action.goal, action.activity) == (
        session.cycle,
        session,
        goal,
        activity,
    )
    assert str(action.due_on) == "2025-06-01"


def test_a_due_date_that_is_not_a_date_is_refused(client, editor, coalition, session):
    client.force_login(editor)
    response = client.post(
        _url("session-record", coalition, session_id=session.pk),
        {"form": "action", "action-what": "Iets", "action-due_on": "morgen",
         "action-status": "open"},
    )  # fmt: skip
    assert "“Uiterlijk op” heeft geen geldige waarde." in response.content.decode()


def test_the_status_of_an_action_is_kept_up_to_date(client, editor, coalition, session):
    action = record_action(session, "Cijfers per wijk opvragen")
    client.force_login(editor)
    detail = _url("session-detail", coalition, session_id=session.pk)
    response = client.post(
        _url("action-edit", coalition, action_id=action.pk) + f"?next={detail}",
        {"what": action.what, "status": "busy", "next": detail},
    )
    assert response.status_code == 302 and response.url == detail
    action.refresh_from_db()
    assert action.status == ActionStatus.BUSY
    assert "Bezig" in client.get(detail).content.decode()


def test_it_does_not_follow_a_next_address_of_another_site(client, editor, coalition, session):
    action = record_action(session, "Actie")
    client.force_login(editor)
    response = client.post(
        _url("action-edit", coalition, action_id=action.pk),
        {"what": "Actie", "status": "done", "next": "https://example.com/"},
    )
    assert response.url.startswith(_url("session-record", coalition, session_id=session.pk))


def test_set_action_status_refuses_an_unknown_status(session):
    action = record_action(session, "Actie")
    with pytest.raises(ValueError):
        set_action_status(action, "half")
    assert set_action_status(action, "dropped").status == ActionStatus.DROPPED


def test_recorded_items_can_be_changed_and_deleted(client, editor, coalition, session):
    note = add_note(session, "Waarneming")
    conclusion = record_conclusion(session, "Oude tekst")
    action = record_action(session, "Actie")
    client.force_login(editor)
    client.post(
        _url("conclusion-edit", coalition, conclusion_id=conclusion.pk), {"text": "Nieuwe tekst"}
    )
    conclusion.refresh_from_db()
    assert conclusion.text == "Nieuwe tekst"
    for name, kwargs in [
        ("note-delete", {"note_id": note.pk}),
        ("conclusion-delete", {"conclusion_id": conclusion.pk}),
        ("action-delete", {"action_id": action.pk}),
    ]:
        assert client.post(_url(name, coalition, **kwargs)).status_code == 302
    assert not (SessionNote.objects.exists() or Conclusion.objects.exists())
    assert not Action.objects.exists()


def test_deleting_a_session_deletes_what_it_recorded(client, editor, coalition, session):
    record_action(session, "Actie")
    client.force_login(editor)
    response = client.post(_url("session-delete", coalition, session_id=session.pk))
    assert response.status_code == 302
    assert not Action.objects.exists()
    assert session.cycle.sessions.count() == 0


def test_the_action_list_filters_on_status(client, member, coalition, session):
    record_action(session, "Open actie")
    record_action(session, "Klare actie", status="done")
    client.force_login(member)
    url = _url("action-list", coalition)
    html = client.get(url, {"status": "done"}).content.decode()
    table = html.split("<table")[1]
    assert "Klare actie" in table and "Open actie" not in table
    html = client.get(url, {"status": "<script>"}).content.decode()
    assert "Klare actie" in html and "Open actie" in html
