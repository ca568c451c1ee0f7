"""Fixtures for the exports: the engine's fixtures (figures written like an import, a small
country, a plan) and the coalition full of small numbers that the output-path test uses."""

import pytest

from kansrijk.insight.results import coalition_insights
from kansrijk.insight.tests import conftest as engine
from kansrijk.insight.tests import test_output_paths
from kansrijk.testing.factories import AreaFactory, IndicatorFactory

# The engine's fixtures, and the coalition full of small numbers of the output-path test.
country = engine.country
empty_cache = engine.empty_cache
figures = engine.figures
in_plan = engine.in_plan
small_numbers = test_output_paths.small_numbers

YEARS = ["2020", "2021", "2022", "2023", "2024"]


@pytest.fixture
def share(db):
    return IndicatorFactory(
        code="preterm", name_nl="Vroeggeboorte", unit="percentage", direction="lower"
    )


@pytest.fixture
def nation(figures, share, municipality, country, in_plan):
    """The municipality (70 of 1000 every year), twelve others and the country."""
    in_plan(share)
    municipality.inhabitants = 60_000
    municipality.save()
    others = [
        AreaFactory(code=f"GM{100 + n:04d}", name=f"Stad {n}", inhabitants=55_000 + n)
        for n in range(12)
    ]
    rows = []
    for year in YEARS:
        rows.append((municipality, year, 70, 1000))
        rows += [(other, year, 50 + n % 7, 1000) for n, other in enumerate(others)]
        rows.append((country, year, 5000, 100_000))
    figures.write(share, rows)
    return others


def hidden_keys(coalition, indicators) -> set[tuple[str, str, str]]:
    """(indicator code, area code, period) of every cell the coalition's pages hide."""
    keys = set()
    insights = coalition_insights(coalition, indicators)
    for indicator in indicators:
        insight = insights[indicator.id]
        rows = list(insight.rows) + ([insight.country] if insight.country is not None else [])
        for row in rows:
            for period, cell in zip(insight.periods, row.cells, strict=True):
                if cell.suppressed:
                    keys.add((indicator.code, row.place.code, period))
    return keys
