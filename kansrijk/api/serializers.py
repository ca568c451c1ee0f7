"""The shapes of the API's answers. They only shape: every query is made by the views with the
apps' own data functions (``catalog.search``, ``areas.listing``, ``coalitions.overview``,
``insight.tables``)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from kansrijk.catalog.models import AreaLevel, Direction, IndicatorSet, Phase, Unit
from kansrijk.coalitions.models import Domain, Role
from kansrijk.stories.models import Consent, Language, Method, StoryPhase

from .params import AREA_LEVEL_CHOICES, AREA_LEVEL_NAMES


@extend_schema_field(OpenApiTypes.STR)
class NameOf(serializers.SlugRelatedField):
    """A related object by one of its text fields (a code, slug or name), read-only."""

    def __init__(self, slug_field, **kwargs):
        super().__init__(slug_field=slug_field, read_only=True, **kwargs)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="Wat er mis is, in het Nederlands.")


# --- Catalogue --------------------------------------------------------------------------------


class IndicatorSerializer(serializers.Serializer):
    code = serializers.SlugField()
    name = serializers.CharField(source="name_nl")
    name_en = serializers.CharField()
    unit = serializers.ChoiceField(Unit.choices)
    phase = serializers.ChoiceField(Phase.choices)
    set = serializers.ChoiceField(IndicatorSet.choices, source="indicator_set")
    themes = NameOf("code", many=True)
    direction = serializers.ChoiceField(Direction.choices)
    lowest_level = serializers.ChoiceField(AreaLevel.choices)
    own_indicator_of = NameOf(
        "slug",
        source="coalition",
        allow_null=True,
        help_text="Korte naam van de coalitie als dit haar eigen indicator is; anders null.",
    )
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, indicator) -> str:
        return reverse(
            "api:indicator-detail", kwargs={"code": indicator.code}, request=self.context["request"]
        )


class SourceSerializer(serializers.Serializer):
    provider = serializers.CharField()
    table = serializers.CharField()
    link = serializers.CharField()
    update_frequency = serializers.CharField()
    how_to_obtain = serializers.CharField()


class CoalitionUsingSerializer(serializers.Serializer):
    name = serializers.CharField()
    contact_email = serializers.CharField()
    is_fictitious = serializers.BooleanField()
    thought_of_it = serializers.BooleanField(help_text="Deze coalitie bedacht de indicator.")


class IndicatorDetailSerializer(IndicatorSerializer):
    definition = serializers.CharField()
    numerator = serializers.CharField()
    denominator = serializers.CharField()
    min_count = serializers.IntegerField(help_text="Kleinere aantallen worden niet getoond.")
    round_to = serializers.IntegerField(help_text="Aantallen per wijk en buurt afgerond op dit.")
    pool_years = serializers.IntegerField()
    caveats = serializers.CharField()
    confidence = serializers.CharField()
    references = serializers.CharField()
    sources = SourceSerializer(many=True, read_only=True)
    contributed_by = NameOf(
        "name",
        source="origin_coalition",
        allow_null=True,
        help_text="De coalitie die deze gedeelde indicator bedacht, als die er is.",
    )
    coalitions_using = serializers.SerializerMethodField(
        help_text="Coalities met deze indicator in hun plan; null voor wie niet is ingelogd."
    )

    @extend_schema_field(CoalitionUsingSerializer(many=True, allow_null=True))
    def get_coalitions_using(self, indicator):
        users = self.context.get("coalitions_using")
        if users is None:
            return None
        owners = {indicator.coalition_id, indicator.origin_coalition_id} - {None}
        return [
            {
                "name": coalition.name,
                "contact_email": coalition.contact_email,
                "is_fictitious": coalition.is_fictitious,
                "thought_of_it": coalition.pk in owners,
            }
            for coalition in users
        ]


# --- Areas ------------------------------------------------------------------------------------


class AreaLevelField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(AREA_LEVEL_CHOICES, **kwargs)

    def to_representation(self, value):
        return AREA_LEVEL_NAMES[value]


class AreaSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    level = AreaLevelField()
    parent = NameOf("code", allow_null=True, help_text="Code van het gebied erboven.")
    valid_from = serializers.IntegerField(allow_null=True, help_text="Geldig vanaf dit jaar.")
    valid_to = serializers.IntegerField(allow_null=True, help_text="Geldig tot en met dit jaar.")
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, area) -> str:
        request = self.context["request"]
        return reverse("api:area-detail", kwargs={"code": area.code}, request=request)


GEOJSON_GEOMETRY = {
    "type": ["object", "null"],
    "description": "GeoJSON Polygon of MultiPolygon in WGS84 (lengtegraad, breedtegraad), "
    "vereenvoudigd; null zonder ?geometry=1 of als er geen grens is.",
    "properties": {
        "type": {"type": "string", "enum": ["Polygon", "MultiPolygon"]},
        "coordinates": {"type": "array", "items": {"type": "array"}},
    },
    "required": ["type", "coordinates"],
}


class AreaDetailSerializer(AreaSerializer):
    inhabitants = serializers.IntegerField(allow_null=True)
    is_fictitious = serializers.BooleanField(help_text="Een verzonnen gebied (demo).")
    geometry_year = serializers.SerializerMethodField()
    geometry = serializers.SerializerMethodField()

    def get_geometry_year(self, area) -> int | None:
        geometry = self.context.get("geometry")
        return geometry.year if geometry else None

    @extend_schema_field(GEOJSON_GEOMETRY)
    def get_geometry(self, area):
        geometry = self.context.get("geometry")
        return geometry.geojson if geometry else None


# --- Coalitions -------------------------------------------------------------------------------


# One of the caller's memberships, seen as the coalition.
class CoalitionSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="coalition.slug")
    name = serializers.CharField(source="coalition.name")
    description = serializers.CharField(source="coalition.description")
    is_fictitious = serializers.BooleanField(source="coalition.is_fictitious")
    role = serializers.ChoiceField(Role.choices, help_text="Uw rol in deze coalitie.")
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, membership) -> str:
        return reverse(
            "api:coalition-detail",
            kwargs={"slug": membership.coalition.slug},
            request=self.context["request"],
        )


class PlanIndicatorSerializer(serializers.Serializer):
    indicator = serializers.SlugField(source="indicator.code")
    name = serializers.CharField(source="indicator.name_nl")
    direction = serializers.ChoiceField(Direction.choices)
    baseline_value = serializers.FloatField(allow_null=True)
    baseline_year = serializers.IntegerField(allow_null=True)
    target_value = serializers.FloatField(allow_null=True)
    target_year = serializers.IntegerField(allow_null=True)


class ActivitySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
    partners = NameOf("name", many=True)
    indicators = PlanIndicatorSerializer(source="indicator_links", many=True, read_only=True)


class GoalSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
    indicators = PlanIndicatorSerializer(source="indicator_links", many=True, read_only=True)
    activities = ActivitySerializer(many=True, read_only=True)


class AmbitionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
    goals = GoalSerializer(many=True, read_only=True)


class CoveredAreaSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    level = AreaLevelField()
    district_count = serializers.IntegerField(help_text="Aantal wijken in dit gebied.")


class PartnerSerializer(serializers.Serializer):
    name = serializers.CharField()
    domain = serializers.ChoiceField(Domain.choices)


# A coalition's overview (``coalitions.overview.coalition_overview``) for one of its members.
class CoalitionDetailSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="coalition.slug")
    name = serializers.CharField(source="coalition.name")
    description = serializers.CharField(source="coalition.description")
    contact_email = serializers.CharField(source="coalition.contact_email")
    is_fictitious = serializers.BooleanField(source="coalition.is_fictitious")
    role = serializers.SerializerMethodField()
    areas = CoveredAreaSerializer(many=True, read_only=True)
    partners = serializers.SerializerMethodField()
    plan = AmbitionSerializer(many=True, read_only=True)

    @extend_schema_field(serializers.ChoiceField(Role.choices, help_text="Uw rol."))
    def get_role(self, overview) -> str:
        return self.context["role"]

    @extend_schema_field(PartnerSerializer(many=True))
    def get_partners(self, overview):
        partners = [partner for group in overview.partner_groups for partner in group.partners]
        return PartnerSerializer(partners, many=True).data


# --- Figures ----------------------------------------------------------------------------------


# One area in one period, from the insight data functions: every number has been through
# ``kansrijk.insight.disclosure``, and a cell that may not be published has no numbers at all.
class IndicatorValueSerializer(serializers.Serializer):
    area_code = serializers.CharField(
        allow_null=True, help_text="Code van het gebied; null voor de regio van de coalitie."
    )
    area_name = serializers.CharField()
    period = serializers.CharField(help_text="2022, 2022-Q1, 2022-03 of 2018/2022.")
    numerator = serializers.FloatField(source="cell.numerator", allow_null=True)
    denominator = serializers.FloatField(source="cell.denominator", allow_null=True)
    value = serializers.FloatField(source="cell.value", allow_null=True)
    lower = serializers.FloatField(
        source="cell.lower", allow_null=True, help_text="Ondergrens van het 95%-interval."
    )
    upper = serializers.FloatField(
        source="cell.upper", allow_null=True, help_text="Bovengrens van het 95%-interval."
    )
    suppressed = serializers.BooleanField(
        source="cell.suppressed",
        help_text="Niet getoond om kleine aantallen te beschermen; alle getallen zijn dan null.",
    )
    missing = serializers.BooleanField(source="cell.missing", help_text="Geen cijfer geleverd.")
    rounded = serializers.BooleanField(source="cell.rounded", help_text="Aantallen afgerond.")
    provisional = serializers.BooleanField(source="cell.provisional", help_text="Voorlopig cijfer.")
    verdict = serializers.CharField(
        allow_null=True,
        help_text="Oordeel over de reeks van het hoofdgebied (gunstig, ongunstig, geen duidelijke "
        "verandering, onvoldoende gegevens); null voor andere gebieden en contextindicatoren.",
    )
    verdict_basis = serializers.CharField(
        allow_null=True, help_text="De onderbouwing van het oordeel, in het Nederlands."
    )
    source = serializers.CharField(help_text="Herkomst van de cijfers (bron, tabel, datums).")


class IndicatorValuesSerializer(serializers.Serializer):
    coalition = serializers.SlugField()
    indicator = serializers.SlugField()
    name = serializers.CharField()
    unit = serializers.ChoiceField(Unit.choices)
    level = serializers.CharField(help_text="Het gevraagde niveau: gemeente of wijk.")
    period = serializers.CharField(allow_null=True, help_text="De gevraagde periode, of null.")
    periods = serializers.ListField(
        child=serializers.CharField(), help_text="Alle perioden met cijfers, oud naar nieuw."
    )
    min_count = serializers.IntegerField(help_text="Kleinere aantallen worden niet getoond.")
    values = IndicatorValueSerializer(many=True)


# --- Stories ----------------------------------------------------------------------------------


# A ``StoryRecord`` of ``kansrijk.stories.data``: approved, anonymised text only.
class StorySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField(help_text="De goedgekeurde, geanonimiseerde tekst.")
    phase = serializers.ChoiceField(StoryPhase.choices, help_text="Levensfase.")
    phase_label = serializers.CharField()
    catalogue_phase = serializers.ChoiceField(
        Phase.choices, help_text="De fase in de catalogus die bij deze levensfase hoort."
    )
    month = serializers.CharField(
        allow_null=True, help_text="Maand waarin het verhaal verteld is (2024-03), nooit de dag."
    )
    wijk = serializers.CharField(allow_null=True, help_text="Naam van de wijk, of null.")
    method = serializers.ChoiceField(Method.choices, allow_blank=True)
    language = serializers.ChoiceField(Language.choices)
    consent = serializers.ChoiceField(Consent.choices)
    themes = serializers.ListField(child=serializers.CharField(), help_text="Namen van thema's.")
    goals = serializers.ListField(
        child=serializers.IntegerField(), source="goal_ids", help_text="Ids van gekoppelde doelen."
    )
    indicators = serializers.ListField(
        child=serializers.SlugField(),
        source="indicator_codes",
        help_text="Codes van gekoppelde indicatoren.",
    )


class PhaseCountSerializer(serializers.Serializer):
    phase = serializers.ChoiceField(StoryPhase.choices)
    phase_label = serializers.CharField()
    count = serializers.CharField(
        help_text="Aantal goedgekeurde verhalen zoals op de overzichtspagina: een klein aantal "
        "wordt niet getoond (dan een teken in plaats van een getal)."
    )


# A theme of the codebook with its row of ``kansrijk.stories.overview.themes_by_phase``: the
# counts are the shown ones, never computed here.
class StoryThemeSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="theme.pk")
    name = serializers.CharField(source="theme.name")
    description = serializers.CharField(source="theme.description")
    goals = serializers.ListField(
        child=serializers.IntegerField(), help_text="Ids van gekoppelde doelen."
    )
    indicators = serializers.ListField(
        child=serializers.SlugField(), help_text="Codes van gekoppelde indicatoren."
    )
    stories_by_phase = PhaseCountSerializer(many=True)


# --- National figures -------------------------------------------------------------------------


# A ``NationalValue`` of ``kansrijk.api.views.national``: one municipality (or the country) in
# one period of the engine's national table, public figures only, through ``disclose``. The
# cell fields are those of ``IndicatorValueSerializer``.
class NationalValueSerializer(IndicatorValueSerializer):
    area_code = serializers.CharField(help_text="Code van de gemeente (GM…) of van Nederland.")
    rounded = None  # municipal and national figures are exact
    verdict = None
    verdict_basis = None

    def get_fields(self):
        fields = super().get_fields()
        return {"area_code": fields.pop("area_code"), **fields}  # first, as in the parent
