"""Areas: the country, provinces, GGD regions, municipalities, wijken, buurten and custom regions.

A CBS code is valid for a span of years; municipal mergers retire codes and name successors
(``Succession``). Provinces, municipalities, wijken and buurten form one tree through
``parent``; GGD regions and a coalition's custom regions group municipalities through
``RegionMember``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    COUNTRY = "country", _("Land")
    PROVINCE = "province", _("Provincie")
    GGD = "ggd", _("GGD-regio")
    REGION = "region", _("Eigen regio")
    MUNICIPALITY = "municipality", _("Gemeente")
    DISTRICT = "district", _("Wijk")
    NEIGHBOURHOOD = "neighbourhood", _("Buurt")


# CBS code prefixes per level; custom regions use the prefix "RG".
CODE_PREFIXES = {
    "NL": Level.COUNTRY,
    "PV": Level.PROVINCE,
    "GG": Level.GGD,
    "RG": Level.REGION,
    "GM": Level.MUNICIPALITY,
    "WK": Level.DISTRICT,
    "BU": Level.NEIGHBOURHOOD,
}


class AreaQuerySet(models.QuerySet):
    def municipalities(self):
        return self.filter(level=Level.MUNICIPALITY)

    def districts(self):
        return self.filter(level=Level.DISTRICT)

    def valid_in(self, year: int):
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=year),
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=year),
        )


class Area(models.Model):
    code = models.CharField(_("code"), max_length=16, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    level = models.CharField(_("niveau"), max_length=16, choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("ligt in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    valid_from = models.PositiveSmallIntegerField(_("geldig vanaf jaar"), null=True, blank=True)
    valid_to = models.PositiveSmallIntegerField(_("geldig tot en met jaar"), null=True, blank=True)
    inhabitants = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    is_fictitious = models.BooleanField(_("fictief (demo)"), default=False)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        indexes = [models.Index(fields=["parent", "level"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def is_valid_in(self, year: int) -> bool:
        return (self.valid_from is None or self.valid_from <= year) and (
            self.valid_to is None or self.valid_to >= year
        )


class Geometry(models.Model):
    """Simplified GeoJSON geometry (WGS84) of an area in one boundary year."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="geometries")
    year = models.PositiveSmallIntegerField(_("jaar"))
    geojson = models.JSONField(_("geometrie (GeoJSON)"))
    source = models.CharField(_("bron"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("gebiedsgrens")
        verbose_name_plural = _("gebiedsgrenzen")
        constraints = [
            models.UniqueConstraint(fields=["area", "year"], name="geometry_one_per_area_year")
        ]

    def __str__(self) -> str:
        return f"{self.area_id} {self.year}"


class RegionMember(models.Model):
    """A municipality that belongs to a GGD region or a custom region."""

    region = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="regions")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "member"], name="region_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} in {self.region_id}"


class Succession(models.Model):
    """``predecessor`` went (wholly or partly) into ``successor`` on 1 January of ``year``."""

    predecessor = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="successions")
    successor = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="predecessions")
    year = models.PositiveSmallIntegerField(_("jaar"))

    class Meta:
        ordering = ["year", "predecessor__code"]
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="succession_once")
        ]

    def __str__(self) -> str:
        return f"{self.predecessor_id} → {self.successor_id} ({self.year})"
