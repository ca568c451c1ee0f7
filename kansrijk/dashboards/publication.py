"""What is public: the one place that decides it.

A coalition publishes an indicator by choosing it for *ouders en inwoners* in the composer
(a ``DashboardItem`` with audience ``publiek``) and switching its public page on. An indicator
is published only while both hold and the indicator is still in the coalition's plan (or is
one of its own indicators). Of a published indicator the public sees the main area (the
municipality, or the region of several), the Netherlands and the comparisons; the wijken only
when the coordinator ticked "cijfers per wijk tonen"; never the plan itself (goal, baseline,
target).

The public pages (``/openbaar/<slug>/``), their chart downloads and the API's anonymous
callers ask these functions and nothing else.
"""

from __future__ import annotations

import dataclasses

from django.db.models import Q, Subquery
from django.http import Http404

from kansrijk.catalog.models import Indicator
from kansrijk.coalitions.models import Coalition
from kansrijk.insight.tables import IndicatorSummary, ValueTable
from kansrijk.insight.versioning import data_version_subquery

from .models import Audience, DashboardItem

MAIN_ROLES = ("region", "municipality", "country")


def _in_plan_or_own(coalition) -> Q:
    return (
        Q(indicator__plan_links__goal__ambition__coalition=coalition)
        | Q(indicator__plan_links__activity__goal__ambition__coalition=coalition)
        | Q(indicator__coalition=coalition)
    )


def _published(coalition):
    return (
        DashboardItem.objects.filter(
            coalition=coalition,
            audience=Audience.PUBLIEK,
            coalition__dashboard_settings__public_enabled=True,
        )
        .filter(_in_plan_or_own(coalition))
        .select_related("indicator")
        .distinct()
        .order_by("position", "id")
    )


def has_public_page(coalition) -> bool:
    settings = getattr(coalition, "dashboard_settings", None)
    return bool(settings and settings.public_enabled)


def published_items(coalition) -> list[DashboardItem]:
    """The coalition's published indicators with their public texts, in the chosen order;
    nothing while its public page is off (one query)."""
    return list(_published(coalition))


def published_indicators(coalition) -> list[Indicator]:
    return [item.indicator for item in published_items(coalition)]


def published_item(coalition, indicator) -> DashboardItem | None:
    return _published(coalition).filter(indicator=indicator).first()


def is_published(coalition, indicator) -> bool:
    return published_item(coalition, indicator) is not None


def visible_roles(item: DashboardItem) -> tuple[str, ...]:
    """The rows of a published indicator's tables the public may see."""
    return (*MAIN_ROLES, "wijk") if item.show_wijken else MAIN_ROLES


def public_table(table: ValueTable, item: DashboardItem) -> ValueTable:
    """A value table with only the rows the public may see."""
    roles = visible_roles(item)
    rows = [row for row in table.rows if row.role in roles]
    cells = [cell for row in rows for cell in row.cells]
    return dataclasses.replace(
        table,
        rows=rows,
        has_suppressed=any(not c.is_published and not c.missing for c in cells),
        has_provisional=any(c.provisional for c in cells),
        has_rounded=any(c.rounded for c in cells),
    )


def public_summary(summary: IndicatorSummary, item: DashboardItem) -> IndicatorSummary:
    """A summary as the public sees it: the visible rows only, and nothing of the plan (its
    baseline, target and goal are not published; the verdict's target sentence goes too)."""
    verdict = dataclasses.replace(summary.verdict, target="", target_reached=None)
    return dataclasses.replace(
        summary, table=public_table(summary.table, item), link=None, verdict=verdict
    )


def public_coalition(slug: str) -> Coalition:
    """A coalition whose public page is on, with its settings and the data version
    (``data_version``, for the cache keys of its pages); a 404 for any other slug, known or
    not (one query)."""
    coalition = (
        Coalition.objects.filter(slug=slug, dashboard_settings__public_enabled=True)
        .select_related("dashboard_settings")
        .annotate(data_version=Subquery(data_version_subquery()))
        .first()
    )
    if coalition is None:
        raise Http404
    return coalition


def get_published_item(coalition, code: str) -> DashboardItem:
    """The published item of the indicator with this code; a 404 for anything else."""
    item = _published(coalition).filter(indicator__code=code).first()
    if item is None:
        raise Http404
    return item


def find_published_item(slug: str, code: str) -> DashboardItem | None:
    """The published item for a coalition slug and an indicator code, or None when either
    does not exist, is not public or not published (one query; for the API)."""
    return (
        DashboardItem.objects.filter(
            coalition__slug=slug,
            audience=Audience.PUBLIEK,
            coalition__dashboard_settings__public_enabled=True,
            indicator__code=code,
        )
        .filter(
            Q(indicator__plan_links__goal__ambition__coalition__slug=slug)
            | Q(indicator__plan_links__activity__goal__ambition__coalition__slug=slug)
            | Q(indicator__coalition__slug=slug)
        )
        .select_related("coalition", "indicator")
        .first()
    )
