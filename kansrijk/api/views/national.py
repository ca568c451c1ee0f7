"""One shared indicator for every municipality (or the country): the public national figures.

The numbers come from the engine's national table (``kansrijk.insight.results.national_tables``),
the same table that decides which public municipal figures the pages show: public observations
only (no coalition's registrations), with the cells that ``disclose`` hid already marked. Each
cell is published exactly as ``NationalTable.cell`` publishes it, for all rows at once. The
rows are cached as JSON per data version, so a warm call runs two small queries and joins
the page's rows into the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView
from rest_framework.renderers import JSONRenderer

from kansrijk.catalog.models import Indicator
from kansrijk.insight.disclosure import Cell, PublishedCell, Rule, Table, disclose
from kansrijk.insight.engine import LEVELS_WITH_MUNICIPALITIES, NationalTable
from kansrijk.insight.results import TIMEOUT, national_tables
from kansrijk.insight.versioning import current_data_version
from kansrijk.observations.models import ImportBatch
from kansrijk.observations.provenance import describe_source

from ..params import NationalValueParams
from ..serializers import NationalValueSerializer
from .base import ERRORS_AND_NOT_FOUND, ApiView

CACHE_PREFIX = "api:national-values:v1"
COUNTRY = "land"


@dataclass(frozen=True)
class NationalValue:
    area_code: str
    area_name: str
    period: str
    cell: PublishedCell
    source: str


# What the engine's national table and the cache keys read of an indicator; the long texts
# (definition, caveats, …) are left in the database.
ENGINE_FIELDS = (
    "code",
    "unit",
    "direction",
    "min_count",
    "round_to",
    "pool_years",
    "lowest_level",
    "coalition_id",
)


def shared_indicator(code: str) -> Indicator:
    """A catalogue indicator; a coalition's own indicator has no national figures (404)."""
    indicator = Indicator.objects.shared().only(*ENGINE_FIELDS).filter(code=code).first()
    if indicator is None:
        raise NotFound(
            _("Er is geen indicator met code ‘%(code)s’ in de gedeelde catalogus.") % {"code": code}
        )
    return indicator


def national_values(indicator, level: str, period: str | None = None) -> list[NationalValue]:
    """Every municipality (``level`` "gemeente") or the country ("land") with a figure, per
    period (or only ``period``), ordered by period and then area code."""
    table = national_tables([indicator])[indicator.id]
    return published_values(indicator, table, level, period)


def encoded_national_values(indicator, level: str, period: str | None = None) -> list[bytes]:
    """``national_values`` as the API writes them, one JSON object per row; from the cache
    while the figures (the data version) and the indicator's settings stay the same."""
    version = current_data_version()
    settings = (indicator.unit, indicator.min_count, indicator.round_to, indicator.pool_years)
    parts = (indicator.id, *settings, indicator.lowest_level, translation.get_language() or "")
    key = ":".join(str(part) for part in (CACHE_PREFIX, *parts, version, level, period or ""))
    found = cache.get(key)
    if found is None:
        rows = NationalValueSerializer(national_values(indicator, level, period), many=True).data
        renderer = JSONRenderer()
        found = [renderer.render(row) for row in rows]
        cache.set(key, found, TIMEOUT)
    return found


