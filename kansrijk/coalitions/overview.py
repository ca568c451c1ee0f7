"""Everything the coalition overview page shows, read in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Q, Value, When

from kansrijk.areas.models import Area, Level

from .models import Ambition, Coalition, Domain, Membership, Partner, Role
from .plans import plan_tree

ROLE_ORDER = Case(
    When(role=Role.COORDINATOR, then=Value(0)),
    When(role=Role.EDITOR, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


@dataclass
class PartnerGroup:
    domain: str
    label: str
    partners: list[Partner]


@dataclass
class Overview:
    coalition: Coalition
    areas: list[Area]
    partner_groups: list[PartnerGroup]
    plan: list[Ambition]
    members: list[Membership] = field(default_factory=list)


def covered_areas(coalition: Coalition) -> list[Area]:
    """The coalition's areas, each with ``district_count``: the number of wijken under it."""
    return list(
        coalition.areas.annotate(
            district_count=Count("children", filter=Q(children__level=Level.DISTRICT))
        ).order_by("name", "code")
    )


def partner_groups(coalition: Coalition) -> list[PartnerGroup]:
    """Partners grouped by domain (medical, social, other); empty domains are left out."""
    by_domain: dict[str, list[Partner]] = {}
    for partner in coalition.partners.order_by("name"):
        by_domain.setdefault(partner.domain, []).append(partner)
    return [
        PartnerGroup(domain=value, label=str(label), partners=by_domain[value])
        for value, label in Domain.choices
        if value in by_domain
    ]


def members_of(coalition: Coalition) -> list[Membership]:
    """Members by role (coordinators first), then by user name."""
    return list(
        coalition.memberships.select_related("user", "partner").order_by(
            ROLE_ORDER, "user__username"
        )
    )


def coalition_overview(coalition: Coalition, *, include_members: bool = False) -> Overview:
    return Overview(
        coalition=coalition,
        areas=covered_areas(coalition),
        partner_groups=partner_groups(coalition),
        plan=plan_tree(coalition),
        members=members_of(coalition) if include_members else [],
    )
