"""Which coalitions use an indicator: the learning network's first question."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from kansrijk.coalitions.models import Coalition, PlanIndicator

from .models import Indicator


def coalitions_using(indicator: Indicator) -> QuerySet[Coalition]:
    """Coalitions with the indicator in their plan (on a goal or an activity), plus the
    coalition whose own indicator it is or was. One query."""
    links = PlanIndicator.objects.filter(indicator=indicator)
    owners = [pk for pk in (indicator.coalition_id, indicator.origin_coalition_id) if pk]
    return (
        Coalition.objects.filter(
            Q(pk__in=links.filter(goal__isnull=False).values("goal__ambition__coalition"))
            | Q(
                pk__in=links.filter(activity__isnull=False).values(
                    "activity__goal__ambition__coalition"
                )
            )
            | Q(pk__in=owners)
        )
        .order_by("name", "pk")
        .only("pk", "name", "slug", "contact_email", "is_fictitious")
    )
