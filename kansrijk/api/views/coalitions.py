"""The caller's coalitions, their monitoring plans, figures and stories. Access goes through
``kansrijk.coalitions.access``: another coalition is a 404, exactly as on the site. The one
exception is what a coalition published on its public page
(``kansrijk.dashboards.publication``): the figures of those indicators are open to anyone."""

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.response import Response

from kansrijk.coalitions.access import get_membership_for_member, memberships_of
from kansrijk.coalitions.models import Membership
from kansrijk.coalitions.overview import coalition_overview
from kansrijk.dashboards.public import public_page
from kansrijk.dashboards.publication import find_published_item
from kansrijk.insight.tables import get_indicator, indicator_data
from kansrijk.stories.collecting import settings_for
from kansrijk.stories.data import approved_stories_for
from kansrijk.stories.models import StoryPhase, Use
from kansrijk.stories.overview import themes_by_phase

from ..params import IndicatorValueParams, StoryFilters
from ..permissions import IsSignedIn, IsSignedInOrPublished
from ..serializers import (
    CoalitionDetailSerializer,
    CoalitionSerializer,
    IndicatorValuesSerializer,
    StorySerializer,
    StoryThemeSerializer,
)
from .base import ERRORS, ERRORS_AND_NOT_FOUND, ApiView


def member_coalition(user, slug: str) -> Membership:
    """The caller's membership of the coalition; a 404 for everyone else."""
    try:
        return get_membership_for_member(user, slug)
    except Http404:
        raise NotFound(
            _("Er is geen coalitie ‘%(slug)s’ waarvan u lid bent.") % {"slug": slug}
        ) from None


@extend_schema(
    tags=["Coalities"],
    summary="Uw coalities",
    description="Alleen de coalities waarvan u lid bent, met uw rol.",
    responses={200: CoalitionSerializer(many=True), **ERRORS},
)
class CoalitionList(ApiView, ListAPIView):
    serializer_class = CoalitionSerializer
    permission_classes = [IsSignedIn]

    def get_queryset(self):
        return memberships_of(self.request.user)


@extend_schema(
    tags=["Coalities"],
    summary="Eén coalitie met haar monitoringsplan",
    description="Gebieden, partners en het plan: ambities → doelen → activiteiten, met de "
    "gekoppelde indicatoren (nulmeting en streefwaarde). Alleen voor leden.",
    responses={200: CoalitionDetailSerializer, **ERRORS_AND_NOT_FOUND},
)
class CoalitionDetail(ApiView, RetrieveAPIView):
    serializer_class = CoalitionDetailSerializer
    permission_classes = [IsSignedIn]

    def retrieve(self, request, *args, **kwargs):
        membership = member_coalition(request.user, self.kwargs["slug"])
        overview = coalition_overview(membership.coalition)
        context = {**self.get_serializer_context(), "role": membership.role}
        return Response(self.get_serializer(overview, context=context).data)


# The figures of one indicator, from ``kansrijk.insight.tables.indicator_data``: the numbers
# the site's pages show, after ``kansrijk.insight.disclosure`` (never from the ORM).
@extend_schema(
    tags=["Coalities"],
    summary="Cijfers van één indicator voor de gebieden van een coalitie",
    description="Per gebied en periode: teller, noemer, waarde en 95%-interval, met het oordeel "
    "voor het hoofdgebied en de herkomst. Kleine aantallen worden beschermd zoals op de "
    "cijferpagina's: een cel die niet getoond mag worden heeft suppressed=true en geen "
    "getallen. Voor leden; een eigen indicator van een andere coalitie bestaat niet. Wat een "
    "coalitie op haar openbare pagina heeft gezet, is voor iedereen (zonder inloggen): dan "
    "alleen de gepubliceerde cijfers, de wijken alleen als die openbaar zijn.",
    parameters=[IndicatorValueParams],
    responses={200: IndicatorValuesSerializer, **ERRORS_AND_NOT_FOUND},
)
class IndicatorValues(ApiView, RetrieveAPIView):
    serializer_class = IndicatorValuesSerializer
    permission_classes = [IsSignedInOrPublished]
    params_class = IndicatorValueParams

    def retrieve(self, request, *args, **kwargs):
        slug, code = self.kwargs["slug"], self.kwargs["code"]
        item = None
        try:
            coalition = member_coalition(request.user, slug).coalition
        except NotFound:
            # Not a member (or anonymous): only what the coalition published.
            item = find_published_item(slug, code)
            if item is None:
                raise
            coalition = item.coalition
        if item is not None:
            indicator = item.indicator
        else:
            try:
                indicator = get_indicator(coalition, code)
            except Http404:
                raise NotFound(
                    _("Er is geen indicator met code ‘%(code)s’.") % {"code": code}
                ) from None
        level, period = self.params["level"], self.params.get("period")
        page = indicator_data(coalition, indicator)
        if item is not None:
            page = public_page(page, item)
        data = {
            "coalition": coalition.slug,
            "indicator": indicator.code,
            "name": page.summary.name,
            "unit": page.summary.unit,
            "level": level,
            "period": period,
            "periods": page.values.periods,
            "min_count": page.min_count,
            "values": value_rows(page, level, period),
        }
        return Response(self.get_serializer(data).data)


