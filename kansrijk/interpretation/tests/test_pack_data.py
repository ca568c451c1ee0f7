"""``session_pack_data``: the agenda, the figures per indicator, and only the stories a session
may use."""

from datetime import date

import pytest
from django.http import Http404

from kansrijk.interpretation.access import get_session
from kansrijk.interpretation.models import Cycle, Participant, Session
from kansrijk.interpretation.pack.data import latest_session, session_pack_data
from kansrijk.interpretation.snapshots import NEW_PERIOD, take_snapshot
from kansrijk.observations.importing import ObservationRow, save_observations
from kansrijk.observations.models import ImportBatch, SourceKind

from .pack_fixtures import *  # noqa: F403
from .pack_fixtures import INDICATOR_NAMES, QUOTES


def test_it_gathers_the_agenda(pack_session):
    Participant.objects.create(session=pack_session, role="professional", count=6, names="JGZ")

    pack = session_pack_data(pack_session)

    assert pack.title == "Duidingssessie voorjaar"
    assert pack.held_on == date(2025, 3, 12)
    assert pack.cycle == "Monitorronde 2025"
    assert pack.questions == ["Wat zien we?", "Wat herkennen we uit de praktijk?"]
    assert pack.participants == ["Professionals: 6 (JGZ)"]


def test_a_session_without_questions_gets_the_default_ones(pack_session):
    pack_session.questions = []
    pack_session.save()

    pack = session_pack_data(pack_session)

    assert pack.questions[0] == "Wat zien we?"
    assert len(pack.questions) == 4


def test_it_has_each_indicator_in_the_order_chosen(pack_session):
    pack = session_pack_data(pack_session)

    assert [item.name for item in pack.indicators] == INDICATOR_NAMES


def test_each_indicator_has_its_figures_verdict_and_trend_chart(pack_session):
    item = session_pack_data(pack_session).indicators[0]

    assert item.page.definition == "Definitie van roken tijdens de zwangerschap."
    assert item.summary.latest_period == "2024"
    assert item.summary.latest.is_published
    assert item.summary.verdict.basis
    assert item.summary.country is not None
    assert item.chart.slug == "trend"
    assert item.svg.startswith("<svg")
    assert item.svg_data_uri.startswith("data:image/svg+xml;base64,")


def test_quotes_are_those_of_stories_with_consent_for_sessions(pack_session):
    pack = session_pack_data(pack_session)

    quotes = {item.name: [q.text for q in item.quotes] for item in pack.indicators}
    assert quotes[INDICATOR_NAMES[0]] == [QUOTES[0]]
    assert quotes[INDICATOR_NAMES[1]] == [QUOTES[1]]
    assert quotes[INDICATOR_NAMES[3]] == []


def test_chosen_stories_are_approved_anonymised_and_allowed_in_sessions(pack_session):
    pack = session_pack_data(pack_session)

    texts = [story.text for story in pack.stories]
    assert len(texts) == 3
    assert all("[NAAM]" in text for text in texts)
    assert not any("Jan de Vries" in text for text in texts)
    assert not any("intern" in text or "gecontroleerd" in text for text in texts)


def test_a_member_sees_the_chosen_stories_and_an_outsider_none(pack_session, member, outsider):
    assert len(session_pack_data(pack_session, member).stories) == 3
    assert session_pack_data(pack_session, outsider).stories == []


def test_figures_that_changed_since_the_snapshot_are_shown_beside_it(
    pack_session, pack_indicators, municipality
):
    take_snapshot(pack_session)
    indicator = pack_indicators[0]
    batch = ImportBatch.objects.create(kind=SourceKind.CBS, source_name="CBS StatLine")
    save_observations(
        batch,
        [ObservationRow(indicator.id, municipality.id, "2025", 800, 3000)],
        {indicator.id: indicator.unit},
    )

    pack = session_pack_data(pack_session)

    changes = pack.indicators[0].changes
    assert len(changes) == 1
    assert changes[0].then.latest_period == "2024"
    assert changes[0].now.latest_period == "2025"
    assert NEW_PERIOD in changes[0].differences
    assert pack.indicators[1].changes == []


def test_a_session_is_found_only_through_its_own_coalition(
    coalition, pack_session, foreign_session
):
    assert get_session(coalition, pack_session.pk) == pack_session
    with pytest.raises(Http404):
        get_session(coalition, foreign_session.pk)


def test_the_latest_session_is_the_one_with_the_latest_date(coalition, pack_session):
    cycle = pack_session.cycle
    later = Session.objects.create(cycle=cycle, title="Najaar", held_on=date(2025, 10, 1))
    Session.objects.create(cycle=cycle, title="Zonder datum")
    other_cycle = Cycle.objects.create(
        coalition=coalition, title="Oud", started_on=date(2024, 1, 1)
    )
    Session.objects.create(cycle=other_cycle, title="Vorig jaar", held_on=date(2024, 3, 1))

    assert latest_session(coalition) == later


def test_a_coalition_without_sessions_has_no_latest_one(coalition):
    assert latest_session(coalition) is None
