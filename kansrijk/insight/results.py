"""Cached engine results: computed once per data version, then read from the cache.

Keys hold the coalition, the indicator, the indicator's disclosure and pooling settings and
the data version (``versioning.current_data_version``), so a new import, a rollback or a
change of the indicator's rule gives new keys; stale entries simply expire. Misses are
computed together, so a page runs the same number of queries for one indicator as for
twenty.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.cache import cache
from django.utils import translation

from kansrijk.observations.models import ImportBatch
from kansrijk.observations.provenance import describe_source

from .engine import IndicatorInsight, NationalTable, coalition_insight, national_table
from .geography import NationalAreas, coalition_areas, national_areas
from .series import coalition_rows, public_rows
from .versioning import current_data_version

TIMEOUT = 24 * 60 * 60
PREFIX = "insight:v1"


def _settings_key(indicator) -> str:
    """The indicator's settings and the language: cached results hold Dutch (or English)
    sentences and labels."""
    return ".".join(
        str(part)
        for part in (
            indicator.unit,
            indicator.min_count,
            indicator.round_to,
            indicator.pool_years,
            indicator.lowest_level,
            indicator.direction,
            translation.get_language() or "",
        )
    )


def national_area_list(version: str) -> NationalAreas:
    key = f"{PREFIX}:areas:{version}"
    found = cache.get(key)
    if found is None:
        found = national_areas()
        cache.set(key, found, TIMEOUT)
    return found


def national_tables(indicators: Sequence, version: str | None = None) -> dict[int, NationalTable]:
    """The national table of each shared indicator (own indicators have none)."""
    version = version or current_data_version()
    shared = [i for i in indicators if i.coalition_id is None]
    keys = {i.id: f"{PREFIX}:national:{i.id}:{_settings_key(i)}:{version}" for i in shared}
    found = cache.get_many(list(keys.values()))
    tables = {i: found[key] for i, key in keys.items() if key in found}
    missing = [i for i in shared if i.id not in tables]
    if missing:
        areas = national_area_list(version)
        ids = [m.id for m in areas.municipalities]
        if areas.country is not None:
            ids.append(areas.country.id)
        rows = public_rows([i.id for i in missing], ids)
        computed = {i.id: national_table(i, rows.get(i.id, []), areas) for i in missing}
        cache.set_many({keys[i]: table for i, table in computed.items()}, TIMEOUT)
        tables.update(computed)
    return tables


def _sources(batch_ids) -> dict[int, str]:
    batches = ImportBatch.objects.filter(id__in=batch_ids)
    return {batch.id: describe_source(batch) for batch in batches}


def coalition_insights(
    coalition, indicators: Sequence, version: str | None = None
) -> dict[int, IndicatorInsight]:
    """Each indicator's insight for ``coalition``, from the cache or computed together."""
    version = version or current_data_version()
    keys = {
        i.id: f"{PREFIX}:coalition:{coalition.pk}:{i.id}:{_settings_key(i)}:{version}"
        for i in indicators
    }
    found = cache.get_many(list(keys.values()))
    insights = {i: found[key] for i, key in keys.items() if key in found}
    missing = [i for i in indicators if i.id not in insights]
    if not missing:
        return insights
    areas = coalition_areas(coalition)
    nationals = national_tables(missing, version)
    rows = coalition_rows(coalition, [i.id for i in missing], areas.area_ids)
    everywhere = national_area_list(version) if nationals else None
    computed = {
        i.id: coalition_insight(
            coalition, i, rows.get(i.id, []), areas, nationals.get(i.id), everywhere
        )
        for i in missing
    }
    sources = _sources({b for insight in computed.values() for b in insight.batch_ids})
    for insight in computed.values():
        insight.sources = list(dict.fromkeys(sources[b] for b in insight.batch_ids if b in sources))
    cache.set_many({keys[i]: insight for i, insight in computed.items()}, TIMEOUT)
    insights.update(computed)
    return insights
