"""The indicator catalogue: the same indicators and filters as the catalogue page."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.response import Response

from kansrijk.catalog.search import search_indicators, visible_indicators
from kansrijk.catalog.usage import coalitions_using
from kansrijk.coalitions.access import coalitions_of

from ..params import IndicatorFilters
from ..serializers import IndicatorDetailSerializer, IndicatorSerializer
from .base import ERRORS, ERRORS_AND_NOT_FOUND, ApiView


@extend_schema(
    tags=["Catalogus"],
    summary="Indicatoren in de catalogus",
    description="De gedeelde catalogus, plus de eigen indicatoren van uw coalities.",
    parameters=[IndicatorFilters],
    responses={200: IndicatorSerializer(many=True), **ERRORS},
)
class IndicatorList(ApiView, ListAPIView):
    serializer_class = IndicatorSerializer
    params_class = IndicatorFilters

    def get_queryset(self):
        params = dict(self.params)
        params["indicator_set"] = params.pop("set", "")
        visible = visible_indicators(coalitions_of(self.request.user))
        return search_indicators(visible, **params).prefetch_related("themes")


@extend_schema(
    tags=["Catalogus"],
    summary="Eén indicator met definitie en bronnen",
    description="Een eigen indicator van een coalitie bestaat alleen voor haar leden. Welke "
    "coalities de indicator gebruiken staat er alleen in voor wie is ingelogd.",
    responses={200: IndicatorDetailSerializer, **ERRORS_AND_NOT_FOUND},
)
class IndicatorDetail(ApiView, RetrieveAPIView):
    serializer_class = IndicatorDetailSerializer

    def get_object(self):
        code = self.kwargs["code"]
        indicator = (
            visible_indicators(coalitions_of(self.request.user))
            .select_related("origin_coalition")
            .prefetch_related("themes", "sources")
            .filter(code=code)
            .first()
        )
        if indicator is None:
            raise NotFound(_("Er is geen indicator met code ‘%(code)s’.") % {"code": code})
        return indicator

    def retrieve(self, request, *args, **kwargs):
        indicator = self.get_object()
        users = coalitions_using(indicator) if request.user.is_authenticated else None
        context = {**self.get_serializer_context(), "coalitions_using": users}
        return Response(self.get_serializer(indicator, context=context).data)
