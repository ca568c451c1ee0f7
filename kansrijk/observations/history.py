"""The history of replaced values, and rolling an import batch back.

When a batch replaces a value, ``supersede_existing`` (called by ``save_observations``) keeps
the old row as an ``ObservationVersion`` of that batch. ``rollback_batch`` removes the
batch's values and puts the rows it replaced back exactly as they were: same id, values,
status and batch. Batches are rolled back newest first: a batch whose values were replaced
in turn by a later batch waits until that one is rolled back.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .models import ImportBatch, Observation, ObservationVersion

DELETE_CHUNK = 500
BULK_SIZE = 5000
# The columns a version copies from the observation it keeps.
_COPIED = (
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


class RollbackError(ValueError):
    """A batch that cannot be rolled back (now); the message is Dutch."""


@dataclass(frozen=True)
class RollbackResult:
    batch_id: int
    removed: int
    restored: int

    def summary(self) -> str:
        return (
            f"Import {self.batch_id} is teruggedraaid: {self.removed} waarden verwijderd, "
            f"{self.restored} eerdere waarden teruggezet."
        )


def _existing_groups(keys, scope) -> set[tuple[int, str]]:
    """Which (indicator, period) groups hold any values at all: one query instead of one per
    group when a batch brings many groups into an empty scope (a first import)."""
    indicator_ids = {indicator_id for indicator_id, _period in keys}
    labels = {period for _indicator_id, period in keys}
    if len(indicator_ids) * len(labels) > 4 * len(keys):  # a sparse cross product: ask per group
        return set(keys)
    found = scope.filter(indicator_id__in=indicator_ids, period__in=labels)
    return set(found.values_list("indicator_id", "period").distinct())


def supersede_existing(
    observations: list[Observation], coalition_id: int | None, batch: ImportBatch
) -> int:
    """Move the stored values with the keys of ``observations`` into the history of ``batch``.

    Must run inside the caller's transaction. Returns the number of values replaced.
    """
    keys: dict[tuple[int, str], list[int]] = defaultdict(list)
    for obs in observations:
        keys[(obs.indicator_id, obs.period)].append(obs.area_id)
    scope = Observation.objects.filter(coalition_id=coalition_id)
    groups = _existing_groups(keys, scope)
    replaced = 0
    for (indicator_id, period), area_ids in keys.items():
        if (indicator_id, period) not in groups:
            continue
        for start in range(0, len(area_ids), DELETE_CHUNK):
            existing = list(
                scope.filter(
                    indicator_id=indicator_id,
                    period=period,
                    area_id__in=area_ids[start : start + DELETE_CHUNK],
                ).values_list("id", *_COPIED)
            )
            if not existing:
                continue
            ObservationVersion.objects.bulk_create(
                [
                    ObservationVersion(
                        observation_id=row[0],
                        replaced_by=batch,
                        **dict(zip(_COPIED, row[1:], strict=True)),
                    )
                    for row in existing
                ],
                batch_size=BULK_SIZE,
            )
            Observation.objects.filter(pk__in=[row[0] for row in existing]).delete()
            replaced += len(existing)
    return replaced


def later_batches(batch: ImportBatch):
    """The batches that replaced values of ``batch`` and are still in force."""
    return ImportBatch.objects.filter(replaced_versions__batch=batch).distinct().order_by("id")


def rollback_problem(batch: ImportBatch) -> str:
    """Why ``batch`` cannot be rolled back now, in Dutch; empty when it can."""
    if batch.rolled_back_at is not None:
        when = timezone.localtime(batch.rolled_back_at).strftime("%d-%m-%Y %H:%M")
        return f"Import {batch.pk} is al teruggedraaid op {when}."
    later = list(later_batches(batch).values_list("id", flat=True))
    if later:
        numbers = ", ".join(str(number) for number in later)
        return (
            f"Waarden uit import {batch.pk} zijn later vervangen door import {numbers}. "
            "Draai die eerst terug."
        )
    return ""


def rollback_batch(batch: ImportBatch, *, user=None) -> RollbackResult:
    """Remove the values of ``batch`` and restore what it replaced, in one transaction."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if problem := rollback_problem(batch):
            raise RollbackError(problem)
        removed, _by_model = Observation.objects.filter(batch=batch).delete()
        versions = list(batch.replaced_versions.all())
        Observation.objects.bulk_create(
            [
                Observation(
                    id=version.observation_id,
                    **{name: getattr(version, name) for name in _COPIED},
                )
                for version in versions
            ],
            batch_size=BULK_SIZE,
        )
        batch.replaced_versions.all().delete()
        batch.rolled_back_at = timezone.now()
        batch.rolled_back_by = user if user is not None and user.is_authenticated else None
        batch.details = {
            **(batch.details or {}),
            "rolled_back": {"removed": removed, "restored": len(versions)},
        }
        batch.save(update_fields=["rolled_back_at", "rolled_back_by", "details"])
    return RollbackResult(batch.pk, removed, len(versions))
