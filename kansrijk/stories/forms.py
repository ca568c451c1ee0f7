"""Forms for stories. Every form that offers related objects takes the coalition, so its choices
never reach outside it. The public form speaks plain Dutch (B1) and asks for nothing that
identifies the parent."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kansrijk.areas.models import Area, Level
from kansrijk.catalog.models import Indicator
from kansrijk.coalitions.models import Goal, Partner
from kansrijk.web.forms import NamedErrorsMixin

from .collecting import MAX_STORY_CHARS
from .models import (
    Consent,
    Language,
    Method,
    Question,
    StoryPhase,
    StorySettings,
    StoryTheme,
)

PUBLIC_MAX_CHARS = 5000
SCORES = [(score, str(score)) for score in range(1, 6)]


def wijken_of(coalition):
    """The wijken of the coalition's municipalities (and its own areas that are wijken)."""
    roots = coalition.areas.all()
    return Area.objects.filter(
        Q(parent__in=roots, level=Level.DISTRICT) | Q(pk__in=roots, level=Level.DISTRICT)
    ).order_by("name")


def goals_of(coalition):
    return Goal.objects.filter(ambition__coalition=coalition).order_by(
        "ambition__position", "ambition_id", "position", "id"
    )


def _indicator_choices(coalition, current=()):
    """The indicators in the coalition's monitoring plan, and those already linked."""
    in_plan = Q(plan_links__goal__ambition__coalition=coalition) | Q(
        plan_links__activity__goal__ambition__coalition=coalition
    )
    ids = set(Indicator.objects.filter(in_plan).values_list("pk", flat=True))
    ids |= {indicator.pk for indicator in current}
    return Indicator.objects.filter(pk__in=ids).order_by("name_nl")


def _question_fields(form, questions, *, widget) -> None:
    for question in questions:
        choices = (
            SCORES if widget is forms.RadioSelect else [("", gettext("Geen antwoord"))] + SCORES
        )
        form.fields[f"question_{question.pk}"] = forms.TypedChoiceField(
            label=question.text,
            choices=choices,
            coerce=int,
            required=False,
            empty_value=None,
            widget=widget,
            help_text=gettext("1 = %(low)s, 5 = %(high)s")
            % {"low": question.low_label, "high": question.high_label},
            error_messages={
                "invalid_choice": gettext("Kies een van de mogelijkheden bij “%(label)s”.")
                % {"label": question.text}
            },
        )


def answers_from(form, questions) -> dict:
    """The chosen scores, by question."""
    return {
        question: form.cleaned_data.get(f"question_{question.pk}")
        for question in questions
        if form.cleaned_data.get(f"question_{question.pk}") is not None
    }


