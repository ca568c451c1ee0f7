"""Coalitions, their partners and members, and their monitoring plan.

The plan is a tree: ambition → goal → activity. Goals and activities are linked to
indicators with a baseline, a target and a direction (``PlanIndicator``).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kansrijk.catalog.models import Direction


class Domain(models.TextChoices):
    MEDICAL = "medical", _("Medisch domein")
    SOCIAL = "social", _("Sociaal domein")
    OTHER = "other", _("Anders")


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coördinator")
    EDITOR = "editor", _("Redacteur")
    VIEWER = "viewer", _("Lezer")


EDIT_ROLES = (Role.COORDINATOR, Role.EDITOR)


class Coalition(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam (in de URL)"), max_length=80, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    areas = models.ManyToManyField(
        "areas.Area", verbose_name=_("gebieden"), related_name="coalitions", blank=True
    )
    contact_email = models.EmailField(_("e-mailadres voor contact"), blank=True)
    is_fictitious = models.BooleanField(_("fictief (demo)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("coalitie")
        verbose_name_plural = _("coalities")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("coalitions:coalition-detail", kwargs={"slug": self.slug})


class Partner(models.Model):
    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("naam"), max_length=200)
    domain = models.CharField(_("domein"), max_length=8, choices=Domain.choices)

    class Meta:
        ordering = ["domain", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(fields=["coalition", "name"], name="partner_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=12, choices=Role.choices, default=Role.VIEWER)
    partner = models.ForeignKey(
        Partner, verbose_name=_("organisatie"), null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "coalition"], name="membership_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.coalition} ({self.get_role_display()})"

    @property
    def can_edit(self) -> bool:
        return self.role in EDIT_ROLES


class Ambition(models.Model):
    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="ambitions")
    title = models.CharField(_("ambitie"), max_length=300)
    description = models.TextField(_("toelichting"), blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("ambitie")
        verbose_name_plural = _("ambities")

    def __str__(self) -> str:
        return self.title


class Goal(models.Model):
    ambition = models.ForeignKey(Ambition, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("doel"), max_length=300)
    description = models.TextField(_("toelichting"), blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self) -> str:
        return self.title


class Activity(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("activiteit"), max_length=300)
    description = models.TextField(_("toelichting"), blank=True)
    partners = models.ManyToManyField(Partner, verbose_name=_("uitgevoerd door"), blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")

    def __str__(self) -> str:
        return self.title


class PlanIndicator(models.Model):
    """An indicator linked to a goal or to an activity (exactly one), with baseline and target."""

    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.CASCADE, related_name="indicator_links"
    )
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.CASCADE, related_name="indicator_links"
    )
    indicator = models.ForeignKey(
        "catalog.Indicator",
        verbose_name=_("indicator"),
        on_delete=models.PROTECT,
        related_name="plan_links",
    )
    baseline_value = models.FloatField(_("nulmeting (waarde)"), null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("nulmeting (jaar)"), null=True, blank=True)
    target_value = models.FloatField(_("streefwaarde"), null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(_("streefjaar"), null=True, blank=True)
    direction = models.CharField(_("gewenste richting"), max_length=8, choices=Direction.choices)

    class Meta:
        verbose_name = _("indicator in het plan")
        verbose_name_plural = _("indicatoren in het plan")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(goal__isnull=False, activity__isnull=True)
                    | models.Q(goal__isnull=True, activity__isnull=False)
                ),
                name="plan_indicator_goal_xor_activity",
            ),
            models.UniqueConstraint(
                fields=["goal", "indicator"],
                condition=models.Q(goal__isnull=False),
                name="plan_indicator_once_per_goal",
            ),
            models.UniqueConstraint(
                fields=["activity", "indicator"],
                condition=models.Q(activity__isnull=False),
                name="plan_indicator_once_per_activity",
            ),
        ]

    def __str__(self) -> str:
        return str(self.indicator)

    @property
    def coalition_id(self) -> int:
        owner = self.goal if self.goal_id else self.activity.goal
        return owner.ambition.coalition_id
