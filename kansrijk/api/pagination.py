"""``?limit=&offset=`` on every list, with ``count``, ``next`` and ``previous``.

Unlike DRF's own class, a limit or offset that is not a whole number in range is a 400 that
names the parameter, instead of being silently replaced by the default.
"""

from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


def _whole_number(request, name: str, default: int, low: int, high: int | None) -> int:
    text = request.query_params.get(name, "").strip()
    if text == "":
        return default
    try:
        number = int(text)
    except ValueError:
        number = None
    if number is None or number < low or (high is not None and number > high):
        if high is None:
            message = _("Parameter ‘%(name)s’ moet een geheel getal van %(low)s of meer zijn.")
        else:
            message = _(
                "Parameter ‘%(name)s’ moet een geheel getal van %(low)s tot en met %(high)s zijn."
            )
        raise ValidationError({name: message % {"name": name, "low": low, "high": high}})
    return number


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT
    limit_query_description = "Hoeveel resultaten per pagina (1 tot en met 1000, standaard 100)."
    offset_query_description = "Hoeveel resultaten over te slaan (standaard 0)."

    def get_limit(self, request):
        return _whole_number(request, self.limit_query_param, self.default_limit, 1, self.max_limit)

    def get_offset(self, request):
        return _whole_number(request, self.offset_query_param, 0, 0, None)

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "example": 123},
                "next": {"type": ["string", "null"], "format": "uri"},
                "previous": {"type": ["string", "null"], "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1 if parameter["name"] == "limit" else 0
            if parameter["name"] == "limit":
                parameter["schema"]["maximum"] = self.max_limit
        return parameters
