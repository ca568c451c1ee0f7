"""The indicator engine at national scale, on the dataset ``bench/dataset.py`` built.

``bench_insight()`` times, on the observations already in the configured database:

* ``insight_all_municipalities_time``: reading every public figure of every shared
  indicator for every municipality and the country, deciding what may be published
  (``disclose`` for NL and its municipalities, per period), and computing values,
  95% intervals, trend tests and verdicts (with their Dutch sentences) for every
  municipality × indicator (``engine.national_summary``). Goal: under 5 s on two cores.
* ``insight_coalition_cold_time`` / ``insight_coalition_warm_time``: the data of the figures
  page (``tables.overview_data``) for a scratch coalition of the municipality with the most
  wijken and every shared indicator in its plan, first with an empty cache, then again.

The scratch coalition and its plan are removed afterwards. Django must be set up.
"""

from __future__ import annotations

import time

from django.core.cache import cache
from django.db.models import Count

AREA_LEVEL = "municipality"


def _national(indicators) -> tuple[float, int]:
    from kansrijk.insight.engine import national_summary, national_table
    from kansrijk.insight.geography import national_areas
    from kansrijk.insight.series import public_rows

    started = time.perf_counter()
    areas = national_areas()
    ids = [m.id for m in areas.municipalities]
    if areas.country is not None:
        ids.append(areas.country.id)
    rows = public_rows([i.id for i in indicators], ids)
    series = 0
    for indicator in indicators:
        table = national_table(indicator, rows.get(indicator.id, []), areas)
        summary = national_summary(indicator, table)
        series += len(summary.area_ids)
    return time.perf_counter() - started, series


def _scratch_coalition(indicators):
    from kansrijk.areas.models import Area
    from kansrijk.coalitions.models import Ambition, Coalition, Goal, PlanIndicator

    municipality = (
        Area.objects.filter(level=AREA_LEVEL)
        .annotate(wijken=Count("children"))
        .order_by("-wijken", "code")
        .first()
    )
    coalition = Coalition.objects.create(name="Benchcoalitie", slug="bench-insight-scratch")
    coalition.areas.add(municipality)
    goal = Goal.objects.create(
        ambition=Ambition.objects.create(coalition=coalition, title="Bench"), title="Bench"
    )
    PlanIndicator.objects.bulk_create(
        [PlanIndicator(goal=goal, indicator=i, direction=i.direction) for i in indicators]
    )
    return coalition


def bench_insight() -> list[tuple[str, float, str]]:
    from kansrijk.catalog.models import Indicator
    from kansrijk.insight.tables import overview_data

    indicators = list(Indicator.objects.shared().order_by("code"))
    national_seconds, series = _national(indicators)
    coalition = _scratch_coalition(indicators)
    try:
        cache.clear()
        started = time.perf_counter()
        overview_data(coalition)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        overview_data(coalition)
        warm = time.perf_counter() - started
    finally:
        coalition.delete()
        cache.clear()
    return [
        ("insight_series", float(series), "series"),
        ("insight_all_municipalities_time", national_seconds, "s"),
        ("insight_coalition_cold_time", cold, "s"),
        ("insight_coalition_warm_time", warm * 1000, "ms"),
    ]
