"""The acceptance test of the learning cycle, through the pages as an editor would use them:
create a cycle, prepare a session with five indicators and three stories, record two
conclusions and three actions and set their statuses, then start the next cycle and find
the conclusions and actions there with their status, and carry one over."""

import re
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from kansrijk.insight.tests.test_output_paths import _hidden_cells, forbidden_patterns, leaks
from kansrijk.interpretation.models import Action, ActionStatus, Conclusion, Cycle, Session
from kansrijk.observations.importing import ObservationRow, save_observations
from kansrijk.observations.models import ImportBatch, SourceKind
from kansrijk.testing.factories import AreaFactory


def url(name, coalition, **kwargs):
    return reverse(f"interpretation:{name}", kwargs={"slug": coalition.slug, **kwargs})


def _rows_of(html: str, text: str) -> str:
    """The table row that holds ``text``."""
    for row in re.findall(r"<tr>.*?</tr>", html, re.S):
        if text in row:
            return row
    raise AssertionError(f"no row with {text!r}")


@pytest.fixture
def small_wijk(municipality, plan_indicators):
    """A wijk whose figures are too small to show: 4 of 137 and 6 of 151 (hidden)."""
    wijk = AreaFactory(code="WK999901", name="Kleine wijk", level="district", parent=municipality)
    for indicator in plan_indicators:
        indicator.lowest_level = "wijk"
        indicator.save()
    batch = ImportBatch.objects.create(kind=SourceKind.CBS, source_name="CBS StatLine")
    rows = [
        ObservationRow(indicator.id, wijk.id, year, numerator, denominator)
        for indicator in plan_indicators
        for year, (numerator, denominator) in {"2023": (4, 137), "2024": (6, 151)}.items()
    ]
    save_observations(batch, rows, {i.id: i.unit for i in plan_indicators})
    return wijk


