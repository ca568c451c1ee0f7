"""What every API view shares: declared query parameters, read and checked once."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin

from ..params import NoParams
from ..serializers import ErrorSerializer

ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Een onbekende of ongeldige parameter."),
    401: OpenApiResponse(
        ErrorSerializer,
        description="Niet ingelogd (bij coalities), of een ongeldige of verlopen API-sleutel.",
    ),
}
ERRORS_AND_NOT_FOUND = {
    **ERRORS,
    404: OpenApiResponse(ErrorSerializer, description="Bestaat niet, of niet voor u."),
}


# ``params_class`` declares the query parameters; an unknown or wrong one is a 400. After the
# caller is authenticated and allowed in, ``self.params`` holds the valid values. (A comment,
# not a docstring: drf-spectacular would show a docstring as every endpoint's description.)
class ApiView(GenericAPIView):
    params_class = NoParams

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.params = self._read_params(request)

    def _allowed_params(self) -> list[str]:
        names = list(self.params_class().fields)
        if isinstance(self, ListModelMixin) and self.paginator is not None:
            names += [self.paginator.limit_query_param, self.paginator.offset_query_param]
        return names

    def _read_params(self, request) -> dict:
        allowed = self._allowed_params()
        unknown = sorted(set(request.query_params) - set(allowed))
        if unknown:
            if allowed:
                message = _("Onbekende parameter ‘%(name)s’; mogelijk zijn: %(allowed)s.")
            else:
                message = _("Onbekende parameter ‘%(name)s’; deze vraag heeft geen parameters.")
            raise ValidationError(message % {"name": unknown[0], "allowed": ", ".join(allowed)})
        serializer = self.params_class(data=request.query_params)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data
