"""Areas: municipalities, wijken, buurten and regions, with their boundaries on request."""

import re

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.response import Response

from kansrijk.areas.codes import AreaError, normalize_code
from kansrijk.areas.listing import list_areas
from kansrijk.areas.models import Area

from ..lookups import latest_geometry, search_areas
from ..params import AREA_LEVELS, AreaDetailParams, AreaFilters
from ..serializers import AreaDetailSerializer, AreaSerializer
from .base import ERRORS, ERRORS_AND_NOT_FOUND, ApiView

CODE_CHARACTERS = re.compile(r"^[0-9A-Z]{1,16}$")


@extend_schema(
    tags=["Gebieden"],
    summary="Gebieden",
    description="Gemeenten, wijken, buurten en regio's, op code.",
    parameters=[AreaFilters],
    responses={200: AreaSerializer(many=True), **ERRORS},
)
class AreaList(ApiView, ListAPIView):
    serializer_class = AreaSerializer
    params_class = AreaFilters

    def get_queryset(self):
        level = AREA_LEVELS.get(self.params.get("level", ""))
        try:
            areas = list_areas(level, self.params.get("parent"))
        except AreaError as exc:
            raise ValidationError({"parent": str(exc)}) from exc
        areas = search_areas(areas, q=self.params.get("q", ""), year=self.params.get("year"))
        return areas.select_related("parent")


@extend_schema(
    tags=["Gebieden"],
    summary="Eén gebied",
    description="Met ?geometry=1 (of true) ook de grens als GeoJSON, van het meest recente jaar.",
    parameters=[AreaDetailParams],
    responses={200: AreaDetailSerializer, **ERRORS_AND_NOT_FOUND},
)
class AreaDetail(ApiView, RetrieveAPIView):
    serializer_class = AreaDetailSerializer
    params_class = AreaDetailParams

    def retrieve(self, request, *args, **kwargs):
        code = normalize_code(self.kwargs["code"])
        area = None
        if CODE_CHARACTERS.match(code):  # nothing else can be a code (and NUL upsets PostgreSQL)
            area = Area.objects.select_related("parent").filter(code=code).first()
        if area is None:
            raise NotFound(_("Er is geen gebied met code ‘%(code)s’.") % {"code": code})
        context = self.get_serializer_context()
        if self.params["geometry"]:
            context["geometry"] = latest_geometry(area)
        return Response(self.get_serializer(area, context=context).data)
