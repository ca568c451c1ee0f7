"""Parents' experience stories and the themes they are coded with.

The original text is seen only by its collector until a de-identified version is approved;
consent decides in which uses a story may appear. Collection, de-identification and coding
are filled in by the stories issue; the data model is here from the start.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.catalog.models import Phase


class Consent(models.TextChoices):
    INTERNAL = "internal", _("Alleen intern gebruik")
    SESSIONS = "sessions", _("Gebruik in duidingssessies")
    PUBLISH = "publish", _("Publiceren als anoniem citaat")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Wacht op controle")
    APPROVED = "approved", _("Goedgekeurd")
    REJECTED = "rejected", _("Afgewezen")


class StoryTheme(models.Model):
    coalition = models.ForeignKey(
        "coalitions.Coalition", on_delete=models.CASCADE, related_name="story_themes"
    )
    name = models.CharField(_("thema"), max_length=120)
    description = models.TextField(_("toelichting"), blank=True)
    goals = models.ManyToManyField("coalitions.Goal", blank=True, related_name="story_themes")
    indicators = models.ManyToManyField(
        "catalog.Indicator", blank=True, related_name="story_themes"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("verhaalthema")
        verbose_name_plural = _("verhaalthema's")
        constraints = [
            models.UniqueConstraint(fields=["coalition", "name"], name="story_theme_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Story(models.Model):
    coalition = models.ForeignKey(
        "coalitions.Coalition", on_delete=models.CASCADE, related_name="stories"
    )
    original_text = models.TextField(_("oorspronkelijke tekst"), blank=True)
    anonymised_text = models.TextField(_("geanonimiseerde tekst"), blank=True)
    told_on = models.DateField(_("datum"), null=True, blank=True)
    phase = models.CharField(_("levensfase"), max_length=16, choices=Phase.choices)
    area = models.ForeignKey("areas.Area", null=True, blank=True, on_delete=models.SET_NULL)
    partner = models.ForeignKey(
        "coalitions.Partner", null=True, blank=True, on_delete=models.SET_NULL
    )
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    method = models.CharField(_("hoe verzameld"), max_length=40, blank=True)
    language = models.CharField(_("taal"), max_length=8, default="nl")
    consent = models.CharField(_("toestemming"), max_length=12, choices=Consent.choices)
    retain_until = models.DateField(_("bewaren tot"), null=True, blank=True)
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    themes = models.ManyToManyField(StoryTheme, blank=True, related_name="stories")
    goals = models.ManyToManyField("coalitions.Goal", blank=True, related_name="stories")
    indicators = models.ManyToManyField("catalog.Indicator", blank=True, related_name="stories")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ervaringsverhaal")
        verbose_name_plural = _("ervaringsverhalen")

    def __str__(self) -> str:
        return _("Verhaal %(number)s") % {"number": self.pk}


class Quote(models.Model):
    """A quotable fragment of an approved, anonymised story."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField(_("citaat"))

    class Meta:
        verbose_name = _("citaat")
        verbose_name_plural = _("citaten")

    def __str__(self) -> str:
        return self.text[:60]
