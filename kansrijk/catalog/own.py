"""A coalition's own indicators: adding, editing, proposing one for the shared catalogue, and
accepting a proposal (staff, in the admin).

The web form and ``kansrijk catalog add`` call the same functions. Problems are raised as a
``ValidationError`` whose keys are the field names (``code``, ``unit``, ``source_link`` …),
with Dutch messages.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import validation
from .models import Indicator, IndicatorSet, Phase, Source, Theme

# Fields of an own indicator that the coalition fills in, with their defaults.
OWN_FIELDS: dict[str, Any] = {
    "name_nl": "",
    "name_en": "",
    "definition": "",
    "numerator": "",
    "denominator": "",
    "unit": "",
    "phase": Phase.PROGRAMME,
    "direction": "",
    "lowest_level": "gemeente",
    "min_count": 10,
    "caveats": "",
}
SOURCE_FIELDS = ("provider", "table", "link", "update_frequency", "how_to_obtain")


def add_own_indicator(
    coalition,
    *,
    code: str,
    created_by=None,
    themes: Iterable[Theme] = (),
    source: dict[str, str] | None = None,
    **fields: Any,
) -> Indicator:
    """Create an indicator of ``coalition`` (only its members see it)."""
    values = _clean_fields({**OWN_FIELDS, **fields})
    source_values = _clean_source(source or {})
    errors = values.pop("errors") | source_values.pop("errors")
    problem = validation.check_code(code)
    if problem:
        errors["code"] = problem
    elif Indicator.objects.filter(code=code).exists():
        errors["code"] = _("De code '%(code)s' bestaat al; kies een andere code.") % {"code": code}
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            indicator = Indicator.objects.create(
                code=code,
                coalition=coalition,
                created_by=created_by,
                indicator_set=IndicatorSet.OTHER,
                **values,
            )
            indicator.themes.set(themes)
            _save_source(indicator, source_values, coalition)
    except IntegrityError as exc:  # the same code, created at the same moment
        raise ValidationError(
            {"code": _("De code '%(code)s' bestaat al; kies een andere code.") % {"code": code}}
        ) from exc
    return indicator


def update_own_indicator(
    indicator: Indicator,
    *,
    themes: Iterable[Theme] | None = None,
    source: dict[str, str] | None = None,
    **fields: Any,
) -> Indicator:
    """Change an own indicator; its code stays (it is used in links and imports)."""
    _require_own(indicator)
    current = {name: getattr(indicator, name) for name in OWN_FIELDS}
    values = _clean_fields({**current, **fields})
    source_values = _clean_source(source) if source is not None else {"errors": {}}
    errors = values.pop("errors") | source_values.pop("errors")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for name, value in values.items():
            setattr(indicator, name, value)
        indicator.save()
        if themes is not None:
            indicator.themes.set(themes)
        if source is not None:
            _save_source(indicator, source_values, indicator.coalition)
    return indicator


def propose_indicator(indicator: Indicator) -> Indicator:
    """Ask the national maintainers to take the indicator into the shared catalogue."""
    _require_own(indicator)
    if not indicator.proposed_for_catalogue:
        indicator.proposed_for_catalogue = True
        indicator.proposed_at = timezone.now()
        indicator.save(update_fields=["proposed_for_catalogue", "proposed_at"])
    return indicator


def accept_proposal(indicator: Indicator) -> Indicator:
    """Make a proposed own indicator shared; the coalition keeps its links and data."""
    if indicator.coalition_id is None:
        raise ValidationError(
            _("'%(code)s' staat al in de gedeelde catalogus.") % {"code": indicator.code}
        )
    if not indicator.proposed_for_catalogue:
        raise ValidationError(
            _("'%(code)s' is niet door de coalitie voorgesteld voor de gedeelde catalogus.")
            % {"code": indicator.code}
        )
    indicator.origin_coalition_id = indicator.coalition_id
    indicator.coalition = None
    indicator.proposed_for_catalogue = False
    indicator.accepted_at = timezone.now()
    indicator.save(
        update_fields=["origin_coalition", "coalition", "proposed_for_catalogue", "accepted_at"]
    )
    return indicator


def _require_own(indicator: Indicator) -> None:
    if indicator.coalition_id is None:
        raise ValidationError(
            _("'%(code)s' is geen eigen indicator van een coalitie.") % {"code": indicator.code}
        )


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(OWN_FIELDS)
    if unknown:
        raise TypeError(f"unknown indicator fields: {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, value in fields.items():
        if name in validation.CHOICES:
            values[name] = value
            problem = validation.check_choice(name, value)
        elif name == "min_count":
            values[name], problem = validation.clean_count(value)
        else:
            values[name], problem = validation.clean_text(
                value,
                limit=validation.max_length(Indicator, name),
                required=name == "name_nl",
            )
        if problem:
            errors[name] = problem
    values["errors"] = errors
    return values


def _clean_source(source: dict[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name in SOURCE_FIELDS:
        values[name], problem = validation.clean_text(
            source.get(name), limit=validation.max_length(Source, name)
        )
        if not problem and name == "link":
            problem = validation.check_link(values[name])
        if problem:
            errors[f"source_{name}"] = problem
    values["errors"] = errors
    return values


def _save_source(indicator: Indicator, values: dict[str, str], coalition) -> None:
    """The first source of an own indicator; by default the coalition's own registration."""
    values = dict(values)
    if not values["provider"]:
        values["provider"] = _("Registratie van %(coalition)s") % {"coalition": coalition.name}
        values["how_to_obtain"] = values["how_to_obtain"] or _(
            "Eigen registratie van de coalitie of haar partners; vraag de cijfers op bij de "
            "coalitie."
        )
    first = indicator.sources.order_by("position", "id").first()
    if first is None:
        Source.objects.create(indicator=indicator, position=0, **values)
    else:
        Source.objects.filter(pk=first.pk).update(**values)
