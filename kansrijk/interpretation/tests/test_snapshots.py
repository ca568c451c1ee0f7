"""A session keeps the figures as they were when it was prepared; after a later import the
snapshot and today's figures are shown side by side where they differ."""

import json
from datetime import date

from django.urls import reverse

from kansrijk.insight.tables import overview_data
from kansrijk.insight.versioning import current_data_version
from kansrijk.interpretation.preparing import prepare_session, update_session
from kansrijk.interpretation.snapshots import (
    NEW_PERIOD,
    NO_SNAPSHOT,
    VALUE_CHANGED,
    compare,
    snapshot_figures,
)
from kansrijk.testing.factories import IndicatorFactory, PlanIndicatorFactory


def _detail(client, user, session):
    client.force_login(user)
    url = reverse(
        "interpretation:session-detail",
        kwargs={"slug": session.cycle.coalition.slug, "session_id": session.pk},
    )
    return client.get(url).content.decode()


def _later_import(write_figures, indicator):
    """CBS revises 2023 (from 23,1% to 30,0%) and publishes 2024 (31,0%)."""
    return write_figures(indicator, {"2023": (300, 1000), "2024": (310, 1000)}, table="t2")


def test_it_stores_the_figures_as_the_figures_pages_show_them(session, coalition):
    first = session.indicators.order_by("code").first()
    summary = next(s for s in overview_data(coalition).indicators if s.code == first.code)
    stored = session.snapshot["indicators"][first.code]
    assert stored["latest_period"] == summary.latest_period == "2023"
    assert stored["latest"]["value"] == summary.latest.value
    assert stored["latest"]["lower"] == summary.latest.lower
    assert stored["judgement"] == summary.verdict.judgement
    assert stored["periods"] == ["2020", "2021", "2022", "2023"]
    assert session.snapshot["data_version"] == current_data_version()
    assert session.prepared_at is not None


def test_a_suppressed_cell_is_stored_without_its_numbers(cycle, goal, write_figures):
    indicator = IndicatorFactory(code="klein", unit="percentage", min_count=10)
    PlanIndicatorFactory(goal=goal, indicator=indicator)
    write_figures(indicator, {"2022": (250, 1000), "2023": (3, 1000)})
    session = prepare_session(cycle, "Kleine aantallen", None, [indicator], [])
    stored = session.snapshot["indicators"]["klein"]
    latest = stored["latest"]
    assert latest["suppressed"] is True
    assert latest["value"] is None and latest["lower"] is None and latest["upper"] is None
    text = json.dumps(session.snapshot)
    assert "numerator" not in text and "denominator" not in text
    cells = [stored["latest"], *stored["values"]]
    numbers = [cell[key] for cell in cells for key in ("value", "lower", "upper")]
    assert all(number is None or number > 20 for number in numbers)  # not the hidden 0,3%


def test_nothing_differs_while_the_figures_stay_the_same(session):
    comparisons = compare(session)
    assert [c.differences for c in comparisons] == [[], []]
    assert all(c.now is None for c in comparisons)


def test_after_a_later_import_it_shows_both_the_snapshot_and_the_current_figures(
    client, member, session, write_figures
):
    indicator = session.indicators.order_by("code").first()
    _later_import(write_figures, indicator)
    changed = next(c for c in compare(session) if c.code == indicator.code)
    assert changed.differences[:2] == [NEW_PERIOD, VALUE_CHANGED]
    assert changed.then.latest.value == 23.1
    assert changed.now.latest.value == 31.0
    assert changed.new_periods == ["2024"]

    page = _detail(client, member, session)
    assert "Sinds de voorbereiding zijn er nieuwe of gewijzigde cijfers" in page
    section = page.split(f'id="indicator-{indicator.code}"')[1].split("</section>")[0]
    assert "Bij de voorbereiding" in section and "Nu" in section
    assert "23,1%" in section and "31,0%" in section  # the latest value then and now
    assert "30,0" in section  # the revised 2023 value, beside the 23,1 prepared
    assert "(gewijzigd)" in section


def test_an_unchanged_indicator_shows_only_the_prepared_figures(
    client, member, session, write_figures
):
    changed, unchanged = session.indicators.order_by("code")
    _later_import(write_figures, changed)
    page = _detail(client, member, session)
    section = page.split(f'id="indicator-{unchanged.code}"')[1].split("</section>")[0]
    assert "Bij de voorbereiding" in section
    assert '<p class="figures-label">Nu</p>' not in section


def test_editing_a_session_keeps_its_figures(session, plan_indicators, write_figures):
    first = session.indicators.order_by("code").first()
    _later_import(write_figures, first)
    update_session(
        session,
        title=session.title,
        held_on=session.held_on,
        indicators=plan_indicators[:3],
        stories=[],
    )
    figures = snapshot_figures(session)
    assert figures[first.code].latest.value == 23.1  # as prepared
    assert set(figures) == {i.code for i in plan_indicators[:3]}  # the new one taken now


def test_editing_can_take_the_figures_again(session, plan_indicators, write_figures):
    first = session.indicators.order_by("code").first()
    _later_import(write_figures, first)
    update_session(
        session,
        title=session.title,
        held_on=session.held_on,
        indicators=plan_indicators[:2],
        stories=[],
        refresh_figures=True,
    )
    assert snapshot_figures(session)[first.code].latest.value == 31.0
    assert compare(session)[0].differences == []


def test_an_indicator_added_without_a_snapshot_is_marked(session, plan_indicators):
    session.indicators.add(plan_indicators[4])
    found = {c.code: c for c in compare(session)}
    assert found[plan_indicators[4].code].differences == [NO_SNAPSHOT]
    assert found[plan_indicators[4].code].now is not None


def test_one_indicator_can_be_compared_for_the_session_pack(session, write_figures):
    indicator = session.indicators.order_by("code").first()
    assert compare(session, indicator) == []
    _later_import(write_figures, indicator)
    [changed] = compare(session, indicator)
    assert changed.then.latest.value == 23.1 and changed.now.latest.value == 31.0


def test_a_session_prepared_before_any_figures_has_no_values(cycle, goal):
    indicator = IndicatorFactory(code="leeg", unit="percentage")
    PlanIndicatorFactory(goal=goal, indicator=indicator)
    session = prepare_session(cycle, "Zonder cijfers", date(2025, 3, 1), [indicator], [])
    stored = session.snapshot["indicators"]["leeg"]
    assert stored["periods"] == [] and stored["latest"] is None