def published_values(
    indicator, table: NationalTable, level: str, period: str | None
) -> list[NationalValue]:
    """The cells of ``table`` with a figure, each as ``table.cell`` publishes it."""
    grid = table.grid
    rows = _rows(indicator, table, level)
    if period is None:
        columns = list(range(len(grid.periods)))
    else:
        columns = [grid.periods.index(period)] if period in grid.periods else []
    has_figure = (
        np.isfinite(grid.numerators) | np.isfinite(grid.denominators) | np.isfinite(grid.values)
    )
    cells, hidden = [], set()
    for j in columns:
        for i in rows:
            if has_figure[i, j]:
                cells.append(_cell(grid, i, j))
                if table.hidden[i, j]:
                    hidden.add(cells[-1].key)
    # What ``NationalTable.cell`` does one cell at a time: the rule without a threshold
    # (``table.hidden`` holds the decisions of the indicator's own rule), hidden stays hidden.
    published = disclose(Table(cells, hidden=frozenset(hidden)), Rule(table.unit, 0))
    source = _source(table.country_batches if level == COUNTRY else grid.batches)
    values = []
    for cell in cells:
        area_id, period = cell.key
        place = table.places[area_id]
        values.append(NationalValue(place.code, place.name, period, published[cell.key], source))
    return values


def _rows(indicator, table: NationalTable, level: str) -> list[int]:
    """The grid rows of the level, by area code (row 0 is the country when there is one)."""
    grid = table.grid
    if level == COUNTRY:
        return [0] if table.country_id is not None else []
    if indicator.lowest_level not in LEVELS_WITH_MUNICIPALITIES:  # as on the pages
        return []
    first = 1 if table.country_id is not None else 0
    rows = range(first, len(grid.area_ids))
    return sorted(rows, key=lambda i: table.places[grid.area_ids[i]].code)


def _cell(grid, i: int, j: int) -> Cell:
    """Row ``i``, column ``j`` of the grid, keyed as ``NationalTable.cell`` keys it."""
    return Cell(
        (grid.area_ids[i], grid.periods[j]),
        _number(grid.numerators[i, j]),
        _number(grid.denominators[i, j]),
        _number(grid.values[i, j]),
        status="provisional" if grid.provisional[i, j] else "definitive",
    )


def _number(value) -> float | None:
    return float(value) if np.isfinite(value) else None


def _source(batch_ids) -> str:
    batches = ImportBatch.objects.filter(id__in=sorted(batch_ids)).order_by("id")
    return " ".join(describe_source(batch) for batch in batches)


class EncodedRows(list):
    """A page of rows already written as JSON (``encoded_national_values``)."""


class SplicingJSONRenderer(JSONRenderer):
    """DRF's JSON, with a page of ``EncodedRows`` put in as it is instead of encoded again:
    a list of every municipality is answered without serialising 342 rows on each call."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        rows = data.get("results") if isinstance(data, dict) else None
        if not isinstance(rows, EncodedRows):
            return super().render(data, accepted_media_type, renderer_context)
        envelope = super().render({**data, "results": []}, accepted_media_type, renderer_context)
        at = envelope.rindex(b"[]")  # "results" is the last key of a paginated answer
        return envelope[:at] + b"[" + b",".join(rows) + b"]" + envelope[at + 2 :]


@extend_schema(
    tags=["Catalogus"],
    summary="Openbare cijfers van één indicator voor alle gemeenten",
    description="Per gemeente (of voor Nederland) en periode: teller, noemer, waarde en "
    "95%-interval, uit de landelijke tabel die ook de cijferpagina's gebruiken. Alleen openbare "
    "cijfers (nooit registraties van een coalitie); kleine aantallen worden beschermd zoals op "
    "de cijferpagina's: een cel die niet getoond mag worden heeft suppressed=true en geen "
    "getallen. Alleen indicatoren uit de gedeelde catalogus; voor iedereen, ook zonder inloggen.",
    parameters=[NationalValueParams],
    responses={200: NationalValueSerializer(many=True), **ERRORS_AND_NOT_FOUND},
)
class NationalValues(ApiView, ListAPIView):
    serializer_class = NationalValueSerializer
    params_class = NationalValueParams
    renderer_classes = [SplicingJSONRenderer]

    def list(self, request, *args, **kwargs):
        indicator = shared_indicator(self.kwargs["code"])
        rows = encoded_national_values(indicator, self.params["level"], self.params.get("period"))
        return self.get_paginated_response(EncodedRows(self.paginate_queryset(rows)))
