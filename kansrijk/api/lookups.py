"""Small reads the API needs that no other app offers yet (candidates for ``areas.listing``)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from kansrijk.areas.models import Area, Geometry


def search_areas(areas: QuerySet[Area], *, q: str = "", year: int | None = None) -> QuerySet[Area]:
    """Every word of ``q`` occurs in the name or code; valid in ``year`` when given."""
    for word in q.split():
        areas = areas.filter(Q(name__icontains=word) | Q(code__icontains=word))
    if year is not None:
        areas = areas.valid_in(year)
    return areas


def latest_geometry(area: Area) -> Geometry | None:
    """The area's boundary of the most recent year, if any is stored."""
    return area.geometries.order_by("-year").first()