class StoryForm(NamedErrorsMixin, forms.Form):
    """A story entered by a coordinator or editor (from an interview, a form or a group)."""

    text = forms.CharField(
        label=_("Het verhaal"),
        max_length=MAX_STORY_CHARS,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Typ het verhaal zoals de ouder het vertelde. Namen, adressen en nummers worden "
            "na het opslaan vervangen; u controleert daarna de tekst."
        ),
    )
    phase = forms.ChoiceField(label=_("Levensfase"), choices=StoryPhase.choices)
    told_on = forms.DateField(
        label=_("Datum van het gesprek"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    area = forms.ModelChoiceField(label=_("Wijk"), queryset=Area.objects.none(), required=False)
    partner = forms.ModelChoiceField(
        label=_("Verzameld door (organisatie)"), queryset=Partner.objects.none(), required=False
    )
    method = forms.ChoiceField(
        label=_("Hoe verzameld"),
        choices=[c for c in Method.choices if c[0] != Method.ONLINE],
        initial=Method.INTERVIEW,
    )
    language = forms.ChoiceField(label=_("Taal"), choices=Language.choices, initial="nl")
    consent = forms.ChoiceField(
        label=_("Toestemming van de ouder"),
        choices=Consent.choices,
        widget=forms.RadioSelect,
        help_text=_("Waarvoor mag het verhaal gebruikt worden? Een ruimere keuze omvat de andere."),
    )
    retain_until = forms.DateField(
        label=_("Oorspronkelijke tekst bewaren tot"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leeg laten: de bewaartermijn van de coalitie."),
    )

    def __init__(self, *args, coalition, questions=(), initial_partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = wijken_of(coalition)
        self.fields["partner"].queryset = coalition.partners.order_by("name")
        if initial_partner is not None:
            self.fields["partner"].initial = initial_partner.pk
        self.questions = list(questions)
        _question_fields(self, self.questions, widget=forms.Select)

    def clean_told_on(self):
        day = self.cleaned_data["told_on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(gettext("De datum ligt in de toekomst."))
        return day

    def clean_retain_until(self):
        day = self.cleaned_data["retain_until"]
        if day and day < timezone.localdate():
            raise forms.ValidationError(gettext("De bewaardatum ligt in het verleden."))
        return day


PUBLIC_PHASES = [
    (StoryPhase.WISH, _("Ik wilde een kind, of ik was nog niet zwanger")),
    (StoryPhase.PREGNANCY, _("Ik was zwanger")),
    (StoryPhase.BIRTH, _("De bevalling")),
    (StoryPhase.MATERNITY, _("De kraamweek: de eerste dagen na de geboorte")),
    (StoryPhase.EARLY_YEARS, _("Daarna: mijn kind was nog geen 2 jaar")),
]
PUBLIC_CONSENTS = [
    (Consent.INTERNAL, _("Alleen de mensen die in de coalitie werken mogen het lezen.")),
    (
        Consent.SESSIONS,
        _(
            "De mensen van de coalitie mogen het ook bespreken in een gesprek over de cijfers "
            "(een duidingssessie)."
        ),
    ),
    (
        Consent.PUBLISH,
        _(
            "Een stukje uit mijn verhaal mag ook, zonder naam, op een website of in een verslag "
            "staan."
        ),
    ),
]


class PublicStoryForm(NamedErrorsMixin, forms.Form):
    """The form parents fill in themselves, without logging in."""

    text = forms.CharField(
        label=_("Uw verhaal"),
        max_length=PUBLIC_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Vertel wat u meemaakte. Wat ging goed? Wat was moeilijk? "
            "Schrijf geen namen, adressen of telefoonnummers op."
        ),
    )
    phase = forms.ChoiceField(
        label=_("Over welke tijd gaat uw verhaal?"),
        choices=PUBLIC_PHASES,
        widget=forms.RadioSelect,
    )
    area = forms.ModelChoiceField(
        label=_("In welke wijk woont u?"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=_("Dat zeg ik liever niet"),
    )
    consent = forms.ChoiceField(
        label=_("Wie mag uw verhaal lezen?"),
        choices=PUBLIC_CONSENTS,
        widget=forms.RadioSelect,
    )
    agree = forms.BooleanField(
        label=_(
            "Ik geef toestemming om mijn verhaal te bewaren en te gebruiken zoals ik hierboven "
            "heb gekozen."
        ),
    )
    # The honeypot: hidden from people (CSS), filled in by robots.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False, max_length=200)

    def __init__(self, *args, coalition, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = wijken_of(coalition)
        self.questions = list(questions)
        _question_fields(self, self.questions, widget=forms.RadioSelect)
        no_consent = gettext(
            "Kies wie uw verhaal mag lezen. Zonder uw toestemming kunnen we uw verhaal niet "
            "bewaren."
        )
        self.fields["consent"].error_messages["required"] = no_consent
        self.fields["agree"].error_messages["required"] = gettext(
            "Zet een vinkje als u toestemming geeft. Zonder uw toestemming kunnen we uw verhaal "
            "niet bewaren."
        )
        self.fields["text"].error_messages["required"] = gettext("Schrijf eerst uw verhaal.")
        self.fields["text"].error_messages["max_length"] = gettext(
            "Uw verhaal is te lang. Het mag hoogstens %(max)s tekens hebben."
        ) % {"max": PUBLIC_MAX_CHARS}
        self.fields["phase"].error_messages["required"] = gettext(
            "Kies over welke tijd uw verhaal gaat."
        )

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def visible_story_fields(self):
        return [self[name] for name in ("text", "phase", "area")]

    def question_fields(self):
        return [self[f"question_{question.pk}"] for question in self.questions]


class ReviewForm(NamedErrorsMixin, forms.Form):
    anonymised_text = forms.CharField(
        label=_("Geanonimiseerde tekst"),
        max_length=MAX_STORY_CHARS,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Controleer of er niets meer in staat waaraan iemand de ouder, het kind of een "
            "zorgverlener kan herkennen. Pas de tekst zo nodig aan."
        ),
    )
    confirm_remaining = forms.BooleanField(
        label=_(
            "Ik heb de tekst gecontroleerd; wat hierboven gemeld wordt is geen persoonsgegeven."
        ),
        required=False,
    )


class StoryDetailsForm(NamedErrorsMixin, forms.Form):
    """What a reviewer may change about a story besides its text, consent included (a parent
    may narrow or withdraw it)."""

    phase = forms.ChoiceField(label=_("Levensfase"), choices=StoryPhase.choices)
    told_on = forms.DateField(
        label=_("Datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    area = forms.ModelChoiceField(label=_("Wijk"), queryset=Area.objects.none(), required=False)
    consent = forms.ChoiceField(
        label=_("Toestemming"), choices=Consent.choices, widget=forms.RadioSelect
    )
    retain_until = forms.DateField(
        label=_("Oorspronkelijke tekst bewaren tot"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, coalition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = wijken_of(coalition)


class CodingForm(NamedErrorsMixin, forms.Form):
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=StoryTheme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Doelen uit het monitoringsplan"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    indicators = forms.ModelMultipleChoiceField(
        label=_("Indicatoren uit het monitoringsplan"),
        queryset=Indicator.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, coalition, story=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = coalition.story_themes.order_by("name")
        self.fields["goals"].queryset = goals_of(coalition)
        current = list(story.indicators.all()) if story is not None else []
        self.fields["indicators"].queryset = _indicator_choices(coalition, current)


class QuoteForm(NamedErrorsMixin, forms.Form):
    text = forms.CharField(
        label=_("Citaat"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Kopieer een stuk uit de geanonimiseerde tekst; het moet er letterlijk in staan."
        ),
    )


class ThemeForm(NamedErrorsMixin, forms.ModelForm):
    class Meta:
        model = StoryTheme
        fields = ["name", "description", "goals", "indicators"]
        labels = {
            "name": _("Thema"),
            "description": _("Toelichting"),
            "goals": _("Doelen uit het monitoringsplan"),
            "indicators": _("Indicatoren uit het monitoringsplan"),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "goals": forms.CheckboxSelectMultiple,
            "indicators": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, coalition, **kwargs):
        super().__init__(*args, **kwargs)
        self.coalition = coalition
        self.fields["goals"].queryset = goals_of(coalition)
        current = list(self.instance.indicators.all()) if self.instance.pk else []
        self.fields["indicators"].queryset = _indicator_choices(coalition, current)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        others = StoryTheme.objects.filter(coalition=self.coalition, name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(gettext("Er is al een thema met deze naam."))
        return name


class StorySettingsForm(NamedErrorsMixin, forms.ModelForm):
    retention_days = forms.IntegerField(
        label=_("Oorspronkelijke tekst bewaren (dagen)"),
        min_value=1,
        max_value=3650,
        help_text=_(
            "Geldt voor nieuwe verhalen. Daarna blijft alleen de geanonimiseerde tekst over."
        ),
    )

    class Meta:
        model = StorySettings
        fields = ["public_form_open", "retention_days"]


class QuestionForm(NamedErrorsMixin, forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text", "low_label", "high_label", "position", "is_active"]
        labels = {
            "text": _("Vraag"),
            "low_label": _("Betekenis van 1"),
            "high_label": _("Betekenis van 5"),
            "position": _("Volgorde"),
            "is_active": _("Deze vraag wordt gesteld"),
        }


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek in de verhalen"), required=False, max_length=200)
    theme = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=StoryTheme.objects.none(),
        required=False,
        empty_label=_("Alle thema's"),
    )
    phase = forms.ChoiceField(
        label=_("Levensfase"),
        choices=[("", _("Alle fasen"))] + list(StoryPhase.choices),
        required=False,
    )

    def __init__(self, *args, coalition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = coalition.story_themes.order_by("name")
