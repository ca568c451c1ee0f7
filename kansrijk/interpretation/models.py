"""Learning cycles and interpretation sessions (duidingssessies), with conclusions and actions.

The session workflow is filled in by the interpretation issue; the data model is here from
the start so that plans, indicators and stories can link to it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_QUESTIONS = [
    "Wat zien we?",
    "Wat valt op?",
    "Wat herkennen we (niet) uit de praktijk?",
    "Wat betekent dit voor onze ambities?",
]


class Cycle(models.Model):
    coalition = models.ForeignKey(
        "coalitions.Coalition", on_delete=models.CASCADE, related_name="cycles"
    )
    title = models.CharField(_("monitorronde"), max_length=200)
    started_on = models.DateField(_("gestart op"))
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = _("monitorronde")
        verbose_name_plural = _("monitorrondes")

    def __str__(self) -> str:
        return self.title


class Session(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("titel"), max_length=200)
    held_on = models.DateField(_("datum"), null=True, blank=True)
    questions = models.JSONField(_("leidende vragen"), default=list)
    indicators = models.ManyToManyField("catalog.Indicator", blank=True)
    stories = models.ManyToManyField("stories.Story", blank=True)
    snapshot = models.JSONField(_("cijfers bij voorbereiding"), default=dict, blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("duidingssessie")
        verbose_name_plural = _("duidingssessies")

    def __str__(self) -> str:
        return self.title


class Conclusion(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="conclusions")
    text = models.TextField(_("conclusie"))
    indicator = models.ForeignKey(
        "catalog.Indicator", null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("conclusie")
        verbose_name_plural = _("conclusies")

    def __str__(self) -> str:
        return self.text[:60]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BUSY = "busy", _("Bezig")
    DONE = "done", _("Afgerond")
    DROPPED = "dropped", _("Vervallen")


class Action(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="actions")
    what = models.TextField(_("wat"))
    who = models.CharField(_("wie"), max_length=200, blank=True)
    due_on = models.DateField(_("uiterlijk"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    goal = models.ForeignKey("coalitions.Goal", null=True, blank=True, on_delete=models.SET_NULL)
    activity = models.ForeignKey(
        "coalitions.Activity", null=True, blank=True, on_delete=models.SET_NULL
    )
    carried_over_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self) -> str:
        return self.what[:60]
