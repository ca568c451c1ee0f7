"""Finding indicators in the catalogue: what a visitor may see, text search and filters.

Visitors see the shared catalogue plus the own indicators of their coalitions; every
function here starts from that queryset, so another coalition's own indicators (and their
sources) never show up.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .models import AreaLevel, Indicator, Source

LEVEL_ORDER = list(AreaLevel.values)  # from high (nl) to low (buurt)


def visible_indicators(coalitions: QuerySet) -> QuerySet[Indicator]:
    """Shared indicators plus the own indicators of ``coalitions`` (a Coalition queryset)."""
    return Indicator.objects.visible_to(coalitions.values("pk")).select_related("coalition")


def search_indicators(
    indicators: QuerySet[Indicator],
    *,
    q: str = "",
    phase: str = "",
    indicator_set: str = "",
    theme: str = "",
    provider: str = "",
    level: str = "",
) -> QuerySet[Indicator]:
    """Narrow ``indicators`` down. Every word of ``q`` must occur in the name, code or
    definition; ``level`` keeps indicators available at that level or a finer one."""
    for word in q.split():
        indicators = indicators.filter(
            Q(name_nl__icontains=word)
            | Q(name_en__icontains=word)
            | Q(code__icontains=word)
            | Q(definition__icontains=word)
        )
    if phase:
        indicators = indicators.filter(phase=phase)
    if indicator_set:
        indicators = indicators.filter(indicator_set=indicator_set)
    if theme:
        indicators = indicators.filter(themes__code=theme)
    if provider:
        indicators = indicators.filter(
            pk__in=Source.objects.filter(provider=provider).values("indicator")
        )
    if level:
        indicators = indicators.filter(lowest_level__in=levels_at_or_below(level))
    return indicators


def levels_at_or_below(level: str) -> list[str]:
    """``gemeente`` → gemeente, wijk, buurt: the levels at which such data also exists."""
    return LEVEL_ORDER[LEVEL_ORDER.index(level) :]


def provider_names(indicators: QuerySet[Indicator]) -> list[str]:
    """The data providers of ``indicators``, for the filter."""
    return list(
        Source.objects.filter(indicator__in=indicators.values("pk"))
        .order_by("provider")
        .values_list("provider", flat=True)
        .distinct()
    )
