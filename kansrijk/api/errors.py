"""One error format for the whole API: ``{"detail": "…"}``, in Dutch.

DRF's validation errors are lists or dicts per field; here they become one sentence that
names the parameter, so a caller never has to guess which of its inputs was wrong.
"""

from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def _sentences(detail, name: str | None = None) -> list[str]:
    if isinstance(detail, dict):
        return [text for key, value in detail.items() for text in _sentences(value, str(key))]
    if isinstance(detail, list):
        return [text for value in detail for text in _sentences(value, name)]
    text = str(detail)
    if name and name != "non_field_errors" and f"‘{name}’" not in text:
        return [_("Parameter ‘%(name)s’: %(problem)s") % {"name": name, "problem": text}]
    return [text]


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:  # not an API error: let Django report it (a 500)
        return None
    if isinstance(exc, ValidationError):
        detail = " ".join(_sentences(exc.detail))
        return Response({"detail": detail}, status=status.HTTP_400_BAD_REQUEST)
    if not isinstance(response.data, dict) or set(response.data) != {"detail"}:
        response.data = {"detail": " ".join(_sentences(response.data))}
    return response
