"""Writing observations: the one code path every importer, the demo and the bench use.

``save_observations`` replaces the values for the same (indicator, area, period, coalition)
and inserts the rest in bulk, all inside one transaction: either every row is written or
none is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from kansrijk.lib.periods import parse_period
from kansrijk.lib.values import compute_value

from .models import ImportBatch, Observation, Status

BULK_SIZE = 5000
DELETE_CHUNK = 500


@dataclass(frozen=True)
class ObservationRow:
    indicator_id: int
    area_id: int
    period: str
    numerator: float | None = None
    denominator: float | None = None
    value: float | None = None
    status: str = Status.DEFINITIVE


def build_observation(
    row: ObservationRow, unit: str, batch: ImportBatch, coalition_id: int | None
) -> Observation:
    period = parse_period(row.period)
    value = row.value
    if value is None:
        value = compute_value(unit, row.numerator, row.denominator)
    return Observation(
        indicator_id=row.indicator_id,
        area_id=row.area_id,
        period=period.label,
        period_kind=period.kind,
        period_start=period.start,
        period_end=period.end,
        numerator=row.numerator,
        denominator=row.denominator,
        value=value,
        status=row.status,
        coalition_id=coalition_id,
        batch=batch,
    )


def _delete_existing(observations: list[Observation], coalition_id: int | None) -> None:
    keys: dict[tuple[int, str], list[int]] = defaultdict(list)
    for obs in observations:
        keys[(obs.indicator_id, obs.period)].append(obs.area_id)
    scope = Observation.objects.filter(coalition_id=coalition_id)
    for (indicator_id, period), area_ids in keys.items():
        for start in range(0, len(area_ids), DELETE_CHUNK):
            scope.filter(
                indicator_id=indicator_id,
                period=period,
                area_id__in=area_ids[start : start + DELETE_CHUNK],
            ).delete()


def save_observations(
    batch: ImportBatch,
    rows: Iterable[ObservationRow],
    units: dict[int, str],
    *,
    replace: bool = True,
) -> int:
    """Write ``rows`` as observations of ``batch`` (public, or the batch's coalition's).

    ``units`` maps indicator id to unit, used to compute values from numerator and
    denominator. With ``replace`` an earlier value for the same key is replaced. Returns the
    number of observations written.
    """
    coalition_id = batch.coalition_id
    observations = [
        build_observation(row, units[row.indicator_id], batch, coalition_id) for row in rows
    ]
    with transaction.atomic():
        if replace:
            _delete_existing(observations, coalition_id)
        Observation.objects.bulk_create(observations, batch_size=BULK_SIZE)
        batch.row_count = len(observations)
        batch.save(update_fields=["row_count"])
    return len(observations)
