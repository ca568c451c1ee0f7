"""Where a number came from, in words for the page: "Bron: CBS StatLine 37230ned, …"."""

from __future__ import annotations

from django.utils import timezone

from .models import ImportBatch, SourceKind


def _date(value) -> str:
    return timezone.localtime(value).strftime("%d-%m-%Y") if value else ""


def describe_source(batch: ImportBatch) -> str:
    """One Dutch sentence naming the source, its table or file, and both dates."""
    parts = [f"Bron: {batch.source_name}"]
    if batch.table_or_file:
        parts[0] += f" {batch.table_or_file}"
    title = (batch.details or {}).get("title")
    if title and title != batch.table_or_file:
        parts[0] += f" ({title})"
    if batch.source_modified:
        parts.append(f"bijgewerkt op {_date(batch.source_modified)}")
    parts.append(f"opgehaald op {_date(batch.created_at)}")
    if batch.kind == SourceKind.DEMO:
        parts.append("fictieve gegevens")
    return ", ".join(parts) + "."


def public_batches_for(coalition, limit: int = 20):
    """The latest public imports whose figures cover the coalition's areas (newest first)."""
    from .models import Observation

    area_ids = list(coalition.areas.values_list("id", flat=True))
    area_ids += list(
        coalition.areas.model.objects.filter(parent_id__in=area_ids).values_list("id", flat=True)
    )
    batch_ids = (
        Observation.objects.public()
        .filter(area_id__in=area_ids)
        .values_list("batch_id", flat=True)
        .distinct()
    )
    return ImportBatch.objects.filter(pk__in=batch_ids).order_by("-created_at")[:limit]