def test_a_coalition_goes_round_the_learning_cycle(
    client, editor, coalition, goal, activity, plan_indicators, session_stories, small_wijk
):
    client.force_login(editor)

    # 1. Create a cycle.
    response = client.post(
        url("cycle-create", coalition),
        {
            "title": "Monitor 2025",
            "started_on": "2025-01-06",
            "data_note": "CBS-cijfers tot en met 2023",
        },
    )
    cycle = Cycle.objects.get(coalition=coalition, title="Monitor 2025")
    assert response.status_code == 302
    assert response.url == url("cycle-detail", coalition, cycle_id=cycle.pk)

    # 2. Prepare a session with five indicators and three stories.
    response = client.post(
        url("session-create", coalition, cycle_id=cycle.pk),
        {
            "title": "Duidingssessie rookvrij zwanger",
            "held_on": "2025-02-12",
            "purpose": "Begrijpen waarom minder zwangeren stoppen met roken.",
            "indicators": [indicator.pk for indicator in plan_indicators],
            "stories": [story.pk for story in session_stories],
            "count_professional": "7",
            "names_professional": "JGZ, verloskundigen",
            "count_resident": "3",
            "count_manager": "1",
            "count_policy": "2",
            "questions": "Wat zien we?\nWat valt op?\nWat herkennen we (niet) uit de praktijk?\n"
            "Wat betekent dit voor onze ambities?",
        },
    )
    session = Session.objects.get(cycle=cycle)
    assert response.status_code == 302
    assert session.indicators.count() == 5
    assert session.stories.count() == 3
    assert len(session.snapshot["indicators"]) == 5
    page = client.get(url("session-detail", coalition, session_id=session.pk)).content.decode()
    for indicator in plan_indicators:
        assert indicator.name_nl in page
    for story in session_stories:
        assert story.anonymised_text[:40] in page
    assert "In totaal 13 deelnemers." in page

    # 3. The session pack as PDF: the indicator names and the quotes, no hidden number.
    response = client.get(
        reverse("pack:pack-pdf", kwargs={"slug": coalition.slug, "session_id": session.pk})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(
        BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for indicator in plan_indicators:
        assert indicator.name_nl in text
    for story in session_stories:
        assert story.quotes.first().text in text
    patterns = forbidden_patterns(_hidden_cells(coalition, plan_indicators))
    assert patterns["text"], "the figures must hold hidden cells for this check to mean anything"
    assert leaks(text, "pdf", patterns) == []

    # 4. Record two conclusions and three actions.
    record = url("session-record", coalition, session_id=session.pk)
    for text, indicator in [
        (
            "Het aandeel rokers stijgt, vooral in de wijken met veel nieuwkomers.",
            plan_indicators[0],
        ),
        ("De cursus bereikt te weinig zwangeren.", None),
    ]:
        response = client.post(
            record,
            {
                "form": "conclusion",
                "conclusion-text": text,
                "conclusion-indicator": indicator.pk if indicator else "",
                "conclusion-goal": goal.pk,
            },
        )
        assert response.status_code == 302
    actions = [
        ("Cursus aanbieden in het Arabisch en Tigrinya", "GGD", "2025-06-01", activity.pk),
        ("Verloskundigen vragen actief naar roken", "Verloskundigen", "2025-04-01", ""),
        ("Cijfers per wijk opvragen bij de JGZ", "Gemeente", "", ""),
    ]
    for what, who, due_on, activity_id in actions:
        response = client.post(
            record,
            {
                "form": "action",
                "action-what": what,
                "action-who": who,
                "action-due_on": due_on,
                "action-goal": goal.pk,
                "action-activity": activity_id,
                "action-status": "open",
            },
        )
        assert response.status_code == 302
    assert Conclusion.objects.filter(session=session).count() == 2
    assert Action.objects.filter(session=session).count() == 3

    # 5. Keep the statuses up to date.
    done, busy, still_open = Action.objects.filter(session=session).order_by("id")
    for action, status in [(done, "done"), (busy, "busy")]:
        response = client.post(
            url("action-edit", coalition, action_id=action.pk),
            {
                "what": action.what,
                "who": action.who,
                "due_on": action.due_on.isoformat() if action.due_on else "",
                "goal": goal.pk,
                "activity": action.activity_id or "",
                "status": status,
            },
        )
        assert response.status_code == 302
    done.refresh_from_db()
    busy.refresh_from_db()
    assert (done.status, busy.status) == (ActionStatus.DONE, ActionStatus.BUSY)

    # 6. Start the next cycle: last cycle's conclusions and actions, with their status.
    page = client.get(url("cycle-create", coalition)).content.decode()
    assert "Terugblik op Monitor 2025" in page
    assert "Het aandeel rokers stijgt" in page
    assert "De cursus bereikt te weinig zwangeren." in page
    assert "Afgerond" in _rows_of(page, "Cursus aanbieden in het Arabisch")
    assert "Bezig" in _rows_of(page, "Verloskundigen vragen actief naar roken")
    assert "Open" in _rows_of(page, "Cijfers per wijk opvragen")
    assert "Indicator 1 van de sessie" in page  # how the linked indicators moved
    # Only unfinished actions can be carried over.
    assert f'value="{busy.pk}"' in page and f'value="{still_open.pk}"' in page
    assert f'value="{done.pk}"' not in page

    response = client.post(
        url("cycle-create", coalition),
        {
            "title": "Monitor 2026",
            "started_on": "2026-01-05",
            "carry_over": [busy.pk],
            "close_previous": "on",
        },
    )
    next_cycle = Cycle.objects.get(coalition=coalition, title="Monitor 2026")
    assert response.status_code == 302
    assert next_cycle.previous == cycle
    cycle.refresh_from_db()
    assert cycle.closed_on is not None

    carried = Action.objects.get(cycle=next_cycle)
    assert carried.carried_over_from == busy
    assert carried.status == ActionStatus.BUSY
    page = client.get(url("cycle-detail", coalition, cycle_id=next_cycle.pk)).content.decode()
    row = _rows_of(page, "Verloskundigen vragen actief naar roken")
    assert "Bezig" in row and "meegenomen uit de vorige ronde" in row
    assert "Vorige ronde" in page and "Monitor 2025" in page

    # The coalition overview lists what is still open: the carried-over action (not its
    # original) and the action nobody started.
    overview = client.get(reverse("coalitions:coalition-detail", args=[coalition.slug]))
    panel = overview.content.decode().split('id="acties"')[1]
    rows = re.findall(r"<tr>.*?</tr>", panel, re.S)
    assert len([row for row in rows if "Verloskundigen vragen actief naar roken" in row]) == 1
    assert "Cijfers per wijk opvragen" in panel
    assert "Cursus aanbieden in het Arabisch" not in panel
