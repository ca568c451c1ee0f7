"""Fixtures for the learning cycle: a plan with five indicators that have figures, three
stories whose consent allows sessions (and two that may not be used), and a cycle with a
session. Figures are written the way importers write them (``save_observations``)."""

from datetime import date

import pytest
from django.core.cache import cache

from kansrijk.interpretation.cycles import start_cycle
from kansrijk.interpretation.preparing import prepare_session
from kansrijk.observations.importing import ObservationRow, save_observations
from kansrijk.observations.models import ImportBatch, SourceKind
from kansrijk.stories.models import Consent, ReviewStatus
from kansrijk.stories.tests.factories import QuoteFactory, StoryFactory, StoryThemeFactory
from kansrijk.testing.factories import (
    ActivityFactory,
    AmbitionFactory,
    AreaFactory,
    GoalFactory,
    IndicatorFactory,
    PlanIndicatorFactory,
)

YEARS = ["2020", "2021", "2022", "2023"]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def netherlands(db):
    return AreaFactory(code="NL01", name="Nederland", level="country", inhabitants=17_900_000)


@pytest.fixture
def write_figures(municipality, netherlands):
    """``write_figures(indicator, {year: (numerator, denominator)})`` for the municipality,
    with the country beside it; returns the import batch."""

    def write(indicator, figures, *, table="t1"):
        batch = ImportBatch.objects.create(
            kind=SourceKind.CBS, source_name="CBS StatLine", table_or_file=table
        )
        rows = []
        for year, (numerator, denominator) in figures.items():
            rows.append(ObservationRow(indicator.id, municipality.id, year, numerator, denominator))
            rows.append(ObservationRow(indicator.id, netherlands.id, year, 9000, 100_000))
        save_observations(batch, rows, {indicator.id: indicator.unit})
        return batch

    return write


@pytest.fixture
def ambition(coalition):
    return AmbitionFactory(coalition=coalition, title="Ieder kind een kansrijke start")


@pytest.fixture
def goal(ambition):
    return GoalFactory(ambition=ambition, title="Minder rookende zwangeren")


@pytest.fixture
def other_goal(ambition):
    return GoalFactory(ambition=ambition, title="Meer borstvoeding")


@pytest.fixture
def activity(goal):
    return ActivityFactory(goal=goal, title="Stoppen-met-rokencursus in de wijk")


@pytest.fixture
def plan_indicators(goal, other_goal, activity, write_figures):
    """Five indicators with figures: three linked to ``goal`` (one through its activity),
    two to ``other_goal``."""
    indicators = []
    for number, owner in enumerate([goal, goal, activity, other_goal, other_goal], start=1):
        indicator = IndicatorFactory(
            code=f"duiding_{number}",
            name_nl=f"Indicator {number} van de sessie",
            unit="percentage",
            direction="lower",
            min_count=10,
        )
        if owner is activity:
            PlanIndicatorFactory(goal=None, activity=activity, indicator=indicator)
        else:
            PlanIndicatorFactory(goal=owner, indicator=indicator)
        write_figures(
            indicator, {year: (200 + 10 * i + number, 1000) for i, year in enumerate(YEARS)}
        )
        indicators.append(indicator)
    return indicators


@pytest.fixture
def session_stories(coalition, goal, other_goal):
    """Three approved stories that may be used in sessions, each with a quote: one linked to
    ``goal`` directly, one through a theme, one to ``other_goal``."""
    theme = StoryThemeFactory(coalition=coalition, name="Rookvrij")
    theme.goals.add(goal)
    direct = StoryFactory(
        coalition=coalition,
        anonymised_text="Bij de verloskundige hoorde ik voor het eerst van de cursus.",
        consent=Consent.SESSIONS,
    )
    direct.goals.add(goal)
    themed = StoryFactory(
        coalition=coalition,
        anonymised_text="In de groep ging het te snel en ik verstond niet alles.",
        consent=Consent.PUBLISH,
    )
    themed.themes.add(theme)
    other = StoryFactory(
        coalition=coalition,
        anonymised_text="Borstvoeding lukte pas na hulp van de lactatiekundige.",
        consent=Consent.SESSIONS,
    )
    other.goals.add(other_goal)
    for story in (direct, themed, other):
        QuoteFactory(story=story, text=story.anonymised_text[:40])
    return [direct, themed, other]


@pytest.fixture
def unusable_stories(coalition, goal):
    """Stories linked to ``goal`` that may not be used in sessions."""
    internal = StoryFactory(
        coalition=coalition,
        anonymised_text="Alleen voor intern gebruik bedoeld verhaal.",
        consent=Consent.INTERNAL,
    )
    pending = StoryFactory(
        coalition=coalition,
        anonymised_text="Nog niet gecontroleerd verhaal.",
        review_status=ReviewStatus.PENDING,
    )
    for story in (internal, pending):
        story.goals.add(goal)
    return [internal, pending]


@pytest.fixture
def cycle(coalition):
    return start_cycle(coalition, "Monitor 2025", date(2025, 1, 6))


@pytest.fixture
def session(cycle, plan_indicators, session_stories):
    return prepare_session(
        cycle,
        "Duidingssessie rookvrij",
        date(2025, 2, 12),
        plan_indicators[:2],
        session_stories[:1],
        {"professional": 6, "resident": (2, "ouderpanel")},
    )


@pytest.fixture
def bare_session(cycle):
    """A session without figures or stories: quick, for tests of access and input."""
    return prepare_session(cycle, "Korte sessie", date(2025, 2, 12), [], [])


@pytest.fixture
def elsewhere_session(other_coalition):
    cycle = start_cycle(other_coalition, "Monitor elders", date(2025, 1, 6))
    return prepare_session(cycle, "Sessie elders", date(2025, 2, 1), [], [])
