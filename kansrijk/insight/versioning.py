"""When cached results go stale: a data version bumped on every change to the figures.

``current_data_version()`` is part of every cache key of the engine. It changes (a new
random token, written in the same transaction as the change) whenever:

* an import batch is saved or deleted: ``save_observations`` saves its batch after writing
  the rows, ``rollback_batch`` saves it after restoring them, so every import and rollback
  bumps the version, as does deleting a coalition (its batches go with it);
* a single observation is saved (admin, factories) — bulk writes go through a batch;
* an area, a region membership or a coalition's areas change (bulk area loads call
  ``bump_data_version()`` themselves, see docs/insight.md);
* an indicator is saved or deleted: cached results hold its name and texts.

The token lives in the database, not in the cache, so every process sees the same one.
"""

from __future__ import annotations

import uuid

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from .models import DataVersion

_VERSION_ID = 1
_DISPATCH = "kansrijk.insight.versioning"


def current_data_version() -> str:
    """The token of the figures as they are now (one small query)."""
    token = DataVersion.objects.filter(pk=_VERSION_ID).values_list("token", flat=True).first()
    if token is None:
        token = bump_data_version()
    return token


def data_version_subquery():
    """The token as a subquery, to fetch it with another query (``Subquery(…)``); None when
    no version was written yet (then call ``current_data_version()``)."""
    return DataVersion.objects.filter(pk=_VERSION_ID).values("token")[:1]


def bump_data_version() -> str:
    """Mark every cached result as stale; returns the new token."""
    token = uuid.uuid4().hex
    now = timezone.now()
    if not DataVersion.objects.filter(pk=_VERSION_ID).update(token=token, changed_at=now):
        DataVersion.objects.update_or_create(pk=_VERSION_ID, defaults={"token": token})
    return token


def _changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loading fixtures
        return
    bump_data_version()


def connect_signals() -> None:
    from kansrijk.areas.models import Area, RegionMember
    from kansrijk.areas.signals import areas_changed
    from kansrijk.catalog.models import Indicator
    from kansrijk.coalitions.models import Coalition
    from kansrijk.observations.models import ImportBatch, Observation

    for model in (ImportBatch, Area, RegionMember, Indicator):
        post_save.connect(_changed, sender=model, dispatch_uid=f"{_DISPATCH}.save.{model}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{_DISPATCH}.delete.{model}")
    # Saves only: a delete receiver on Observation would make Django load and signal every
    # row of a bulk delete. Bulk deletes happen inside imports and rollbacks, which save
    # their batch (and so bump the version) anyway.
    post_save.connect(_changed, sender=Observation, dispatch_uid=f"{_DISPATCH}.save.obs")
    areas_changed.connect(_changed, dispatch_uid=f"{_DISPATCH}.areas_changed")
    m2m_changed.connect(
        _changed, sender=Coalition.areas.through, dispatch_uid=f"{_DISPATCH}.coalition_areas"
    )
