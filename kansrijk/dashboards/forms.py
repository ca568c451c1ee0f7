"""Forms of the dashboards: the composer (coordinators) and the view choices (any member)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .composing import MAX_HEADLINES, Choice
from .models import DashboardSettings, Order

TEXT_LIMIT = 600


class SettingsForm(forms.ModelForm):
    class Meta:
        model = DashboardSettings
        fields = ["order", "council_intro", "public_enabled", "public_intro"]
        labels = {
            "order": _("Ordening van het dashboard"),
            "council_intro": _("Inleiding voor bestuur en raad"),
            "public_enabled": _("De openbare pagina staat aan"),
            "public_intro": _("Inleiding op de openbare pagina (taalniveau B1)"),
        }
        help_texts = {
            "order": _("Hoe professionals de tegels zien: per ambitie en doel, of per levensfase."),
            "council_intro": _("Een paar zinnen bovenaan de pagina voor bestuur en raad."),
            "public_enabled": _(
                "Alleen als dit aan staat, kan iedereen zonder inloggen de gekozen "
                "indicatoren zien."
            ),
            "public_intro": _(
                "Schrijf kort en eenvoudig: wat de coalitie doet en wat de cijfers laten zien."
            ),
        }
        widgets = {
            "order": forms.RadioSelect,
            "council_intro": forms.Textarea(attrs={"rows": 3}),
            "public_intro": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_public_intro(self):
        return _limited(self.cleaned_data["public_intro"], _("Inleiding op de openbare pagina"))

    def clean_council_intro(self):
        return _limited(self.cleaned_data["council_intro"], _("Inleiding voor bestuur en raad"))


def _limited(text: str, label) -> str:
    text = (text or "").strip()
    if len(text) > TEXT_LIMIT * 2:
        raise forms.ValidationError(
            gettext("%(field)s: gebruik hoogstens %(limit)s tekens (nu %(count)s).")
            % {"field": label, "limit": TEXT_LIMIT * 2, "count": len(text)}
        )
    return text


class ChoiceForm(forms.Form):
    """The choices for one indicator; its prefix is the indicator's code."""

    position = forms.IntegerField(label=_("Volgorde"), min_value=1, max_value=999)
    for_council = forms.BooleanField(label=_("Tonen aan bestuur en raad"), required=False)
    council_text = forms.CharField(
        label=_("Uitleg voor bestuur en raad"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    published = forms.BooleanField(label=_("Openbaar maken"), required=False)
    public_text = forms.CharField(
        label=_("Uitleg voor ouders en inwoners (B1)"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    show_wijken = forms.BooleanField(label=_("Cijfers per wijk openbaar tonen"), required=False)

    def __init__(self, *args, indicator, **kwargs):
        self.indicator = indicator
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages.update(_error_messages(indicator, field.label))

    def clean(self):
        data = super().clean()
        if data.get("show_wijken") and not data.get("published"):
            self.add_error(
                "show_wijken",
                gettext(
                    "%(indicator)s: cijfers per wijk kunnen alleen openbaar als de indicator "
                    "zelf openbaar is. Vink ook ‘Openbaar maken’ aan."
                )
                % {"indicator": self.indicator.name_nl},
            )
        return data

    def to_choice(self) -> Choice:
        data = self.cleaned_data
        return Choice(
            self.indicator,
            position=data["position"],
            for_council=data["for_council"],
            council_text=data["council_text"].strip(),
            published=data["published"],
            public_text=data["public_text"].strip(),
            show_wijken=data["show_wijken"],
        )


def _error_messages(indicator, label) -> dict:
    names = {"indicator": indicator.name_nl, "field": label}
    return {
        "required": gettext("%(indicator)s, %(field)s: vul dit in.") % names,
        "invalid": gettext("%(indicator)s, %(field)s: vul een heel getal in.") % names,
        "min_value": gettext("%(indicator)s, %(field)s: kies een getal van 1 tot 999.") % names,
        "max_value": gettext("%(indicator)s, %(field)s: kies een getal van 1 tot 999.") % names,
        "max_length": gettext("%(indicator)s, %(field)s: gebruik hoogstens %(limit)s tekens.")
        % {**names, "limit": TEXT_LIMIT},
    }


class Composer:
    """The settings form and one ``ChoiceForm`` per indicator, validated together."""

    def __init__(self, settings, choices: list[Choice], data=None):
        self.settings_form = SettingsForm(data, instance=settings, prefix="instellingen")
        self.choice_forms = [
            ChoiceForm(
                data,
                indicator=choice.indicator,
                prefix=choice.indicator.code,
                initial={
                    "position": choice.position,
                    "for_council": choice.for_council,
                    "council_text": choice.council_text,
                    "published": choice.published,
                    "public_text": choice.public_text,
                    "show_wijken": choice.show_wijken,
                },
            )
            for choice in choices
        ]
        self.errors: list[str] = []

    def is_valid(self) -> bool:
        valid = self.settings_form.is_valid()
        valid = all([form.is_valid() for form in self.choice_forms]) and valid
        if not valid:
            return False
        choices = self.choices()
        headlines = sum(choice.for_council for choice in choices)
        if headlines > MAX_HEADLINES:
            self.errors.append(
                gettext(
                    "Tonen aan bestuur en raad: kies hoogstens %(limit)s indicatoren (nu "
                    "%(count)s). Een paar kernindicatoren zeggen bestuurders meer dan alles."
                )
                % {"limit": MAX_HEADLINES, "count": headlines}
            )
        public_on = self.settings_form.cleaned_data["public_enabled"]
        if public_on and not any(choice.published for choice in choices):
            self.errors.append(
                gettext(
                    "De openbare pagina staat aan: maak minstens één indicator openbaar, of "
                    "zet de openbare pagina uit."
                )
            )
        return not self.errors

    def choices(self) -> list[Choice]:
        return [form.to_choice() for form in self.choice_forms]

    @property
    def cleaned_settings(self) -> dict:
        data = self.settings_form.cleaned_data
        return {
            "order": data["order"],
            "public_enabled": data["public_enabled"],
            "public_intro": data["public_intro"],
            "council_intro": data["council_intro"],
        }

    @property
    def all_errors(self) -> list[str]:
        """Every error message, each naming its field, for the summary at the top."""
        found = list(self.errors)
        for form in [self.settings_form, *self.choice_forms]:
            for name, errors in form.errors.items():
                label = form.fields[name].label if name in form.fields else ""
                for error in errors:
                    if form is self.settings_form and label and not error.startswith(str(label)):
                        error = f"{label}: {error}"
                    found.append(error)
        return found


class ViewForm(forms.Form):
    """The reader's choices on the professionals' dashboard: order and the map's indicator."""

    volgorde = forms.ChoiceField(
        label=_("Ordening"),
        required=False,
        choices=[(Order.PLAN, _("volgens het plan")), (Order.PHASE, _("per levensfase"))],
        error_messages={
            "invalid_choice": _("Ordening: kies ‘volgens het plan’ of ‘per levensfase’.")
        },
    )
    kaart = forms.ChoiceField(
        label=_("Indicator op de kaart"),
        required=False,
        error_messages={
            "invalid_choice": _("Indicator op de kaart: kies een indicator uit de lijst.")
        },
    )

    def __init__(self, *args, map_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kaart"].choices = [("", "")] + list(map_choices)

    def value(self, name: str) -> str:
        """The field's valid value, or "" (not given, or wrong: the form shows the error)."""
        if not self.is_bound:
            return ""
        self.is_valid()
        return self.cleaned_data.get(name) or ""
