"""Fixtures for the charts: a town with four wijken (with boundaries), the country, other
municipalities for a funnel plot, and an indicator in the plan with a target.

In 2023 the wijk West has 4321 of 4327 (99.86%): the complement (6) is too small, so the
cell is suppressed, and Haven is hidden with it (secondary suppression). Those numbers are
distinctive on purpose: the tests look for them in every chart.
"""

from dataclasses import dataclass

import pytest

from kansrijk.areas.models import Geometry
from kansrijk.insight.tables import get_indicator, indicator_data
from kansrijk.insight.tests import conftest as engine_fixtures
from kansrijk.observations.models import Observation
from kansrijk.testing.factories import AreaFactory, IndicatorFactory

YEARS = ["2020", "2021", "2022", "2023", "2024"]
SOURCE = "CBS Wijk- en buurtkaart 2023 via PDOK (CC BY 4.0)"
HIDDEN_YEAR = "2023"
# The engine's fixtures: figures written like importers do, the country, wijken, a plan.
country = engine_fixtures.country
empty_cache = engine_fixtures.empty_cache
figures = engine_fixtures.figures
in_plan = engine_fixtures.in_plan
wijken = engine_fixtures.wijken

HIDDEN_TEXTS = ["99,9", "99,86", "4.321", "4.327", "4321", "4327"]


def square(x: float, y: float, size: float = 0.01) -> dict:
    """A square polygon, counter-clockwise as GeoJSON (RFC 7946) wants it."""
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def wijk_figures(year_index: int, year: str) -> dict[str, tuple[int, int]]:
    """(numerator, denominator) per wijk name in one year."""
    shift = year_index
    west = (4321, 4327) if year == HIDDEN_YEAR else (2100 + shift, 4400 + shift)
    return {
        "Centrum": (120 + shift, 1000 + shift),
        "Oost": (90 + shift, 800 + 10 * shift),
        "West": west,
        "Haven": (55 + shift, 610 + shift),
    }


@dataclass
class Town:
    coalition: object
    indicator: object
    municipality: object
    wijken: list
    others: list

    def page(self):
        return indicator_data(self.coalition, get_indicator(self.coalition, self.indicator.code))

    def hidden_observations(self) -> list[Observation]:
        """The observations behind every cell the engine suppressed for the coalition."""
        page = self.page()
        keys = [
            (row.code, period)
            for row in page.values.rows
            for period, cell in zip(page.values.periods, row.cells, strict=True)
            if cell.suppressed
        ]
        return [
            Observation.objects.get(indicator=self.indicator, area__code=code, period=period)
            for code, period in keys
        ]


def add_boundaries(areas, year=2023, source=SOURCE):
    for index, area in enumerate(areas):
        Geometry.objects.create(
            area=area,
            year=year,
            geojson=square(5.0 + 0.01 * (index % 2), 52.0 + 0.01 * (index // 2)),
            source=source,
        )


@pytest.fixture
def town(figures, coalition, municipality, country, wijken, in_plan):
    """Voorbeeldstad with four wijken and their boundaries, eight other municipalities and
    the country; a percentage indicator at wijk level, in the plan with a target."""
    municipality.inhabitants = 60_000
    municipality.save()
    others = [
        AreaFactory(code=f"GM{200 + n:04d}", name=f"Elders {n}", inhabitants=50_000 + n)
        for n in range(8)
    ]
    indicator = IndicatorFactory(
        code="rookt",
        name_nl="Roken tijdens de zwangerschap",
        unit="percentage",
        direction="lower",
        lowest_level="wijk",
        min_count=10,
    )
    in_plan(indicator, target_value=11.5, target_year=2027)
    by_name = {wijk.name: wijk for wijk in wijken}
    rows = []
    for index, year in enumerate(YEARS):
        numbers = wijk_figures(index, year)
        for name, (num, den) in numbers.items():
            rows.append((by_name[name], year, num, den))
        rows.append(
            (
                municipality,
                year,
                sum(n for n, _d in numbers.values()),
                sum(d for _n, d in numbers.values()),
            )
        )
        for n, other in enumerate(others):
            rows.append((other, year, 300 + 20 * n + index, 2000 + 150 * n))
        rows.append((country, year, 95_000 - 1000 * index, 1_000_000))
    figures.write(indicator, rows)
    add_boundaries(wijken)
    Geometry.objects.create(
        area=municipality, year=2023, geojson=square(5.0, 52.0, 0.02), source=SOURCE
    )
    return Town(coalition, indicator, municipality, wijken, others)
