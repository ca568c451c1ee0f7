"""Parents' experience stories, the themes they are coded with, and quotes from them.

A story is de-identified as soon as it is saved (``collecting``); the original text is seen
only by its collector (or, for stories sent in through the public form, by the coordinators)
and is emptied at its retention date (``retention``). Until the collector or a coordinator
approves the anonymised text, nobody else sees the story (``visibility``). Consent decides in
which uses an approved story may appear: the levels are cumulative (``Consent.allows``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.catalog.models import Phase


class Consent(models.TextChoices):
    INTERNAL = "internal", _("Alleen intern gebruik")
    SESSIONS = "sessions", _("Gebruik in duidingssessies")
    PUBLISH = "publish", _("Publiceren als anoniem citaat")

    @classmethod
    def allowing(cls, use: str) -> list[str]:
        """The consents that cover a use: a wider consent includes the narrower uses."""
        return {
            Use.INTERNAL: [cls.INTERNAL, cls.SESSIONS, cls.PUBLISH],
            Use.SESSIONS: [cls.SESSIONS, cls.PUBLISH],
            Use.PUBLIC: [cls.PUBLISH],
        }[Use(use)]

    @classmethod
    def allows(cls, consent: str, use: str) -> bool:
        return consent in cls.allowing(use)


class Use(models.TextChoices):
    """Where a story may appear: the coalition's own pages, interpretation sessions, public
    pages and reports (as anonymous quotes)."""

    INTERNAL = "internal", _("binnen de coalitie")
    SESSIONS = "sessions", _("in duidingssessies")
    PUBLIC = "public", _("openbaar, als anoniem citaat")


class StoryPhase(models.TextChoices):
    """The parent's life phase the story is about; ``CATALOGUE_PHASE`` maps it onto the
    catalogue's phases so stories sit next to the indicators of the same phase."""

    WISH = "pre", _("Kinderwens en voor de zwangerschap")
    PREGNANCY = "pregnancy", _("Zwangerschap")
    BIRTH = "birth", _("Bevalling")
    MATERNITY = "maternity", _("Kraamtijd")
    EARLY_YEARS = "post", _("Eerste 1000 dagen (na de kraamtijd)")


CATALOGUE_PHASE = {
    StoryPhase.WISH: Phase.PRE,
    StoryPhase.PREGNANCY: Phase.PREGNANCY,
    StoryPhase.BIRTH: Phase.BIRTH,
    StoryPhase.MATERNITY: Phase.BIRTH,
    StoryPhase.EARLY_YEARS: Phase.POST,
}


class Method(models.TextChoices):
    INTERVIEW = "interview", _("Gesprek (interview)")
    FORM = "form", _("Formulier")
    GROUP = "group", _("Groepsgesprek")
    ONLINE = "online", _("Online formulier (door de ouder zelf)")


class Language(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("Engels")
    ARABIC = "ar", _("Arabisch")
    TURKISH = "tr", _("Turks")
    POLISH = "pl", _("Pools")
    UKRAINIAN = "uk", _("Oekraïens")
    TIGRINYA = "ti", _("Tigrinya")
    PAPIAMENTO = "pap", _("Papiaments")
    OTHER = "other", _("Andere taal")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Wacht op controle")
    APPROVED = "approved", _("Goedgekeurd")
    REJECTED = "rejected", _("Afgewezen")


class StorySettings(models.Model):
    """A coalition's choices for its stories; created (and its codebook seeded) on first use
    by ``collecting.settings_for``."""

    coalition = models.OneToOneField(
        "coalitions.Coalition", on_delete=models.CASCADE, related_name="story_settings"
    )
    public_form_open = models.BooleanField(
        _("het openbare verhalenformulier staat open"),
        default=False,
        help_text=_("Ouders kunnen dan zonder in te loggen hun verhaal sturen."),
    )
    retention_days = models.PositiveIntegerField(
        _("oorspronkelijke tekst bewaren (dagen)"),
        default=365,
        help_text=_("Daarna blijft alleen de geanonimiseerde tekst over."),
    )

    class Meta:
        verbose_name = _("instellingen voor verhalen")
        verbose_name_plural = _("instellingen voor verhalen")

    def __str__(self) -> str:
        return str(self.coalition)


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
    phase = models.CharField(_("levensfase"), max_length=16, choices=StoryPhase.choices)
    area = models.ForeignKey("areas.Area", null=True, blank=True, on_delete=models.SET_NULL)
    partner = models.ForeignKey(
        "coalitions.Partner", null=True, blank=True, on_delete=models.SET_NULL
    )
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    method = models.CharField(_("hoe verzameld"), max_length=40, blank=True, choices=Method.choices)
    language = models.CharField(_("taal"), max_length=8, default="nl", choices=Language.choices)
    consent = models.CharField(_("toestemming"), max_length=12, choices=Consent.choices)
    retain_until = models.DateField(_("bewaren tot"), null=True, blank=True)
    review_status = models.CharField(
        _("controle"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_stories",
    )
    reviewed_at = models.DateTimeField(_("gecontroleerd op"), null=True, blank=True)
    themes = models.ManyToManyField(StoryTheme, blank=True, related_name="stories")
    goals = models.ManyToManyField("coalitions.Goal", blank=True, related_name="stories")
    indicators = models.ManyToManyField("catalog.Indicator", blank=True, related_name="stories")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ervaringsverhaal")
        verbose_name_plural = _("ervaringsverhalen")
        indexes = [
            models.Index(fields=["coalition", "review_status"]),
            models.Index(fields=["retain_until"]),
        ]

    def __str__(self) -> str:
        return _("Verhaal %(number)s") % {"number": self.pk}

    @property
    def is_approved(self) -> bool:
        return self.review_status == ReviewStatus.APPROVED

    @property
    def catalogue_phase(self) -> str:
        return CATALOGUE_PHASE.get(self.phase, "")


class Question(models.Model):
    """A structured question parents may answer on a scale of 1 to 5."""

    coalition = models.ForeignKey(
        "coalitions.Coalition", on_delete=models.CASCADE, related_name="story_questions"
    )
    text = models.CharField(_("vraag"), max_length=200)
    low_label = models.CharField(_("betekenis van 1"), max_length=60, default="helemaal niet")
    high_label = models.CharField(_("betekenis van 5"), max_length=60, default="heel erg")
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("wordt gesteld"), default=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("vraag bij verhalen")
        verbose_name_plural = _("vragen bij verhalen")

    def __str__(self) -> str:
        return self.text


class Answer(models.Model):
    SCORES = range(1, 6)

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    score = models.PositiveSmallIntegerField(_("antwoord (1-5)"))

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(fields=["story", "question"], name="story_answer_once"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="story_answer_score_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.score}"


class Quote(models.Model):
    """A quotable fragment of an approved, anonymised story."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField(_("citaat"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("citaat")
        verbose_name_plural = _("citaten")

    def __str__(self) -> str:
        return self.text[:60]
