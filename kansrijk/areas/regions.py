"""GGD regions and a coalition's own regions: a named group of existing areas."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from .codes import AreaError, level_for_code, normalize_code
from .models import Area, Level, RegionMember
from .signals import areas_changed

REGION_LEVELS = (Level.REGION, Level.GGD)


@dataclass(frozen=True)
class RegionResult:
    region: Area
    created: bool
    added: int
    removed: int

    @property
    def summary(self) -> str:
        action = "aangemaakt" if self.created else "bijgewerkt"
        members = self.region.memberships.count()
        return (
            f"Regio {self.region.code} ({self.region.name}) {action}: "
            f"{members} {'lid' if members == 1 else 'leden'} "
            f"({self.added} toegevoegd, {self.removed} verwijderd)."
        )


def save_region(code: str, name: str, member_codes: list[str]) -> RegionResult:
    """Create or update a custom (RG…) or GGD (GG…) region whose members are exactly these.

    Every member must exist already; otherwise AreaError and nothing changes.
    """
    code = normalize_code(code)
    level = level_for_code(code) if code else None
    if level not in REGION_LEVELS:
        raise AreaError(
            f"Regiocode '{code}' moet beginnen met RG (eigen regio, bijv. RG0001) "
            "of GG (GGD-regio, bijv. GG3406)."
        )
    name = (name or "").strip()
    if not name:
        raise AreaError("Geef de regio een naam.")
    codes = sorted({normalize_code(c) for c in member_codes if normalize_code(c)})
    if not codes:
        raise AreaError("Geef minstens één lid van de regio op.")
    if code in codes:
        raise AreaError(f"Regio {code} kan geen lid van zichzelf zijn.")
    members = {a.code: a for a in Area.objects.filter(code__in=codes)}
    unknown = [c for c in codes if c not in members]
    if unknown:
        raise AreaError(f"Onbekende gebieden: {', '.join(unknown)}. Laad ze eerst.")
    with transaction.atomic():
        region, created = Area.objects.get_or_create(
            code=code, defaults={"name": name, "level": level}
        )
        if region.name != name:
            region.name = name
            region.save(update_fields=["name"])
        current = set(region.memberships.values_list("member__code", flat=True))
        removed, _ = region.memberships.exclude(member__code__in=codes).delete()
        RegionMember.objects.bulk_create(
            [RegionMember(region=region, member=members[c]) for c in codes if c not in current]
        )
    areas_changed.send(sender=RegionMember)
    return RegionResult(region, created, len(set(codes) - current), removed)
