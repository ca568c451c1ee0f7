"""Writing observations: the one code path every importer, the demo and the bench use.

``save_observations`` replaces the values for the same (indicator, area, period, coalition)
and inserts the rest in bulk, all inside one transaction: either every row is written or
none is. A replaced value is not lost: it is kept as an ``ObservationVersion`` of the batch
that replaced it, so that batch can be rolled back (``history.rollback_batch``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.db import transaction

from kansrijk.lib.periods import Period, parse_period
from kansrijk.lib.values import compute_value

from .history import supersede_existing
from .models import ImportBatch, Observation, Status

BULK_SIZE = 5000


@dataclass(frozen=True)
class ObservationRow:
    indicator_id: int
    area_id: int
    period: str
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None
    status: str = Status.DEFINITIVE


# Observation(*values) takes Django's quick path for positional arguments; it is used only
# while the model's columns are still in this order.
_COLUMNS = (
    "id",
    "indicator_id",
    "area_id",
    "period",
    "period_kind",
    "period_start",
    "period_end",
    "numerator",
    "denominator",
    "value",
    "status",
    "coalition_id",
    "batch_id",
)
_POSITIONAL = tuple(f.attname for f in Observation._meta.concrete_fields) == _COLUMNS


@lru_cache(maxsize=8192)
def _period(label: str):
    return parse_period(label)


def build_observation(
    row: ObservationRow, unit: str, batch: ImportBatch, coalition_id: int | None
) -> Observation:
    """``row`` is an ObservationRow or any object with its attributes; its ``period`` may be
    the canonical text or an already parsed ``Period``."""
    period = row.period if isinstance(row.period, Period) else _period(row.period)
    value = row.value
    if value is None:
        value = compute_value(unit, row.numerator, row.denominator)
    values = (
        None,
        row.indicator_id,
        row.area_id,
        period.label,
        period.kind,
        period.start,
        period.end,
        row.numerator,
        row.denominator,
        value,
        row.status,
        coalition_id,
        batch.pk,
    )
    if _POSITIONAL:
        return Observation(*values)
    return Observation(**dict(zip(_COLUMNS, values, strict=True)))


def save_observations(
    batch: ImportBatch,
    rows: Iterable[ObservationRow],
    units: dict[int, str],
    *,
    replace: bool = True,
) -> int:
    """Write ``rows`` as observations of ``batch`` (public, or the batch's coalition's).

    ``units`` maps indicator id to unit, used to compute values from numerator and
    denominator. With ``replace`` an earlier value for the same key is replaced (and kept in
    the history of ``batch``). Returns the number of observations written.
    """
    coalition_id = batch.coalition_id
    observations = [
        build_observation(row, units[row.indicator_id], batch, coalition_id) for row in rows
    ]
    with transaction.atomic():
        if replace:
            supersede_existing(observations, coalition_id, batch)
        Observation.objects.bulk_create(observations, batch_size=BULK_SIZE)
        batch.row_count = len(observations)
        batch.save(update_fields=["row_count"])
    return len(observations)
