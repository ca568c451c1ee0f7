"""Listing areas: by level, and the children or members of one area."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .codes import AreaError, normalize_code, parse_level
from .models import Area, Level


def list_areas(level: Level | str | None = None, parent_code: str | None = None) -> QuerySet[Area]:
    """Areas ordered by code, optionally of one level and inside one area.

    For a wijk or municipality "inside" means its children (``parent``); for a GGD or
    custom region it means its members. Raises AreaError for an unknown level or parent.
    """
    areas = Area.objects.all()
    if level:
        areas = areas.filter(level=parse_level(level))
    if parent_code:
        code = normalize_code(parent_code)
        parent = Area.objects.filter(code=code).first()
        if parent is None:
            raise AreaError(f"Gebied '{code}' bestaat niet.")
        areas = areas.filter(Q(parent=parent) | Q(regions__region=parent)).distinct()
    return areas.order_by("code")
