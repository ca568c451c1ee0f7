"""Fixtures for the session pack's tests: a session of ``coalition`` with five indicators whose
wijk figures hold small (suppressed) numbers, and three stories with quotes.

Import them into a test module with ``from .pack_fixtures import *  # noqa: F403``.
"""

from datetime import date

import pytest
from django.core.cache import cache

from kansrijk.interpretation.models import Cycle, Session
from kansrijk.observations.importing import ObservationRow, save_observations
from kansrijk.observations.models import ImportBatch, SourceKind
from kansrijk.stories.models import Consent, ReviewStatus
from kansrijk.stories.tests.factories import QuoteFactory, StoryFactory
from kansrijk.testing.factories import (
    AreaFactory,
    GoalFactory,
    IndicatorFactory,
    PlanIndicatorFactory,
)

__all__ = [
    "empty_cache",
    "country",
    "pack_indicators",
    "pack_stories",
    "pack_session",
    "foreign_session",
    "QUOTES",
    "INDICATOR_NAMES",
]

YEARS = ["2020", "2021", "2022", "2023", "2024"]
MIN_COUNT = 10

# Per indicator: its unit and (numerator, denominator) for each of five wijken; the first
# wijken are small, so their cells are suppressed (with some of their neighbours).
INDICATORS = [
    ("pakket_rook", "Roken tijdens de zwangerschap", "percentage",
     [(3, 467), (0, 9), (251, 257), (120, 1000), (200, 1250)]),
    ("pakket_vroeg", "Vroeggeboorte per 1.000", "per_1000",
     [(2, 2613), (7, 3977), (20, 5290), (55, 6120), (61, 7380)]),
    ("pakket_zorg", "Gezinnen met een zorgmelding", "count",
     [(4, None), (7, None), (0, None), (35, None), (52, None)]),
    ("pakket_borst", "Borstvoeding na drie maanden", "percentage",
     [(4, 611), (31, 293), (45, 517), (60, 701), (75, 833)]),
    ("pakket_laag", "Laag geboortegewicht", "percentage",
     [(5, 353), (141, 219), (138, 247), (152, 281), (166, 311)]),
]  # fmt: skip
INDICATOR_NAMES = [name for _code, name, _unit, _rows in INDICATORS]

QUOTES = [
    "De verloskundige had echt tijd voor ons",
    "Over geldzorgen durfde ik niet te beginnen",
    "In de wijk kende ik niemand met een baby",
]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def country(db):
    return AreaFactory(code="NL01", name="Nederland", level="country", inhabitants=17_900_000)


def _write(indicator, rows):
    batch = ImportBatch.objects.create(
        kind=SourceKind.CBS, source_name="CBS StatLine", table_or_file="t1"
    )
    observations = [
        ObservationRow(indicator.id, area.id, period, num, den) for area, period, num, den in rows
    ]
    save_observations(batch, observations, {indicator.id: indicator.unit})


@pytest.fixture
def pack_indicators(coalition, municipality, country):
    """Five indicators in the plan, with five years of figures for five wijken (small
    numbers), the municipality, three other municipalities and the country."""
    wijken = [
        AreaFactory(code=f"WK9999{i:02d}", name=f"Wijk {i}", level="district", parent=municipality)
        for i in range(1, 6)
    ]
    others = [
        AreaFactory(code=f"GM{100 + i:04d}", name=f"Elders {i}", inhabitants=60_000)
        for i in range(3)
    ]
    municipality.inhabitants = 61_000
    municipality.save()
    goal = GoalFactory(ambition__coalition=coalition, title="Gezond opgroeien")
    indicators = []
    for code, name, unit, figures in INDICATORS:
        indicator = IndicatorFactory(
            code=code,
            name_nl=name,
            unit=unit,
            lowest_level="wijk",
            min_count=MIN_COUNT,
            definition=f"Definitie van {name.lower()}.",
        )
        PlanIndicatorFactory(goal=goal, indicator=indicator, direction=indicator.direction)
        rows = []
        for shift, year in enumerate(YEARS):
            total_num = total_den = 0
            for wijk, (num, den) in zip(wijken, figures, strict=True):
                num = num + shift if num else 0
                den = den + shift if den else None
                total_num += num
                total_den += den or 0
                rows.append((wijk, year, num, den))
            has_den = total_den > 0
            rows.append((municipality, year, total_num, total_den or None))
            rows.append((others[0], year, 6 + shift % 2, 2043 if has_den else None))
            rows.append((others[1], year, 40 + shift, 1700 if has_den else None))
            rows.append((others[2], year, 150, 1900 if has_den else None))
            rows.append((country, year, 9000 + shift, 120_000 if has_den else None))
        _write(indicator, rows)
        indicators.append(indicator)
    return indicators


@pytest.fixture
def pack_stories(coalition, pack_indicators):
    """Three approved stories with consent for sessions, each linked to an indicator and
    with one quote; the original texts hold a name that must never appear."""
    stories = []
    for number, (quote, indicator) in enumerate(zip(QUOTES, pack_indicators, strict=False)):
        story = StoryFactory(
            coalition=coalition,
            original_text=f"Verhaal van Jan de Vries {number}. {quote}.",
            anonymised_text=f"Verhaal van [NAAM] {number}. {quote}.",
            consent=Consent.SESSIONS,
        )
        story.indicators.add(indicator)
        QuoteFactory(story=story, text=quote)
        stories.append(story)
    return stories


@pytest.fixture
def pack_session(coalition, pack_indicators, pack_stories):
    cycle = Cycle.objects.create(
        coalition=coalition, title="Monitorronde 2025", started_on=date(2025, 1, 6)
    )
    session = Session.objects.create(
        cycle=cycle,
        title="Duidingssessie voorjaar",
        held_on=date(2025, 3, 12),
        questions=["Wat zien we?", "Wat herkennen we uit de praktijk?"],
    )
    session.indicators.add(*pack_indicators)
    session.stories.add(*pack_stories)
    # Stories that must stay out of the pack: consent for internal use only, and one that
    # still waits for review.
    hidden = [
        StoryFactory(
            coalition=coalition,
            anonymised_text="Alleen intern te gebruiken verhaal.",
            consent=Consent.INTERNAL,
        ),
        StoryFactory(
            coalition=coalition,
            anonymised_text="Verhaal dat nog gecontroleerd moet worden.",
            review_status=ReviewStatus.PENDING,
        ),
    ]
    for story in hidden:
        story.indicators.add(pack_indicators[0])
        QuoteFactory(story=story, text=story.anonymised_text)
    session.stories.add(*hidden)
    return session


@pytest.fixture
def foreign_session(other_coalition):
    cycle = Cycle.objects.create(
        coalition=other_coalition, title="Ronde", started_on=date(2025, 1, 1)
    )
    return Session.objects.create(cycle=cycle, title="Sessie elders", held_on=date(2025, 2, 1))
