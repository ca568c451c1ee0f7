"""The query parameters of every endpoint, declared once.

Each class is a serializer used only to read ``request.query_params``: the views validate with
it (a wrong value is a 400 naming the parameter), and ``extend_schema`` lists its fields as
the endpoint's parameters in the OpenAPI document.
"""

from django.utils.translation import gettext as _
from rest_framework import serializers

from kansrijk.areas.codes import normalize_code
from kansrijk.areas.models import Level
from kansrijk.catalog.models import AreaLevel, IndicatorSet, Phase, Theme
from kansrijk.lib.periods import PeriodError, parse_period
from kansrijk.stories.models import StoryPhase

# Area levels as the API names them (in ``?level=`` and in the ``level`` of every area).
AREA_LEVELS = {
    "land": Level.COUNTRY,
    "provincie": Level.PROVINCE,
    "ggd-regio": Level.GGD,
    "regio": Level.REGION,
    "gemeente": Level.MUNICIPALITY,
    "wijk": Level.DISTRICT,
    "buurt": Level.NEIGHBOURHOOD,
}
AREA_LEVEL_NAMES = {level: name for name, level in AREA_LEVELS.items()}
AREA_LEVEL_CHOICES = [(name, level.label) for name, level in AREA_LEVELS.items()]


class Choice(serializers.ChoiceField):
    """A choice whose error lists the values that are allowed."""

    def __init__(self, choices, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(choices, **kwargs)

    def to_internal_value(self, data):
        if data == "" and self.allow_blank:
            return ""
        if str(data) not in self.choice_strings_to_values:
            allowed = ", ".join(self.choice_strings_to_values)
            raise serializers.ValidationError(
                _("‘%(value)s’ is geen geldige keuze; kies uit %(allowed)s.")
                % {"value": data, "allowed": allowed}
            )
        return self.choice_strings_to_values[str(data)]


class IndicatorFilters(serializers.Serializer):
    q = serializers.CharField(
        required=False,
        max_length=200,
        help_text="Zoekt in naam, code en definitie; elk woord moet voorkomen.",
    )
    phase = Choice(Phase.choices, help_text="Levensfase.")
    set = Choice(IndicatorSet.choices, help_text="Basisset, keuzeset of overig.")
    theme = serializers.SlugField(required=False, help_text="Code van een thema.")
    provider = serializers.CharField(
        required=False, max_length=200, help_text="Leverancier van een bron, bijv. CBS StatLine."
    )
    level = Choice(
        AreaLevel.choices,
        help_text="Beschikbaar op dit niveau of een fijner niveau (gemeente: ook wijk en buurt).",
    )

    def validate_theme(self, value):
        if not Theme.objects.filter(code=value).exists():
            raise serializers.ValidationError(_("Er is geen thema ‘%(code)s’.") % {"code": value})
        return value


class AreaFilters(serializers.Serializer):
    level = Choice(AREA_LEVEL_CHOICES, help_text="Het niveau van de gebieden.")
    parent = serializers.CharField(
        required=False,
        max_length=16,
        help_text="Code van het gebied waarin ze liggen (GM… voor wijken, WK… voor buurten) "
        "of van de regio waarvan ze lid zijn.",
    )
    q = serializers.CharField(
        required=False, max_length=200, help_text="Zoekt in naam en code; elk woord moet voorkomen."
    )
    year = serializers.IntegerField(
        required=False,
        min_value=1800,
        max_value=2200,
        help_text="Alleen gebieden die in dit jaar geldig waren.",
    )

    def validate_parent(self, value):
        return normalize_code(value)


class AreaDetailParams(serializers.Serializer):
    geometry = serializers.BooleanField(
        required=False,
        default=False,
        help_text="1 of true: de grens als GeoJSON meesturen (het meest recente jaar).",
    )


# The levels of ``/coalitions/{slug}/indicators/{code}/values``.
VALUE_LEVEL_CHOICES = [(name, AREA_LEVELS[name].label) for name in ("gemeente", "wijk")]


class IndicatorValueParams(serializers.Serializer):
    level = Choice(
        VALUE_LEVEL_CHOICES,
        default="gemeente",
        help_text="gemeente (de gemeente(n) van de coalitie, en haar regio als ze er meer "
        "heeft) of wijk (hun wijken). Standaard gemeente.",
    )
    period = serializers.CharField(
        required=False,
        max_length=20,
        help_text="Alleen deze periode: een jaar (2022), kwartaal (2022-Q1), maand (2022-03) "
        "of meerjarige periode (2018/2022).",
    )

    def validate_period(self, value):
        try:
            return parse_period(value).label
        except PeriodError as exc:
            raise serializers.ValidationError(str(exc)) from None


# The levels of ``/indicators/{code}/values``: every municipality, or the country.
NATIONAL_LEVEL_CHOICES = [(name, AREA_LEVELS[name].label) for name in ("gemeente", "land")]


class NationalValueParams(IndicatorValueParams):
    level = Choice(
        NATIONAL_LEVEL_CHOICES,
        default="gemeente",
        help_text="gemeente (alle gemeenten, standaard) of land (Nederland).",
    )


class StoryFilters(serializers.Serializer):
    """The filters of the story list on the site; the theme is checked against the
    coalition's codebook by the view (another coalition's theme is a 400)."""

    q = serializers.CharField(
        required=False,
        max_length=200,
        help_text="Zoekt in de geanonimiseerde tekst; elk woord moet voorkomen.",
    )
    theme = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Id van een thema uit het codeboek van de coalitie (zie /themes).",
    )
    phase = Choice(StoryPhase.choices, help_text="Levensfase waarover het verhaal gaat.")


class NoParams(serializers.Serializer):
    """Endpoints without query parameters still refuse unknown ones."""
