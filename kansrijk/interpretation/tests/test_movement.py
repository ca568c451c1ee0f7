"""How a cycle's indicators moved since its sessions were prepared."""

from datetime import date

from kansrijk.interpretation.movement import DOWN, SAME, UP, cycle_movement, linked_movements
from kansrijk.interpretation.preparing import prepare_session


def test_nothing_moved_while_the_figures_stay_the_same(session):
    movements = cycle_movement(session.cycle)
    assert [m.code for m in movements] == ["duiding_1", "duiding_2"]
    assert {m.change for m in movements} == {SAME}
    assert all(m.new_periods == [] and not m.verdict_changed for m in movements)


def test_it_compares_the_first_snapshot_with_today(session, plan_indicators, write_figures):
    up, down = plan_indicators[:2]
    write_figures(up, {"2024": (330, 1000)}, table="t2")
    write_figures(down, {"2024": (100, 1000)}, table="t3")
    movements = {m.code: m for m in cycle_movement(session.cycle)}
    assert movements[up.code].change == UP
    assert movements[up.code].then.latest.value == 23.1
    assert movements[up.code].now.latest.value == 33.0
    assert movements[up.code].new_periods == ["2024"]
    assert movements[down.code].change == DOWN
    assert movements[down.code].session_title == "Duidingssessie rookvrij"


def test_a_later_session_does_not_replace_the_first_snapshot(
    session, plan_indicators, write_figures
):
    write_figures(plan_indicators[0], {"2024": (330, 1000)}, table="t2")
    prepare_session(session.cycle, "Tweede sessie", date(2025, 5, 1), plan_indicators[:1], [])
    movement = next(m for m in cycle_movement(session.cycle) if m.code == "duiding_1")
    assert movement.then.latest_period == "2023"
    assert movement.session_title == "Duidingssessie rookvrij"


def test_a_verdict_that_changed_is_noticed(session, plan_indicators, write_figures):
    # A steep rise makes the trend clear: "ongunstig" for an indicator where lower is better.
    write_figures(plan_indicators[0], {"2024": (450, 1000), "2025": (600, 1000)}, table="t2")
    movement = next(m for m in cycle_movement(session.cycle) if m.code == "duiding_1")
    assert movement.then.judgement != movement.now.judgement
    assert movement.verdict_changed


def test_a_cycle_without_prepared_sessions_has_no_movement(cycle):
    assert cycle_movement(cycle) == []


def test_conclusions_and_actions_get_the_movement_of_their_indicators(
    session, plan_indicators, goal, other_goal, activity
):
    movements = cycle_movement(session.cycle)
    by_indicator = linked_movements(movements, indicator=plan_indicators[1])
    assert [m.code for m in by_indicator] == ["duiding_2"]
    by_goal = linked_movements(movements, goal=goal)
    assert [m.code for m in by_goal] == ["duiding_1", "duiding_2"]
    by_activity = linked_movements(movements, activity=activity)  # through its goal
    assert [m.code for m in by_activity] == ["duiding_1", "duiding_2"]
    assert linked_movements(movements, goal=other_goal) == []
