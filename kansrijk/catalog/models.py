"""The indicator catalogue: shared indicators (basisset, keuzeset, other) and a coalition's own."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    PERCENTAGE = "percentage", _("percentage")
    PER_1000 = "per_1000", _("per 1.000")
    COUNT = "count", _("aantal")
    SCORE = "score", _("score")
    YES_NO = "yes_no", _("ja/nee")


class Phase(models.TextChoices):
    PRE = "pre", _("Voor de zwangerschap")
    PREGNANCY = "pregnancy", _("Tijdens de zwangerschap")
    BIRTH = "birth", _("Rond de geboorte")
    POST = "post", _("Na de geboorte (eerste 1000 dagen)")
    PROGRAMME = "programme", _("Programma en samenwerking")
    CONTEXT = "context", _("Context")


class Direction(models.TextChoices):
    HIGHER = "higher", _("hoger is beter")
    LOWER = "lower", _("lager is beter")
    NONE = "none", _("geen richting (context)")


class IndicatorSet(models.TextChoices):
    BASISSET = "basisset", _("Basisset")
    KEUZESET = "keuzeset", _("Keuzeset")
    OTHER = "other", _("Overig")


class AreaLevel(models.TextChoices):
    """The lowest level at which an indicator exists (ordered from high to low)."""

    NL = "nl", _("Nederland")
    GGD = "ggd", _("GGD-regio")
    GEMEENTE = "gemeente", _("Gemeente")
    WIJK = "wijk", _("Wijk")
    BUURT = "buurt", _("Buurt")


class Theme(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_nl = models.CharField(_("naam"), max_length=120)
    name_en = models.CharField(_("naam (Engels)"), max_length=120, blank=True)

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self) -> str:
        return self.name_nl


class IndicatorQuerySet(models.QuerySet):
    def shared(self):
        return self.filter(coalition__isnull=True)

    def visible_to(self, coalition_ids):
        """Shared indicators plus the own indicators of the given coalitions."""
        return self.filter(models.Q(coalition__isnull=True) | models.Q(coalition__in=coalition_ids))


class Indicator(models.Model):
    code = models.SlugField(_("code"), max_length=80, unique=True)
    name_nl = models.CharField(_("naam"), max_length=300)
    name_en = models.CharField(_("naam (Engels)"), max_length=300, blank=True)
    definition = models.TextField(_("definitie"), blank=True)
    numerator = models.TextField(_("teller"), blank=True)
    denominator = models.TextField(_("noemer"), blank=True)
    unit = models.CharField(_("eenheid"), max_length=16, choices=Unit.choices)
    phase = models.CharField(_("levensfase"), max_length=16, choices=Phase.choices)
    themes = models.ManyToManyField(Theme, verbose_name=_("thema's"), blank=True)
    direction = models.CharField(_("gewenste richting"), max_length=8, choices=Direction.choices)
    indicator_set = models.CharField(
        _("set"), max_length=16, choices=IndicatorSet.choices, default=IndicatorSet.OTHER
    )
    min_count = models.PositiveSmallIntegerField(_("minimum aantal voor publicatie"), default=10)
    round_to = models.PositiveSmallIntegerField(
        _("afronden op (wijk/buurt)"), default=0, help_text=_("0 = niet afronden")
    )
    pool_years = models.PositiveSmallIntegerField(
        _("jaren samenvoegen"), default=1, help_text=_("Bijv. 5 voor zeldzame uitkomsten")
    )
    lowest_level = models.CharField(
        _("laagste niveau"), max_length=8, choices=AreaLevel.choices, default=AreaLevel.GEMEENTE
    )
    caveats = models.TextField(_("kanttekeningen"), blank=True)
    confidence = models.CharField(
        _("betrouwbaarheid van de definitie"),
        max_length=40,
        blank=True,
        help_text=_("F = gevonden in een bron; I = afgeleid, nog te controleren"),
    )
    references = models.TextField(_("verwijzingen"), blank=True)
    coalition = models.ForeignKey(
        "coalitions.Coalition",
        verbose_name=_("eigen indicator van"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="own_indicators",
    )
    proposed_for_catalogue = models.BooleanField(
        _("voorgesteld voor de gedeelde catalogus"), default=False
    )
    proposed_at = models.DateTimeField(_("voorgesteld op"), null=True, blank=True)
    origin_coalition = models.ForeignKey(
        "coalitions.Coalition",
        verbose_name=_("oorspronkelijk eigen indicator van"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributed_indicators",
        help_text=_(
            "De coalitie die de indicator bedacht en voorstelde voor de gedeelde catalogus"
        ),
    )
    accepted_at = models.DateTimeField(_("opgenomen in de catalogus op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")

    def __str__(self) -> str:
        return self.name_nl

    @property
    def is_own(self) -> bool:
        return self.coalition_id is not None

    @property
    def is_percentage_like(self) -> bool:
        return self.unit in (Unit.PERCENTAGE, Unit.PER_1000)


class Source(models.Model):
    """Where the data for an indicator can be found."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="sources")
    provider = models.CharField(_("leverancier"), max_length=200)
    table = models.CharField(_("tabel of registratie"), max_length=200, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    update_frequency = models.CharField(_("actualisatie"), max_length=100, blank=True)
    how_to_obtain = models.TextField(_("hoe te verkrijgen"), blank=True)
    cbs_mapping = models.JSONField(
        _("koppeling met CBS-tabel"),
        null=True,
        blank=True,
        help_text=_("Declaratieve koppeling voor de CBS-import"),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["indicator", "position", "id"]
        verbose_name = _("bron")
        verbose_name_plural = _("bronnen")

    def __str__(self) -> str:
        return f"{self.provider} {self.table}".strip()


class CatalogueLoad(models.Model):
    """One load of the catalogue file that changed something (or brought a new version)."""

    version = models.PositiveIntegerField(_("versie"))
    loaded_at = models.DateTimeField(_("geladen op"), auto_now_add=True)
    file_name = models.CharField(_("bestand"), max_length=300, blank=True)
    checksum = models.CharField(_("controlegetal (sha256)"), max_length=64, blank=True)
    created = models.PositiveIntegerField(_("nieuw"), default=0)
    updated = models.PositiveIntegerField(_("bijgewerkt"), default=0)
    unchanged = models.PositiveIntegerField(_("ongewijzigd"), default=0)

    class Meta:
        ordering = ["-loaded_at", "-id"]
        get_latest_by = ["loaded_at", "id"]
        verbose_name = _("geladen catalogusversie")
        verbose_name_plural = _("geladen catalogusversies")

    def __str__(self) -> str:
        return f"v{self.version} ({self.loaded_at:%Y-%m-%d %H:%M})"
