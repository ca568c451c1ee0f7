"""What a coordinator composes: the dashboard's order and texts, the headline indicators for
bestuur and raad, and what the coalition publishes for parents and residents.

Professionals always see every indicator of the plan; ``DashboardItem`` rows only choose
indicators for the two other audiences. What is public is decided in one place,
``kansrijk.dashboards.publication``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Order(models.TextChoices):
    PLAN = "plan", _("Volgens het plan (ambitie en doel)")
    PHASE = "phase", _("Per levensfase")


class Audience(models.TextChoices):
    BESTUUR = "bestuur", _("Bestuur en raad")
    PUBLIEK = "publiek", _("Ouders en inwoners")


class DashboardSettings(models.Model):
    coalition = models.OneToOneField(
        "coalitions.Coalition", on_delete=models.CASCADE, related_name="dashboard_settings"
    )
    order = models.CharField(_("ordening"), max_length=8, choices=Order.choices, default=Order.PLAN)
    public_enabled = models.BooleanField(_("openbare pagina aan"), default=False)
    public_intro = models.TextField(_("inleiding op de openbare pagina"), blank=True)
    council_intro = models.TextField(_("inleiding voor bestuur en raad"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Raised whenever something the coalition's dashboards show changes (``caching.py``);
    # part of the cache keys of their rendered tiles.
    version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("dashboardinstellingen")
        verbose_name_plural = _("dashboardinstellingen")

    def __str__(self) -> str:
        return str(self.coalition)

    def save(self, *args, **kwargs):
        """Never write ``version`` back from memory: it may have been raised meanwhile."""
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if f.name not in ("id", "version")
            ]
        super().save(*args, **kwargs)


class DashboardItem(models.Model):
    """An indicator chosen for one audience: a headline for bestuur and raad, or published
    on the public page."""

    coalition = models.ForeignKey(
        "coalitions.Coalition", on_delete=models.CASCADE, related_name="dashboard_items"
    )
    indicator = models.ForeignKey(
        "catalog.Indicator",
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="dashboard_items",
    )
    audience = models.CharField(_("doelgroep"), max_length=8, choices=Audience.choices)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    plain_text = models.TextField(_("uitleg in gewone woorden"), blank=True)
    show_wijken = models.BooleanField(_("cijfers per wijk tonen"), default=False)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("indicator op een dashboard")
        verbose_name_plural = _("indicatoren op dashboards")
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "indicator", "audience"], name="dashboard_item_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.coalition} – {self.indicator} ({self.get_audience_display()})"
