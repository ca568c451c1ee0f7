from django import forms
from django.utils.translation import gettext_lazy as _

from . import validation
from .models import AreaLevel, Direction, Indicator, IndicatorSet, Phase, Theme, Unit
from .own import OWN_FIELDS, SOURCE_FIELDS


def _with_empty(choices, label=None):
    return [("", _("Alle") if label is None else label), *choices]


class CatalogueFilterForm(forms.Form):
    """The GET form of the catalogue page; an invalid field is reported and ignored."""

    q = forms.CharField(label=_("Zoeken"), required=False, max_length=200)
    phase = forms.ChoiceField(label=_("Levensfase"), required=False)
    indicator_set = forms.ChoiceField(label=_("Set"), required=False)
    theme = forms.ChoiceField(label=_("Thema"), required=False)
    provider = forms.ChoiceField(label=_("Bron"), required=False)
    level = forms.ChoiceField(
        label=_("Beschikbaar op niveau"),
        required=False,
        help_text=_("Toont indicatoren die op dit niveau of een fijner niveau bestaan."),
    )

    def __init__(self, *args, themes=(), providers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].help_text = _("Zoekt in naam, code en definitie.")
        self.fields["phase"].choices = _with_empty(Phase.choices)
        self.fields["indicator_set"].choices = _with_empty(IndicatorSet.choices)
        self.fields["theme"].choices = _with_empty((t.code, t.name_nl) for t in themes)
        self.fields["provider"].choices = _with_empty((p, p) for p in providers)
        self.fields["level"].choices = _with_empty(AreaLevel.choices, _("Alle niveaus"))

    def filters(self) -> dict[str, str]:
        """The valid, non-empty filters (empty when the form was not submitted)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value.strip()
            for name, value in self.cleaned_data.items()
            if value and value.strip()
        }

    @property
    def is_filtered(self) -> bool:
        return bool(self.filters())


class OwnIndicatorForm(forms.Form):
    """A coalition's own indicator with its (first) data source."""

    code = forms.CharField(
        label=_("Code"),
        max_length=80,
        help_text=_(
            "Kort en uniek, in kleine letters, cijfers, '_' en '-', bijv. bereik_voorzorg. "
            "De code verandert later niet meer."
        ),
    )
    name_nl = forms.CharField(label=_("Naam"), max_length=300)
    name_en = forms.CharField(label=_("Naam (Engels)"), max_length=300, required=False)
    definition = forms.CharField(label=_("Definitie"), widget=forms.Textarea, required=False)
    numerator = forms.CharField(
        label=_("Teller"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    denominator = forms.CharField(
        label=_("Noemer"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    unit = forms.ChoiceField(label=_("Eenheid"), choices=_with_empty(Unit.choices, "—"))
    direction = forms.ChoiceField(
        label=_("Gewenste richting"), choices=_with_empty(Direction.choices, "—")
    )
    phase = forms.ChoiceField(label=_("Levensfase"), choices=Phase.choices, initial=Phase.PROGRAMME)
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Theme.objects.all(),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    lowest_level = forms.ChoiceField(
        label=_("Laagste niveau"), choices=AreaLevel.choices, initial=AreaLevel.GEMEENTE
    )
    min_count = forms.IntegerField(
        label=_("Minimum aantal voor publicatie"),
        min_value=0,
        max_value=32767,
        initial=10,
        help_text=_("Kleinere aantallen worden niet getoond."),
    )
    caveats = forms.CharField(
        label=_("Kanttekeningen"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    source_provider = forms.CharField(
        label=_("Bron: leverancier"),
        max_length=200,
        required=False,
        help_text=_("Leeg laten voor de eigen registratie van de coalitie."),
    )
    source_table = forms.CharField(
        label=_("Bron: tabel of registratie"), max_length=200, required=False
    )
    source_link = forms.URLField(
        label=_("Bron: link"), max_length=500, required=False, assume_scheme="https"
    )
    source_update_frequency = forms.CharField(
        label=_("Bron: actualisatie"), max_length=100, required=False
    )
    source_how_to_obtain = forms.CharField(
        label=_("Bron: hoe te verkrijgen"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, indicator: Indicator | None = None, **kwargs):
        if indicator is not None:
            kwargs.setdefault("initial", self._initial_for(indicator))
        super().__init__(*args, **kwargs)
        if indicator is not None:
            del self.fields["code"]

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        problem = validation.check_code(code)
        if problem:
            raise forms.ValidationError(problem)
        return code

    @staticmethod
    def _initial_for(indicator: Indicator) -> dict:
        initial = {name: getattr(indicator, name) for name in OWN_FIELDS}
        initial["themes"] = [theme.code for theme in indicator.themes.all()]
        source = next(iter(indicator.sources.all()), None)
        for name in SOURCE_FIELDS:
            initial[f"source_{name}"] = getattr(source, name, "")
        return initial

    def domain_kwargs(self) -> dict:
        """The cleaned data as arguments of ``add_own_indicator`` / ``update_own_indicator``."""
        data = dict(self.cleaned_data)
        kwargs = {name: data[name] for name in OWN_FIELDS}
        kwargs["themes"] = list(data["themes"])
        kwargs["source"] = {name: data[f"source_{name}"] for name in SOURCE_FIELDS}
        if "code" in data:
            kwargs["code"] = data["code"]
        return kwargs

    def field_groups(self):
        """Fields in fieldsets for the template: (legend, [bound fields])."""
        source = [self[name] for name in self.fields if name.startswith("source_")]
        main = [self[name] for name in self.fields if not name.startswith("source_")]
        return [(_("Indicator"), main), (_("Databron"), source)]
