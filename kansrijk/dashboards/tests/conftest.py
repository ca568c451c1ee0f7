"""A small town for the dashboards: Voorbeeldstad with three wijken (with boundaries), a
neighbour in the same GGD region, the country, and a plan whose indicators have figures.

``town.add(code, …)`` puts an indicator with five years of figures in the plan (its wijken
too when ``wijken=True``); every figure is written through ``save_observations``.
"""

from dataclasses import dataclass, field

import pytest
from django.core.cache import cache

from kansrijk.areas.models import Geometry, Level, RegionMember
from kansrijk.coalitions.models import Ambition, Goal
from kansrijk.observations.importing import ObservationRow, save_observations
from kansrijk.observations.models import ImportBatch, SourceKind
from kansrijk.testing.factories import (
    AmbitionFactory,
    AreaFactory,
    GoalFactory,
    IndicatorFactory,
    PlanIndicatorFactory,
)

YEARS = ["2020", "2021", "2022", "2023", "2024"]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def square(x: float, y: float, size: float = 0.02) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [
            [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]],
        ],
    }


def write(indicator, rows, *, source="CBS StatLine", table="t1"):
    """Figures as an importer writes them: one batch, ``save_observations``."""
    batch = ImportBatch.objects.create(kind=SourceKind.CBS, source_name=source, table_or_file=table)
    save_observations(
        batch,
        [
            ObservationRow(indicator.id, area.id, period, num, den, None)
            for area, period, num, den in rows
        ],
        {indicator.id: indicator.unit},
    )
    return batch


@dataclass
class Town:
    coalition: object
    municipality: object
    neighbour: object
    country: object
    wijken: list
    ambition: Ambition
    goal: Goal
    indicators: list = field(default_factory=list)

    def add(
        self,
        code: str,
        *,
        name: str = "",
        unit: str = "percentage",
        phase: str = "birth",
        direction: str = "lower",
        wijken: bool = False,
        goal=None,
        base: int = 120,
        step: int = -12,
        denominator: int = 1000,
    ):
        """An indicator in the plan with five years of figures for the municipality, the
        neighbour and the country (and the wijken: ``wijken=True``)."""
        indicator = IndicatorFactory(
            code=code,
            name_nl=name or f"Indicator {code}",
            unit=unit,
            phase=phase,
            direction=direction,
            lowest_level="wijk" if wijken else "gemeente",
            min_count=10,
        )
        PlanIndicatorFactory(goal=goal or self.goal, indicator=indicator, direction=direction)
        rows = []
        for shift, year in enumerate(YEARS):
            num = base + step * shift
            rows.append((self.municipality, year, num, denominator))
            rows.append((self.neighbour, year, 90 + shift, 1100))
            rows.append((self.country, year, 9000 + 10 * shift, 100_000))
            if wijken:
                parts = [num // 2, num // 3, num - num // 2 - num // 3]
                dens = [
                    denominator // 2,
                    denominator // 3,
                    denominator - denominator // 2 - denominator // 3,
                ]
                for wijk, part, den in zip(self.wijken, parts, dens, strict=True):
                    rows.append((wijk, year, part, den))
        write(indicator, rows)
        self.indicators.append(indicator)
        return indicator


@pytest.fixture
def town(coalition, municipality):
    municipality.inhabitants = 61_000
    municipality.save()
    country = AreaFactory(code="NL01", name="Nederland", level=Level.COUNTRY)
    ggd = AreaFactory(code="GG9999", name="GGD Voorbeeldland", level=Level.GGD)
    neighbour = AreaFactory(code="GM9998", name="Buurdorp", inhabitants=20_000)
    for member in (municipality, neighbour):
        RegionMember.objects.create(region=ggd, member=member)
    wijken = []
    for n, wijk_name in enumerate(["Centrum", "Noord", "Haven"], start=1):
        wijk = AreaFactory(
            code=f"WK9999{n:02d}", name=wijk_name, level=Level.DISTRICT, parent=municipality
        )
        Geometry.objects.create(area=wijk, year=2024, geojson=square(5.0 + 0.02 * n, 52.0))
        wijken.append(wijk)
    Geometry.objects.create(area=municipality, year=2024, geojson=square(5.0, 52.0, 0.1))
    ambition = AmbitionFactory(coalition=coalition, title="Gezond opgroeien", position=0)
    goal = GoalFactory(ambition=ambition, title="Minder kinderen te vroeg geboren", position=0)
    return Town(coalition, municipality, neighbour, country, wijken, ambition, goal)
