"""Observations: the one fact table for every number kansrijk holds, and the batches they came in.

A public observation (CBS, regiobeeld, …) has no coalition; a partner's registration data
belongs to one coalition and is never shown to another.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.lib import periods


class Status(models.TextChoices):
    DEFINITIVE = "definitive", _("definitief")
    PROVISIONAL = "provisional", _("voorlopig")
    SECRET = "secret", _("geheim of onderdrukt bij de bron")
    MISSING = "missing", _("ontbreekt")


class PeriodKind(models.TextChoices):
    YEAR = periods.YEAR, _("jaar")
    QUARTER = periods.QUARTER, _("kwartaal")
    MONTH = periods.MONTH, _("maand")
    POOL = periods.POOL, _("meerjarig")


class SourceKind(models.TextChoices):
    CBS = "cbs", _("CBS StatLine")
    PUBLIC_FILE = "public_file", _("Openbaar bestand")
    REGISTRATION = "registration", _("Registratie van een partner")
    MANUAL = "manual", _("Handmatige invoer")
    DEMO = "demo", _("Fictieve demogegevens")
    BENCH = "bench", _("Benchmarkgegevens")


class ImportBatch(models.Model):
    """One import: where the numbers came from, who brought them in, and when."""

    kind = models.CharField(_("soort bron"), max_length=16, choices=SourceKind.choices)
    source_name = models.CharField(_("bron"), max_length=200)
    table_or_file = models.CharField(_("tabel of bestand"), max_length=300, blank=True)
    checksum = models.CharField(_("controlegetal (sha256)"), max_length=64, blank=True)
    source_modified = models.DateTimeField(_("bijgewerkt bij de bron"), null=True, blank=True)
    coalition = models.ForeignKey(
        "coalitions.Coalition",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="import_batches",
    )
    partner = models.ForeignKey(
        "coalitions.Partner", null=True, blank=True, on_delete=models.SET_NULL
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("opgehaald op"), auto_now_add=True)
    row_count = models.PositiveIntegerField(_("aantal rijen"), default=0)
    details = models.JSONField(_("details"), default=dict, blank=True)
    rolled_back_at = models.DateTimeField(_("teruggedraaid op"), null=True, blank=True)
    rolled_back_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teruggedraaid door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("importbatch")
        verbose_name_plural = _("importbatches")

    def __str__(self) -> str:
        return f"{self.source_name} {self.table_or_file} ({self.created_at:%Y-%m-%d})".strip()

    @property
    def is_rolled_back(self) -> bool:
        return self.rolled_back_at is not None


class ObservationQuerySet(models.QuerySet):
    def public(self):
        return self.filter(coalition__isnull=True)

    def visible_to_coalition(self, coalition):
        """Public numbers plus the coalition's own registration data, never another's."""
        return self.filter(models.Q(coalition__isnull=True) | models.Q(coalition=coalition))


class Observation(models.Model):
    indicator = models.ForeignKey(
        "catalog.Indicator", on_delete=models.CASCADE, related_name="observations"
    )
    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="observations")
    period = models.CharField(_("periode"), max_length=9)
    period_kind = models.CharField(_("soort periode"), max_length=8, choices=PeriodKind.choices)
    period_start = models.DateField(_("begin periode"))
    period_end = models.DateField(_("einde periode"))
    numerator = models.FloatField(_("teller"), null=True, blank=True)
    denominator = models.FloatField(_("noemer"), null=True, blank=True)
    value = models.FloatField(_("waarde"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DEFINITIVE
    )
    coalition = models.ForeignKey(
        "coalitions.Coalition",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="observations",
        help_text=_("Leeg = openbaar cijfer; ingevuld = registratie van deze coalitie"),
    )
    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="observations")

    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("waarneming")
        verbose_name_plural = _("waarnemingen")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period"],
                condition=models.Q(coalition__isnull=True),
                name="observation_public_unique",
            ),
            models.UniqueConstraint(
                fields=["indicator", "area", "period", "coalition"],
                condition=models.Q(coalition__isnull=False),
                name="observation_coalition_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(period_kind__in=[k for k, _label in PeriodKind.choices]),
                name="observation_period_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="observation_period_ordered",
            ),
        ]
        indexes = [
            # A dashboard reads "these indicators for these areas": one range scan each.
            models.Index(fields=["area", "indicator", "period_start"], name="observation_area_ind"),
            models.Index(fields=["batch"], name="observation_batch"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_id} {self.period}"


class ObservationVersion(models.Model):
    """An observation as it was before a later batch replaced it: the history behind rollback.

    ``save_observations`` writes one when it replaces a value; rolling back ``replaced_by``
    puts the row back exactly as it was (same id, values, status and batch).
    """

    observation_id = models.BigIntegerField(_("waarneming (id)"))
    indicator = models.ForeignKey("catalog.Indicator", on_delete=models.CASCADE, related_name="+")
    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("periode"), max_length=9)
    period_kind = models.CharField(_("soort periode"), max_length=8, choices=PeriodKind.choices)
    period_start = models.DateField(_("begin periode"))
    period_end = models.DateField(_("einde periode"))
    numerator = models.FloatField(_("teller"), null=True, blank=True)
    denominator = models.FloatField(_("noemer"), null=True, blank=True)
    value = models.FloatField(_("waarde"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    coalition = models.ForeignKey(
        "coalitions.Coalition", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    batch = models.ForeignKey(
        ImportBatch,
        verbose_name=_("oorspronkelijke batch"),
        on_delete=models.PROTECT,
        related_name="superseded_versions",
    )
    replaced_by = models.ForeignKey(
        ImportBatch,
        verbose_name=_("vervangen door batch"),
        on_delete=models.PROTECT,
        related_name="replaced_versions",
    )
    replaced_at = models.DateTimeField(_("vervangen op"), auto_now_add=True)

    class Meta:
        ordering = ["-replaced_at", "-id"]
        verbose_name = _("eerdere waarde")
        verbose_name_plural = _("eerdere waarden")
        indexes = [
            models.Index(fields=["replaced_by"], name="obs_version_replaced_by"),
            models.Index(fields=["batch"], name="obs_version_batch"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_id} {self.period} (batch {self.batch_id})"


class Upload(models.Model):
    """A partner's file as it was uploaded: kept between the preview and the import, and
    afterwards as the original of the import batch it became."""

    coalition = models.ForeignKey(
        "coalitions.Coalition", on_delete=models.CASCADE, related_name="uploads"
    )
    partner = models.ForeignKey(
        "coalitions.Partner",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    indicator = models.ForeignKey(
        "catalog.Indicator",
        verbose_name=_("indicator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sheet = models.CharField(_("werkblad"), max_length=100, blank=True)
    columns = models.JSONField(_("kolomkoppeling"), default=dict, blank=True)
    file_name = models.CharField(_("bestandsnaam"), max_length=255)
    content = models.BinaryField(_("inhoud"))
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    checksum = models.CharField(_("controlegetal (sha256)"), max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("geüpload op"), auto_now_add=True)
    batch = models.OneToOneField(
        ImportBatch,
        verbose_name=_("importbatch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="upload",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("geüpload bestand")
        verbose_name_plural = _("geüploade bestanden")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.size} bytes)"

    @property
    def is_imported(self) -> bool:
        return self.batch_id is not None


class ColumnMapping(models.Model):
    """The roles of a partner's columns as last imported, offered again for the next file."""

    partner = models.OneToOneField(
        "coalitions.Partner", on_delete=models.CASCADE, related_name="column_mapping"
    )
    columns = models.JSONField(
        _("kolomkoppeling"), default=dict, blank=True, help_text=_("kolomnaam → rol")
    )
    sheet = models.CharField(_("werkblad"), max_length=100, blank=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("kolomkoppeling")
        verbose_name_plural = _("kolomkoppelingen")

    def __str__(self) -> str:
        return f"{self.partner_id}: {len(self.columns)} kolommen"


class DataUpdate(models.Model):
    """A coordinator's request to bring the coalition's public figures up to date.

    It runs in the background (django-tasks, database backend, ``kansrijk db_worker``): the
    web request only records it and enqueues the task; progress and outcome land here.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("In de wachtrij")
        RUNNING = "running", _("Bezig")
        DONE = "done", _("Klaar")
        FAILED = "failed", _("Mislukt")

    coalition = models.ForeignKey(
        "coalitions.Coalition", on_delete=models.CASCADE, related_name="data_updates"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(_("status"), max_length=8, choices=State.choices, default="queued")
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    progress_message = models.CharField(max_length=200, blank=True)
    summary = models.TextField(_("uitkomst"), blank=True)
    warnings = models.JSONField(default=list, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    started_at = models.DateTimeField(_("gestart op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("bijwerking openbare cijfers")
        verbose_name_plural = _("bijwerkingen openbare cijfers")

    def __str__(self) -> str:
        return f"{self.coalition_id} {self.get_state_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_active(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)

    @property
    def percent(self) -> int:
        if not self.progress_total:
            return 0
        return round(100 * self.progress_done / self.progress_total)
