"""Keeping the original text only until its retention date.

``purge_expired_originals`` empties the original text of every story whose retention date has
passed; the anonymised text, the coding and the quotes stay. It logs the ids and the count,
never any text.
"""

from __future__ import annotations

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone

from .models import Story

logger = logging.getLogger(__name__)


def expired_originals(today: date | None = None):
    today = today or timezone.localdate()
    return Story.objects.filter(retain_until__lt=today).exclude(original_text="")


def purge_expired_originals(today: date | None = None) -> list[int]:
    """Empty the expired originals; answers the ids of the stories purged."""
    with transaction.atomic():
        expired = expired_originals(today).select_for_update()
        ids = sorted(expired.values_list("pk", flat=True))
        if ids:
            Story.objects.filter(pk__in=ids).update(original_text="")
    if ids:
        logger.info(
            "Oorspronkelijke tekst verwijderd van %d verhaal/verhalen: %s",
            len(ids),
            ", ".join(str(number) for number in ids),
        )
    else:
        logger.info("Geen oorspronkelijke teksten over hun bewaardatum.")
    return ids
