"""No page of the learning cycle answers bad input with a server error: it shows the form
again with a message, or saves what is valid."""

import pytest
from django.urls import reverse

from kansrijk.interpretation.recording import record_action, record_conclusion

NASTY = [
    "",
    " ",
    "\x00",
    "💥" * 400,
    "-1",
    "99999999999999999999999",
    "1e999",
    "NaN",
    "2025-02-30",
    "31-12-2025",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
]
FIELDS = [
    "title",
    "started_on",
    "closed_on",
    "data_note",
    "plan_changes",
    "carry_over",
    "close_previous",
    "held_on",
    "purpose",
    "indicators",
    "stories",
    "questions",
    "count_professional",
    "names_professional",
    "count_resident",
    "refresh_figures",
    "text",
    "indicator",
    "goal",
    "what",
    "who",
    "due_on",
    "activity",
    "status",
    "kind",
    "question",
]
PREFIXED = ["note", "conclusion", "action"]


@pytest.fixture
def pages(coalition, bare_session):
    cycle = bare_session.cycle
    conclusion = record_conclusion(bare_session, "Conclusie")
    action = record_action(bare_session, "Actie")
    slug = coalition.slug
    return {
        "cycle-create": reverse("interpretation:cycle-create", args=[slug]),
        "cycle-edit": reverse("interpretation:cycle-edit", args=[slug, cycle.pk]),
        "cycle-close": reverse("interpretation:cycle-close", args=[slug, cycle.pk]),
        "session-create": reverse("interpretation:session-create", args=[slug, cycle.pk]),
        "session-edit": reverse("interpretation:session-edit", args=[slug, bare_session.pk]),
        "session-record": reverse("interpretation:session-record", args=[slug, bare_session.pk]),
        "conclusion-edit": reverse("interpretation:conclusion-edit", args=[slug, conclusion.pk]),
        "action-edit": reverse("interpretation:action-edit", args=[slug, action.pk]),
    }


def _data(value, form=None):
    data = {field: value for field in FIELDS}
    for prefix in PREFIXED:
        data.update({f"{prefix}-{field}": value for field in FIELDS})
    if form:
        data["form"] = form
    return data


@pytest.mark.parametrize(
    "name",
    [
        "cycle-create",
        "cycle-edit",
        "cycle-close",
        "session-create",
        "session-edit",
        "conclusion-edit",
        "action-edit",
    ],
)
def test_no_form_page_crashes_on_nasty_values(client, editor, pages, name):
    client.force_login(editor)
    for value in NASTY:
        response = client.post(pages[name], _data(value))
        assert response.status_code in (200, 302), (value, response.status_code)
        if response.status_code == 200:
            assert response.context["form"].errors, value


@pytest.mark.parametrize("form", PREFIXED)
def test_the_record_page_does_not_crash_on_nasty_values(client, editor, pages, form):
    client.force_login(editor)
    for value in NASTY:
        response = client.post(pages["session-record"], _data(value, form))
        assert response.status_code in (200, 302), (value, response.status_code)
        if response.status_code == 200:
            assert response.context[f"{form}_form"].errors, value


def test_an_id_that_is_not_a_number_is_not_found(client, editor, coalition):
    client.force_login(editor)
    assert client.get(f"/coalities/{coalition.slug}/monitorrondes/abc/").status_code == 404
    huge = "9" * 30
    assert client.get(f"/coalities/{coalition.slug}/monitorrondes/{huge}/").status_code == 404
    url = f"/coalities/{coalition.slug}/monitorrondes/sessies/{huge}/"
    assert client.get(url).status_code == 404


def test_a_goal_that_is_not_a_number_leaves_the_session_form_usable(client, editor, pages):
    client.force_login(editor)
    for value in NASTY:
        response = client.get(pages["session-create"], {"doel": value})
        assert response.status_code == 200, value


def test_an_error_summary_names_the_fields(client, editor, pages):
    client.force_login(editor)
    response = client.post(pages["cycle-create"], {"title": "", "started_on": "gisteren"})
    html = response.content.decode()
    assert "Het formulier is nog niet goed ingevuld" in html
    assert "“Naam van de monitorronde” is verplicht." in html
    assert "“Startdatum” heeft geen geldige waarde." in html
