"""The caller's coalitions and their monitoring plans. Access goes through
``kansrijk.coalitions.access``: another coalition is a 404, exactly as on the site."""

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.response import Response

from kansrijk.coalitions.access import get_membership_for_member, memberships_of
from kansrijk.coalitions.models import Membership
from kansrijk.coalitions.overview import coalition_overview

from ..permissions import IsSignedIn
from ..serializers import CoalitionDetailSerializer, CoalitionSerializer
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


# Komt eraan: /coalitions/{slug}/indicators/{code}/values?level=gemeente|wijk&period=…
# (docs/api.md). The lead wires it to the insight data functions (docs/insight.md):
#   1. ``membership = member_coalition(request.user, slug)`` (404 for everyone else);
#   2. the indicator by code among the coalition's visible ones (shared or its own; another
#      coalition's own indicator is a 404), e.g. ``kansrijk.insight.tables.get_indicator``;
#   3. declare ``level`` and ``period`` in ``params.py`` (``params_class``), call the insight
#      data function (its numbers have been through ``kansrijk.insight.disclosure``) and shape
#      the result with a serializer in ``serializers.py``;
#   4. add the URL in ``urls.py`` (before the catch-all), replace "komt eraan" in docs/api.md,
#      add the path to ``EXPECTED`` in tests/test_openapi.py, and register the endpoint as
#      ``Output("api:values", "json", url=…)`` with ``kansrijk.insight.outputs.register_output``
#      in ``ApiConfig.ready``, so that insight's test_output_paths checks it for hidden numbers.
