"""The data version: one row whose token changes whenever figures may have changed.

Cached results of the engine are keyed by it (``versioning.py``), so a new import, a
rollback or a change to areas makes every cached result stale at once, in every process.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataVersion(models.Model):
    token = models.CharField(_("versie"), max_length=32)
    changed_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("gegevensversie")
        verbose_name_plural = _("gegevensversies")

    def __str__(self) -> str:
        return self.token
