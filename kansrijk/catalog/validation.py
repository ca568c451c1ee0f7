"""Checks on indicator fields, shared by the catalogue loader and a coalition's own indicators.

Each check returns a Dutch message (or ``None``); the caller adds where the problem is
(the indicator code and field in the catalogue file, the form field on the web).
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext as _

from .models import AreaLevel, Direction, Indicator, IndicatorSet, Phase, Source, Unit

CODE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
SMALLINT_MAX = 32767

# Choice fields by model field name.
CHOICES: dict[str, type[models.TextChoices]] = {
    "unit": Unit,
    "phase": Phase,
    "direction": Direction,
    "indicator_set": IndicatorSet,
    "lowest_level": AreaLevel,
}


def max_length(model: type[models.Model], field: str) -> int | None:
    return model._meta.get_field(field).max_length


def check_code(value: Any) -> str | None:
    limit = max_length(Indicator, "code")
    if value is None or value == "":
        return _("ontbreekt")
    if not isinstance(value, str) or not CODE_PATTERN.match(value) or len(value) > limit:
        return _(
            "'%(value)s' is geen geldige code: gebruik kleine letters, cijfers, '_' en '-', "
            "begin met een letter of cijfer, maximaal %(limit)s tekens"
        ) % {"value": value, "limit": limit}
    return None


def check_choice(field: str, value: Any) -> str | None:
    choices = CHOICES[field]
    if value is None or value == "":
        return _("ontbreekt; kies uit: %(choices)s") % {"choices": ", ".join(choices.values)}
    if value not in choices.values:
        return _("onbekende waarde '%(value)s'; kies uit: %(choices)s") % {
            "value": value,
            "choices": ", ".join(choices.values),
        }
    return None


def clean_text(
    value: Any, *, limit: int | None = None, required: bool = False
) -> tuple[str, str | None]:
    """Text as stored (stripped); numbers are accepted as text, booleans are not."""
    if value is None:
        value = ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return "", _("moet tekst zijn (zet de waarde tussen aanhalingstekens)")
    text = str(value).strip()
    if required and not text:
        return "", _("ontbreekt of is leeg")
    if limit is not None and len(text) > limit:
        return text, _("is te lang (%(length)s tekens, maximaal %(limit)s)") % {
            "length": len(text),
            "limit": limit,
        }
    return text, None


def clean_count(value: Any, *, minimum: int = 0) -> tuple[int, str | None]:
    if isinstance(value, bool) or not isinstance(value, int):
        return 0, _("moet een geheel getal zijn")
    if value < minimum:
        return value, _("moet minstens %(minimum)s zijn") % {"minimum": minimum}
    if value > SMALLINT_MAX:
        return value, _("mag hoogstens %(maximum)s zijn") % {"maximum": SMALLINT_MAX}
    return value, None


def check_link(value: str) -> str | None:
    if not value:
        return None
    limit = max_length(Source, "link")
    if len(value) > limit:
        return _("is te lang (%(length)s tekens, maximaal %(limit)s)") % {
            "length": len(value),
            "limit": limit,
        }
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return _("'%(value)s' is geen geldige link (begin met https://)") % {"value": value}
    return None
