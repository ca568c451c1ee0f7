"""The OpenAPI document, its Swagger UI page and the JSON 404 for unknown API paths."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerView
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView


class SchemaView(SpectacularJSONAPIView):
    authentication_classes = []  # the document is public, whatever a caller sends


class DocsView(SpectacularSwaggerView):
    authentication_classes = []
    template_name = "api/docs.html"
    title = "API – Lerende Lokale Monitor Kansrijke Start"


@extend_schema(exclude=True)
class UnknownPath(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    def get(self, request, *args, **kwargs):
        raise NotFound(
            _("Onbekend adres in de API; de beschikbare adressen staan in /api/v1/docs.")
        )

    post = put = patch = delete = head = options = get
