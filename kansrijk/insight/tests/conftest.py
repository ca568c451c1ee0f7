"""Fixtures for the engine's tests: a small country, figures written through
``save_observations``, and an empty cache for every test."""

from dataclasses import dataclass, field

import pytest
from django.core.cache import cache

from kansrijk.observations.importing import ObservationRow, save_observations
from kansrijk.observations.models import ImportBatch, SourceKind
from kansrijk.testing.factories import AreaFactory, GoalFactory, PlanIndicatorFactory


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@dataclass
class Figures:
    """Writes figures the way importers do: one batch, ``save_observations``."""

    written: list = field(default_factory=list)

    def write(self, indicator, rows, *, coalition=None, source="CBS StatLine", table="t1"):
        batch = ImportBatch.objects.create(
            kind=SourceKind.REGISTRATION if coalition else SourceKind.CBS,
            source_name=source,
            table_or_file=table,
            coalition=coalition,
        )
        observation_rows = [
            ObservationRow(indicator.id, area.id, period, num, den, value)
            for area, period, num, den, value in (_five(r) for r in rows)
        ]
        save_observations(batch, observation_rows, {indicator.id: indicator.unit})
        self.written.append(batch)
        return batch


def _five(row):
    area, period, *rest = row
    rest = list(rest) + [None] * (3 - len(rest))
    return (area, period, *rest[:3])


@pytest.fixture
def figures(db):
    return Figures()


@pytest.fixture
def country(db):
    return AreaFactory(code="NL01", name="Nederland", level="country", inhabitants=17_900_000)


@pytest.fixture
def wijken(municipality):
    return [
        AreaFactory(
            code=f"WK9999{n:02d}",
            name=name,
            level="district",
            parent=municipality,
            inhabitants=5000,
        )
        for n, name in enumerate(["Centrum", "Oost", "West", "Haven"], start=1)
    ]


@pytest.fixture
def in_plan(coalition):
    """Put an indicator in the coalition's plan: ``in_plan(indicator, target_value=…)``."""
    goal = GoalFactory(ambition__coalition=coalition)

    def link(indicator, **kwargs):
        kwargs.setdefault("direction", indicator.direction)
        return PlanIndicatorFactory(goal=goal, indicator=indicator, **kwargs)

    return link
