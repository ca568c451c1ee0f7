"""The charts of one indicator page, the map included, and finding one of them by its slug."""

from __future__ import annotations

from .figures import Chart, indicator_charts
from .maps import area_map

PAGE_SLUGS = ("trend", "funnel", "wijken", "wijk-multiples", "map")


def page_charts(coalition, page) -> list[Chart]:
    """Every chart of the indicator page that applies, the map last."""
    charts = indicator_charts(page)
    found = area_map(coalition, page)
    return charts + [found] if found is not None else charts


def find_chart(coalition, page, slug: str) -> Chart | None:
    """One chart of the page by its slug (the map's boundaries are only read for "map")."""
    if slug == "map":
        return area_map(coalition, page)
    if slug not in PAGE_SLUGS:
        return None
    return next((chart for chart in indicator_charts(page) if chart.slug == slug), None)
