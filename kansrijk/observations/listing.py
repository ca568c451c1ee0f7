"""Stored observations of one indicator in one area, as administrators see them.

This shows every stored row (public and every coalition's), before any suppression of small
numbers: it is for checking imports, never for publication.
"""

from __future__ import annotations

from django.db.models import F

from kansrijk.areas.models import Area
from kansrijk.catalog.models import Indicator
from kansrijk.lib.periods import PeriodError, parse_period

from .models import Observation

FIELDS = (
    "indicator",
    "area",
    "period",
    "coalition",
    "numerator",
    "denominator",
    "value",
    "status",
    "source",
)


class ListingError(ValueError):
    """Unknown indicator, area or period; the message is Dutch."""


def list_values(indicator_code: str, area_code: str, period: str | None = None) -> list[dict]:
    """The observations of the indicator in the area, ordered by period start, public first.

    Each dict has the keys in ``FIELDS``; ``coalition`` is the coalition's slug or None for a
    public number, ``source`` the batch's source name and table or file.
    """
    indicator = Indicator.objects.filter(code=(indicator_code or "").strip()).first()
    if indicator is None:
        raise ListingError(f"Onbekende indicator '{indicator_code}'.")
    area = Area.objects.filter(code=(area_code or "").strip().upper()).first()
    if area is None:
        raise ListingError(f"Onbekend gebied '{area_code}'.")
    observations = Observation.objects.filter(indicator=indicator, area=area)
    if period:
        try:
            observations = observations.filter(period=parse_period(period).label)
        except PeriodError as exc:
            raise ListingError(str(exc)) from None
    observations = observations.select_related("coalition", "batch").order_by(
        "period_start", "period_end", F("coalition__slug").asc(nulls_first=True)
    )
    return [
        {
            "indicator": indicator.code,
            "area": area.code,
            "period": obs.period,
            "coalition": obs.coalition.slug if obs.coalition else None,
            "numerator": obs.numerator,
            "denominator": obs.denominator,
            "value": obs.value,
            "status": obs.status,
            "source": f"{obs.batch.source_name} {obs.batch.table_or_file}".strip(),
        }
        for obs in observations
    ]
