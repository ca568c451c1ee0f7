"""The areas the engine works with: a coalition's municipalities and wijken, and the country.

A coalition's areas (``Coalition.areas``) may be municipalities, or regions (GGD, custom)
whose member municipalities count. Every function here runs a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kansrijk.areas.models import Area, Level, RegionMember

from .comparisons import size_class

REGION_LEVELS = (Level.GGD, Level.REGION, Level.PROVINCE)


@dataclass(frozen=True)
class Place:
    id: int
    code: str
    name: str
    level: str
    parent_id: int | None = None
    inhabitants: int | None = None


@dataclass
class CoalitionAreas:
    municipalities: list[Place]
    wijken: dict[int, list[Place]]  # municipality id → its wijken
    country: Place | None
    ggd: dict[int, Place] = field(default_factory=dict)  # municipality id → its GGD region

    @property
    def area_ids(self) -> list[int]:
        ids = [m.id for m in self.municipalities]
        ids += [w.id for wijken in self.wijken.values() for w in wijken]
        if self.country is not None:
            ids.append(self.country.id)
        return ids

    @property
    def is_region(self) -> bool:
        return len(self.municipalities) > 1


@dataclass
class NationalAreas:
    country: Place | None
    municipalities: list[Place]
    ggd_members: dict[int, list[int]]  # GGD region id → member municipality ids
    ggd_places: dict[int, Place]

    def size_classes(self) -> dict[int, int | None]:
        return {m.id: size_class(m.inhabitants) for m in self.municipalities}


def _place(area: Area) -> Place:
    return Place(area.id, area.code, area.name, area.level, area.parent_id, area.inhabitants)


def _country() -> Place | None:
    area = Area.objects.filter(level=Level.COUNTRY).order_by("code").first()
    return _place(area) if area is not None else None


def coalition_areas(coalition) -> CoalitionAreas:
    """The coalition's municipalities (by name), their wijken, their GGD regions, NL."""
    own = list(coalition.areas.all())
    regions = [a.id for a in own if a.level in REGION_LEVELS]
    municipalities = {a.id: a for a in own if a.level == Level.MUNICIPALITY}
    if regions:
        for member in Area.objects.filter(regions__region_id__in=regions, level=Level.MUNICIPALITY):
            municipalities.setdefault(member.id, member)
    places = sorted((_place(a) for a in municipalities.values()), key=lambda p: p.name)
    wijken: dict[int, list[Place]] = {p.id: [] for p in places}
    for wijk in Area.objects.filter(parent_id__in=wijken, level=Level.DISTRICT).order_by("code"):
        wijken[wijk.parent_id].append(_place(wijk))
    ggd = {
        link.member_id: _place(link.region)
        for link in RegionMember.objects.filter(
            member_id__in=wijken, region__level=Level.GGD
        ).select_related("region")
    }
    return CoalitionAreas(places, wijken, _country(), ggd)


def national_areas() -> NationalAreas:
    """The country, every municipality and the GGD regions they form (three queries)."""
    municipalities = [_place(a) for a in Area.objects.filter(level=Level.MUNICIPALITY)]
    members: dict[int, list[int]] = {}
    places: dict[int, Place] = {}
    for link in RegionMember.objects.filter(region__level=Level.GGD).select_related("region"):
        members.setdefault(link.region_id, []).append(link.member_id)
        places[link.region_id] = _place(link.region)
    return NationalAreas(_country(), municipalities, members, places)
