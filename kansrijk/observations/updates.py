"""Bringing a coalition's public figures up to date in the background.

``request_update`` runs inside the web request: it records a ``DataUpdate`` and enqueues
``run_data_update`` (django-tasks). The task, in the worker, calls the CBS import with a
progress callback and records the outcome in Dutch. No CBS call ever runs inside a request.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from kansrijk.areas.codes import AreaError
from kansrijk.coalitions.models import Coalition

from .importers.cbs import CBSMappingError, import_cbs
from .importers.cbs_client import CBSError
from .models import DataUpdate

logger = logging.getLogger(__name__)
UNEXPECTED = (
    "Er ging iets onverwachts mis; er is niets veranderd. Probeer het later opnieuw of meld "
    "het aan de beheerder."
)


def active_update(coalition: Coalition) -> DataUpdate | None:
    return coalition.data_updates.filter(
        state__in=[DataUpdate.State.QUEUED, DataUpdate.State.RUNNING]
    ).first()


def request_update(coalition: Coalition, user) -> DataUpdate:
    """Queue an update, or return the one already queued or running for this coalition."""
    with transaction.atomic():
        existing = active_update(coalition)
        if existing is not None:
            return existing
        update = DataUpdate.objects.create(coalition=coalition, requested_by=user)
    result = run_data_update.enqueue(update.pk)
    DataUpdate.objects.filter(pk=update.pk).update(task_id=str(result.id))
    update.refresh_from_db()
    return update


def _save_progress(update_id: int):
    def progress(done: int, total: int, message: str) -> None:
        DataUpdate.objects.filter(pk=update_id).update(
            progress_done=done, progress_total=total, progress_message=message[:200]
        )

    return progress


def _finish(update: DataUpdate, state: str, summary: str, warnings=()) -> None:
    update.state = state
    update.summary = summary
    update.warnings = list(warnings)
    update.finished_at = timezone.now()
    update.save(update_fields=["state", "summary", "warnings", "finished_at"])


@task()
def run_data_update(update_id: int) -> str:
    """The background task: import every CBS-mapped indicator for the coalition's areas."""
    update = DataUpdate.objects.select_related("coalition", "requested_by").get(pk=update_id)
    update.state = DataUpdate.State.RUNNING
    update.started_at = timezone.now()
    update.save(update_fields=["state", "started_at"])
    area_codes = list(update.coalition.areas.values_list("code", flat=True))
    try:
        if not area_codes:
            raise CBSMappingError("De coalitie heeft nog geen werkgebied (gemeente of wijk).")
        result = import_cbs(
            area_codes=area_codes,
            user=update.requested_by,
            progress=_save_progress(update.pk),
        )
    except (CBSError, CBSMappingError, AreaError) as exc:
        _finish(update, DataUpdate.State.FAILED, f"Het bijwerken is mislukt. {exc}")
        return update.summary
    except Exception:
        logger.exception("data update %s failed", update_id)
        _finish(update, DataUpdate.State.FAILED, UNEXPECTED)
        return update.summary
    _finish(update, DataUpdate.State.DONE, result.summary(), result.warnings)
    return update.summary