ROLES = {"gemeente": ("region", "municipality"), "wijk": ("wijk",)}


def value_rows(page, level: str, period: str | None) -> list[dict]:
    """One row per area and period of the page's value table (published cells only)."""
    table = page.values
    main = table.rows[0] if table.rows and table.rows[0].role != "country" else None
    verdict = page.summary.verdict
    source = " ".join(table.sources)
    rows = []
    for row in table.rows:
        if row.role not in ROLES[level]:
            continue
        is_main = row is main
        for label, cell in zip(table.periods, row.cells, strict=True):
            if period and label != period:
                continue
            rows.append(
                {
                    "area_code": row.code or None,
                    "area_name": row.label,
                    "period": label,
                    "cell": cell,
                    "verdict": verdict.judgement if is_main else None,
                    "verdict_basis": verdict.basis if is_main else None,
                    "source": source,
                }
            )
    return rows


# --- Stories: only through ``kansrijk.stories.data`` and ``kansrijk.stories.overview``, which
# apply review, consent and rights and never hand out the original text.


@extend_schema(
    tags=["Verhalen"],
    summary="Goedgekeurde ervaringsverhalen van een coalitie",
    description="Alleen goedgekeurde verhalen, altijd in hun geanonimiseerde vorm (nooit de "
    "oorspronkelijke tekst), met levensfase, thema's, gekoppelde doelen en indicatoren, maand "
    "en wijk; alleen verhalen waarvan de toestemming intern gebruik toelaat. Nieuwste eerst. "
    "Alleen voor leden.",
    parameters=[StoryFilters],
    responses={200: StorySerializer(many=True), **ERRORS_AND_NOT_FOUND},
)
class StoryList(ApiView, ListAPIView):
    serializer_class = StorySerializer
    permission_classes = [IsSignedIn]
    params_class = StoryFilters

    def get_queryset(self):
        user = self.request.user
        coalition = member_coalition(user, self.kwargs["slug"]).coalition
        theme = None
        if "theme" in self.params:
            theme = coalition.story_themes.filter(pk=self.params["theme"]).first()
            if theme is None:
                raise ValidationError(
                    {"theme": _("Er is geen thema ‘%(code)s’.") % {"code": self.params["theme"]}}
                )
        return approved_stories_for(
            user,
            coalition,
            use=Use.INTERNAL,
            query=self.params.get("q", ""),
            theme=theme,
            phase=self.params.get("phase", ""),
        )


@extend_schema(
    tags=["Verhalen"],
    summary="Het codeboek van een coalitie, met aantallen verhalen",
    description="De thema's van het codeboek met hun gekoppelde doelen en indicatoren, en per "
    "levensfase het aantal goedgekeurde verhalen zoals de overzichtspagina het toont: een "
    "klein aantal wordt niet getoond. Alleen voor leden.",
    responses={200: StoryThemeSerializer(many=True), **ERRORS_AND_NOT_FOUND},
)
class StoryThemeList(ApiView, ListAPIView):
    serializer_class = StoryThemeSerializer
    permission_classes = [IsSignedIn]

    def get_queryset(self):
        coalition = member_coalition(self.request.user, self.kwargs["slug"]).coalition
        settings_for(coalition)  # the codebook is made on first use, as on the site
        table = themes_by_phase(coalition)
        phases = {str(phase.label): phase.value for phase in StoryPhase}
        return [
            {
                "theme": row.theme,
                "goals": [goal.pk for goal in row.goals],
                "indicators": [indicator.code for indicator in row.indicators],
                "stories_by_phase": [
                    {"phase": phases[label], "phase_label": label, "count": count}
                    for label, count in zip(table.columns, row.cells, strict=True)
                ],
            }
            for row in table.rows
        ]
