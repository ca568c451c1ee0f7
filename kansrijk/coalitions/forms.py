"""Forms for the monitoring plan, partners and members.

Every form that offers related objects takes the coalition, so its choices never reach outside it.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kansrijk.catalog.models import Direction, Indicator
from kansrijk.web.forms import NamedErrorsMixin

from . import plans
from .models import (
    Activity,
    Ambition,
    Domain,
    Goal,
    Membership,
    Partner,
    PlanIndicator,
    Role,
)

YEAR_MIN, YEAR_MAX = 1990, 2100
POSITION_MAX = 32767  # PositiveSmallIntegerField


class _ItemForm(NamedErrorsMixin, forms.ModelForm):
    """Title and description of an ambition, goal or activity."""

    title = forms.CharField(label=_("Titel"), max_length=300)
    description = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class _EditItemForm(_ItemForm):
    """Editing also lets the user move the item among its siblings."""

    position = forms.IntegerField(
        label=_("Volgorde"),
        required=False,
        min_value=0,
        max_value=POSITION_MAX,
        help_text=_("Een lager getal komt eerder. Leeg laten: de volgorde blijft hetzelfde."),
    )

    def clean_position(self):
        position = self.cleaned_data["position"]
        return self.instance.position if position is None else position


class AmbitionForm(_ItemForm):
    class Meta:
        model = Ambition
        fields = ["title", "description"]


class AmbitionEditForm(_EditItemForm):
    class Meta:
        model = Ambition
        fields = ["title", "description", "position"]


class GoalForm(_ItemForm):
    class Meta:
        model = Goal
        fields = ["title", "description"]


class GoalEditForm(_EditItemForm):
    class Meta:
        model = Goal
        fields = ["title", "description", "position"]


class _PartnersField(forms.ModelMultipleChoiceField):
    """Checkboxes for the coalition's partners.

    Ids beyond the database's integer range are refused before the query: Django's ``pk__in``
    lookup does not check the range, and SQLite raises OverflowError on them.
    """

    def _check_values(self, value):
        for pk in value:
            try:
                in_range = 0 < int(pk) < 2**63
            except (TypeError, ValueError):
                in_range = True  # Django reports it as an invalid value itself
            if not in_range:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                )
        return super()._check_values(value)

    def __init__(self):
        super().__init__(
            label=_("Uitgevoerd door"),
            queryset=Partner.objects.none(),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("De partnerorganisaties die deze activiteit uitvoeren."),
        )


def _offer_partners(field: forms.ModelMultipleChoiceField, coalition) -> None:
    field.queryset = coalition.partners.order_by("name")
    if not field.queryset.exists():
        field.help_text = gettext(
            "Deze coalitie heeft nog geen partners. Een coördinator kan ze toevoegen bij "
            "“Partners beheren”."
        )


class ActivityForm(_ItemForm):
    partners = _PartnersField()

    class Meta:
        model = Activity
        fields = ["title", "description", "partners"]

    def __init__(self, *args, coalition, **kwargs):
        super().__init__(*args, **kwargs)
        _offer_partners(self.fields["partners"], coalition)


class ActivityEditForm(_EditItemForm):
    partners = _PartnersField()

    class Meta:
        model = Activity
        fields = ["title", "description", "partners", "position"]

    def __init__(self, *args, coalition, **kwargs):
        super().__init__(*args, **kwargs)
        _offer_partners(self.fields["partners"], coalition)


class _IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, indicator):
        if indicator.is_own:
            return gettext("%(name)s (eigen indicator)") % {"name": indicator.name_nl}
        return indicator.name_nl


class IndicatorLinkForm(NamedErrorsMixin, forms.ModelForm):
    """Link an indicator to a goal or an activity, with baseline, target and direction.

    Pass the coalition (its own indicators are offered besides the shared ones) and either
    ``goal`` or ``activity`` when adding; when editing, the link knows where it belongs.
    """

    indicator = _IndicatorChoiceField(
        label=_("Indicator"),
        queryset=Indicator.objects.none(),
        empty_label=_("Kies een indicator"),
        help_text=_(
            "Gedeelde indicatoren uit de catalogus en de eigen indicatoren van uw coalitie."
        ),
    )
    baseline_value = forms.FloatField(label=_("Nulmeting: waarde"), required=False, localize=True)
    baseline_year = forms.IntegerField(
        label=_("Nulmeting: jaar"), required=False, min_value=YEAR_MIN, max_value=YEAR_MAX
    )
    target_value = forms.FloatField(label=_("Streefwaarde"), required=False, localize=True)
    target_year = forms.IntegerField(
        label=_("Streefjaar"), required=False, min_value=YEAR_MIN, max_value=YEAR_MAX
    )
    direction = forms.ChoiceField(
        label=_("Gewenste richting"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("", _("Zoals bij de indicator vastgelegd"))] + list(Direction.choices),
    )

    class Meta:
        model = PlanIndicator
        fields = ["indicator", "baseline_value", "baseline_year", "target_value", "target_year"]

    def __init__(self, *args, coalition, goal=None, activity=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.goal = goal or self.instance.goal
        self.activity = activity or self.instance.activity
        self.fields["indicator"].queryset = Indicator.objects.visible_to([coalition.id]).order_by(
            "name_nl", "code"
        )
        if self.instance.pk:
            self.initial.setdefault("direction", self.instance.direction)
        for name in ("baseline_value", "target_value"):
            self.fields[name].widget.attrs["inputmode"] = "decimal"

    def clean_indicator(self):
        indicator = self.cleaned_data["indicator"]
        linked = plans.is_linked(
            indicator, goal=self.goal, activity=self.activity, exclude=self.instance
        )
        if linked and self.activity is not None:
            message = gettext("Deze indicator is al gekoppeld aan deze activiteit.")
            raise forms.ValidationError(message, code="duplicate")
        if linked:
            message = gettext("Deze indicator is al gekoppeld aan dit doel.")
            raise forms.ValidationError(message, code="duplicate")
        return indicator

    def clean(self):
        cleaned = super().clean()
        self._require_year("baseline_value", "baseline_year")
        self._require_year("target_value", "target_year")
        baseline_year, target_year = cleaned.get("baseline_year"), cleaned.get("target_year")
        if baseline_year is not None and target_year is not None and target_year < baseline_year:
            message = gettext(
                "“Streefjaar” (%(target)s) ligt vóór het jaar van de nulmeting (%(baseline)s)."
            )
            self.add_error(
                "target_year", message % {"target": target_year, "baseline": baseline_year}
            )
        indicator = cleaned.get("indicator")
        if indicator is not None and not cleaned.get("direction"):
            cleaned["direction"] = indicator.direction
        return cleaned

    def _require_year(self, value_field: str, year_field: str) -> None:
        """A value without its year cannot be compared later on."""
        has_value = self.cleaned_data.get(value_field) is not None
        if (
            has_value
            and self.cleaned_data.get(year_field) is None
            and year_field not in self.errors
        ):
            label = self.fields[year_field].label
            self.add_error(
                year_field, gettext("Vul bij “%(label)s” het jaar in.") % {"label": label}
            )

    def save(self, commit=True):
        self.instance.direction = self.cleaned_data["direction"]
        return super().save(commit=commit)


class PartnerForm(NamedErrorsMixin, forms.ModelForm):
    name = forms.CharField(label=_("Naam van de organisatie"), max_length=200)
    domain = forms.ChoiceField(label=_("Domein"), choices=Domain.choices, widget=forms.RadioSelect)

    class Meta:
        model = Partner
        fields = ["name", "domain"]

    def __init__(self, *args, coalition, **kwargs):
        super().__init__(*args, **kwargs)
        self.coalition = coalition

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = self.coalition.partners.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                gettext("Er is al een partner met de naam “%(name)s”.") % {"name": name},
                code="duplicate",
            )
        return name


class MemberForm(NamedErrorsMixin, forms.ModelForm):
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices, widget=forms.RadioSelect)
    partner = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Partner.objects.none(),
        required=False,
        empty_label=_("(geen organisatie)"),
    )

    class Meta:
        model = Membership
        fields = ["role", "partner"]

    def __init__(self, *args, coalition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = coalition.partners.order_by("name")
