"""The public view of a published indicator: only the rows ``publication`` allows.

``public_indicator(coalition, item)`` starts from ``indicator_data`` (every number through
``disclose``) and keeps the main area, the Netherlands and the comparisons; the wijken only
when the coordinator published them; never the funnel plot of other municipalities. The
public page, its charts and its chart downloads are all built from this one result.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from kansrijk.insight.tables import IndicatorPage, IndicatorSummary, indicator_data
from kansrijk.stories.data import QuoteRecord, quotes_by_indicator

from .models import DashboardItem
from .publication import public_summary, public_table
from .tiles import TILE_COMPARISONS

PUBLIC_QUOTES = 3


@dataclass
class PublicIndicator:
    item: DashboardItem
    page: IndicatorPage  # the public copy: only visible rows, no funnel
    quotes: list[QuoteRecord] = field(default_factory=list)
    charts: list = field(default_factory=list)  # kansrijk.charts Charts

    @property
    def summary(self) -> IndicatorSummary:
        return self.page.summary

    @property
    def comparisons(self):
        return [c for c in self.page.comparisons if c.kind in TILE_COMPARISONS]


def public_page(page: IndicatorPage, item: DashboardItem) -> IndicatorPage:
    return dataclasses.replace(
        page,
        summary=public_summary(page.summary, item),
        values=public_table(page.values, item),
        comparisons=[c for c in page.comparisons if c.kind in TILE_COMPARISONS],
        funnel=None,
    )


def public_charts(coalition, page: IndicatorPage, item: DashboardItem) -> list:
    """The charts of the public page: the trend, and the wijk map when wijken are public."""
    from kansrijk.charts.figures import trend_chart
    from kansrijk.charts.maps import area_map

    found = [trend_chart(page)]
    if item.show_wijken:
        found.append(area_map(coalition, page))
    return [chart for chart in found if chart is not None]


def public_indicator(coalition, item: DashboardItem, *, charts=True) -> PublicIndicator:
    """Everything the public page of one published indicator shows."""
    page = public_page(indicator_data(coalition, item.indicator), item)
    quotes = quotes_by_indicator(
        coalition, [item.indicator], audience="public", limit=PUBLIC_QUOTES
    )
    found = PublicIndicator(item, page, quotes[item.indicator.id])
    if charts:
        found.charts = public_charts(coalition, page, item)
    return found
