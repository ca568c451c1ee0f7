"""Cycles: starting one (and the next), carrying actions over, closing, the timeline and the
coalition's open actions."""

from datetime import date

import pytest
from django.urls import reverse

from kansrijk.insight.versioning import current_data_version
from kansrijk.interpretation.cycles import (
    CycleError,
    carry_over_actions,
    close_cycle,
    latest_cycle,
    open_actions,
    review_cycle,
    start_cycle,
    timeline,
)
from kansrijk.interpretation.models import ActionStatus, CycleStatus
from kansrijk.interpretation.recording import record_action, record_conclusion


@pytest.fixture
def recorded(session, goal):
    record_conclusion(session, "De cursus bereikt te weinig zwangeren.", goal=goal)
    return {
        status: record_action(session, f"Actie {status}", who="GGD", status=status, goal=goal)
        for status in ActionStatus.values
    }


def test_a_cycle_records_the_data_version_it_starts_with(coalition):
    cycle = start_cycle(coalition, "Monitor 2025", date(2025, 1, 6), data_note="CBS tot 2023")
    assert cycle.data_version == current_data_version()
    assert cycle.status == CycleStatus.PREPARING
    assert latest_cycle(coalition) == cycle


def test_the_next_cycle_looks_back_at_the_previous_one(session, recorded):
    review = review_cycle(session.cycle)
    assert [entry.item.text for entry in review.conclusions] == [
        "De cursus bereikt te weinig zwangeren."
    ]
    assert [entry.item.status for entry in review.actions] == list(ActionStatus.values)
    assert [a.status for a in review.carriable] == [ActionStatus.OPEN, ActionStatus.BUSY]
    assert [m.code for m in review.conclusions[0].movements] == ["duiding_1", "duiding_2"]


def test_carried_over_actions_keep_their_status_and_point_back(coalition, session, recorded):
    previous = session.cycle
    cycle = start_cycle(
        coalition,
        "Monitor 2026",
        date(2026, 1, 5),
        previous,
        carry_over=[recorded["busy"]],
        close_previous=True,
    )
    [carried] = cycle.actions.all()
    assert carried.session is None
    assert carried.carried_over_from == recorded["busy"]
    assert (carried.what, carried.who, carried.status) == ("Actie busy", "GGD", "busy")
    recorded["busy"].refresh_from_db()
    assert recorded["busy"].status == ActionStatus.BUSY  # the record of the old cycle
    previous.refresh_from_db()
    assert previous.closed_on == date(2026, 1, 5)


def test_an_action_is_carried_over_once(coalition, session, recorded):
    cycle = start_cycle(coalition, "Monitor 2026", date(2026, 1, 5), session.cycle)
    carry_over_actions([recorded["open"]], cycle)
    with pytest.raises(CycleError):
        carry_over_actions([recorded["open"]], cycle)


@pytest.mark.parametrize("status", ["done", "dropped"])
def test_finished_actions_are_not_carried_over(coalition, session, recorded, status):
    cycle = start_cycle(coalition, "Monitor 2026", date(2026, 1, 5), session.cycle)
    with pytest.raises(CycleError):
        carry_over_actions([recorded[status]], cycle)


def test_only_actions_of_the_previous_cycle_are_carried_over(coalition, session, recorded):
    with pytest.raises(CycleError):
        start_cycle(coalition, "Zonder vorige", date(2026, 1, 5), carry_over=[recorded["open"]])


def test_the_next_cycle_cannot_start_before_the_previous_one(coalition, cycle):
    with pytest.raises(CycleError):
        start_cycle(coalition, "Te vroeg", date(2024, 12, 1), cycle)


def test_a_cycle_cannot_close_before_it_started(cycle):
    with pytest.raises(CycleError):
        close_cycle(cycle, date(2024, 12, 31))
    close_cycle(cycle, date(2025, 12, 15), "Doel 2 aangescherpt.")
    cycle.refresh_from_db()
    assert cycle.status == CycleStatus.CLOSED
    assert cycle.plan_changes == "Doel 2 aangescherpt."


def test_open_actions_leave_out_finished_and_carried_over_ones(coalition, session, recorded):
    cycle = start_cycle(
        coalition, "Monitor 2026", date(2026, 1, 5), session.cycle, carry_over=[recorded["busy"]]
    )
    found = list(open_actions(coalition))
    assert recorded["open"] in found
    assert recorded["busy"] not in found  # its continuation counts instead
    assert [a.cycle for a in found if a.what == "Actie busy"] == [cycle]
    assert len(found) == 2


def test_the_timeline_runs_from_the_first_cycle_with_counts(coalition, session, recorded):
    start_cycle(
        coalition, "Monitor 2026", date(2026, 1, 5), session.cycle, carry_over=[recorded["open"]]
    )
    first, second = timeline(coalition)
    assert (first.cycle.title, second.cycle.title) == ("Monitor 2025", "Monitor 2026")
    assert (first.conclusion_count, first.action_count, first.open_action_count) == (1, 4, 1)
    assert (second.conclusion_count, second.action_count, second.open_action_count) == (0, 1, 1)
    assert [s.title for s in first.sessions] == ["Duidingssessie rookvrij"]


def test_the_timeline_page_shows_every_cycle_and_the_open_actions(
    client, member, coalition, session, recorded
):
    client.force_login(member)
    html = client.get(reverse("interpretation:cycle-list", args=[coalition.slug])).content.decode()
    assert "Monitor 2025" in html and "Duidingssessie rookvrij" in html
    assert "1 conclusie" in html and "4 acties" in html
    assert "Actie open" in html and "Actie done" not in html.split("Open acties")[1]


def test_the_start_page_offers_the_first_cycle_without_looking_back(client, editor, coalition):
    client.force_login(editor)
    html = client.get(reverse("interpretation:cycle-create", args=[coalition.slug])).content
    assert "Terugblik" not in html.decode()
    assert "Monitorronde starten" in html.decode()


def test_closing_a_cycle_through_its_page(client, editor, coalition, cycle):
    client.force_login(editor)
    url = reverse("interpretation:cycle-close", args=[coalition.slug, cycle.pk])
    response = client.post(url, {"closed_on": "2024-01-01", "plan_changes": ""})
    assert "“Afgesloten op” ligt vóór de startdatum van de ronde" in response.content.decode()
    response = client.post(url, {"closed_on": "2025-12-15", "plan_changes": "Nieuw doel."})
    assert response.status_code == 302
    cycle.refresh_from_db()
    assert (cycle.closed_on, cycle.plan_changes) == (date(2025, 12, 15), "Nieuw doel.")


def test_the_next_cycle_cannot_start_before_the_previous_one_through_the_page(
    client, editor, coalition, cycle
):
    client.force_login(editor)
    url = reverse("interpretation:cycle-create", args=[coalition.slug])
    response = client.post(url, {"title": "Te vroeg", "started_on": "2024-12-01"})
    assert response.status_code == 200
    assert "“Startdatum” ligt vóór de start van de vorige ronde" in response.content.decode()
