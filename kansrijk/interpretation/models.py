"""Learning cycles and interpretation sessions (duidingssessies), with conclusions and actions.

A ``Cycle`` (monitorronde, e.g. "Monitor 2025") groups the state of the data it used, one or
more ``Session``s, what they concluded and agreed, and the plan changes that follow. A session
keeps the published figures as they were when it was prepared (``snapshot``), who took part
(``Participant``), what was seen and explained (``SessionNote``), its ``Conclusion``s and its
``Action``s. Actions belong to a cycle, and usually to the session that agreed them; actions
carried over from the previous cycle belong to the new cycle only (``carried_over_from``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_QUESTIONS = [
    "Wat zien we?",
    "Wat valt op?",
    "Wat herkennen we (niet) uit de praktijk?",
    "Wat betekent dit voor onze ambities?",
]


class CycleStatus(models.TextChoices):
    """Derived from the cycle's dates and sessions (``Cycle.status``), never stored."""

    PREPARING = "preparing", _("In voorbereiding")
    RUNNING = "running", _("Lopend")
    CLOSED = "closed", _("Afgerond")


class Cycle(models.Model):
    coalition = models.ForeignKey(
        "coalitions.Coalition", on_delete=models.CASCADE, related_name="cycles"
    )
    title = models.CharField(_("monitorronde"), max_length=200)
    started_on = models.DateField(_("gestart op"))
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL)
    data_note = models.TextField(_("stand van de gegevens"), blank=True)
    data_version = models.CharField(
        _("versie van de cijfers bij de start"), max_length=64, blank=True
    )
    plan_changes = models.TextField(_("wijzigingen in het plan"), blank=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = _("monitorronde")
        verbose_name_plural = _("monitorrondes")

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    @property
    def status(self) -> str:
        """Closed once it has a closing date; running once a session has been held or has
        recorded something; in preparation before that. Reads ``sessions`` (prefetch it)."""
        if self.closed_on is not None:
            return CycleStatus.CLOSED
        if any(session.has_started for session in self.sessions.all()):
            return CycleStatus.RUNNING
        return CycleStatus.PREPARING

    def get_status_display(self) -> str:
        return str(CycleStatus(self.status).label)


class Session(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("titel"), max_length=200)
    held_on = models.DateField(_("datum"), null=True, blank=True)
    purpose = models.TextField(_("doel van de sessie"), blank=True)
    goal = models.ForeignKey(
        "coalitions.Goal",
        verbose_name=_("voorbereid vanuit het doel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    questions = models.JSONField(_("leidende vragen"), default=list)
    indicators = models.ManyToManyField("catalog.Indicator", blank=True)
    stories = models.ManyToManyField("stories.Story", blank=True)
    snapshot = models.JSONField(_("cijfers bij voorbereiding"), default=dict, blank=True)
    prepared_at = models.DateTimeField(_("cijfers vastgelegd op"), null=True, blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("duidingssessie")
        verbose_name_plural = _("duidingssessies")

    def __str__(self) -> str:
        return self.title

    @property
    def has_started(self) -> bool:
        return self.held_on is not None and self.held_on <= timezone.localdate()


class ParticipantRole(models.TextChoices):
    PROFESSIONAL = "professional", _("Professionals")
    RESIDENT = "resident", _("Ouders en inwoners")
    MANAGER = "manager", _("Managers")
    POLICY = "policy", _("Beleid")


class Participant(models.Model):
    """How many people of one role take part in a session, and optionally who."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="participants")
    role = models.CharField(_("rol"), max_length=16, choices=ParticipantRole.choices)
    count = models.PositiveSmallIntegerField(_("aantal"), default=0)
    names = models.CharField(_("namen of organisaties"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("deelnemers")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.UniqueConstraint(fields=["session", "role"], name="participant_role_once")
        ]

    def __str__(self) -> str:
        text = f"{self.get_role_display()}: {self.count}"
        return f"{text} ({self.names})" if self.names else text


class NoteKind(models.TextChoices):
    OBSERVATION = "observation", _("Waarneming")
    EXPLANATION = "explanation", _("Verklaring")


class SessionNote(models.Model):
    """What was seen (a waarneming) or offered as an explanation (a verklaring) in a session,
    about one indicator or the session as a whole, in answer to one of its questions."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="notes")
    indicator = models.ForeignKey(
        "catalog.Indicator",
        verbose_name=_("indicator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    question = models.CharField(_("vraag"), max_length=300, blank=True)
    kind = models.CharField(
        _("soort"), max_length=12, choices=NoteKind.choices, default=NoteKind.OBSERVATION
    )
    text = models.TextField(_("tekst"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("aantekening")
        verbose_name_plural = _("aantekeningen")

    def __str__(self) -> str:
        return self.text[:60]


class Conclusion(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="conclusions")
    text = models.TextField(_("conclusie"))
    indicator = models.ForeignKey(
        "catalog.Indicator", null=True, blank=True, on_delete=models.SET_NULL
    )
    goal = models.ForeignKey(
        "coalitions.Goal",
        verbose_name=_("doel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("conclusie")
        verbose_name_plural = _("conclusies")

    def __str__(self) -> str:
        return self.text[:60]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BUSY = "busy", _("Bezig")
    DONE = "done", _("Afgerond")
    DROPPED = "dropped", _("Vervallen")


UNFINISHED = (ActionStatus.OPEN, ActionStatus.BUSY)


class Action(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="actions")
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.CASCADE, related_name="actions"
    )
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
    carried_over_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continuations",
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self) -> str:
        return self.what[:60]

    @property
    def is_unfinished(self) -> bool:
        return self.status in UNFINISHED
