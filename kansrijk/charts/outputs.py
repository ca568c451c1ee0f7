"""The charts' output paths, registered with ``kansrijk.insight.outputs`` so that
``kansrijk/insight/tests/test_output_paths.py`` checks them for hidden numbers."""

from __future__ import annotations

import json

from django.urls import reverse

from kansrijk.insight.outputs import Output, register_output


def _charts(coalition, indicator):
    from kansrijk.insight.tables import indicator_data

    from .figures import sparkline
    from .pages import page_charts

    page = indicator_data(coalition, indicator)
    found = sparkline(page.summary)
    return page_charts(coalition, page) + ([found] if found is not None else [])


def chart_data(coalition, indicator) -> str:
    """Spec, text alternative and table of every chart of the indicator, as JSON."""
    return json.dumps(
        [
            {
                "slug": chart.slug,
                "title": chart.title,
                "spec": chart.spec,
                "description": chart.description,
                "table": {
                    "caption": chart.table.caption,
                    "headers": chart.table.headers,
                    "rows": chart.table.rows,
                },
                "source": chart.source,
            }
            for chart in _charts(coalition, indicator)
        ],
        ensure_ascii=False,
    )


def chart_svgs(coalition, indicator) -> str:
    """Every chart of the indicator as an SVG file (what a download holds)."""
    from .rendering import standalone_svg

    return "\n".join(standalone_svg(chart) for chart in _charts(coalition, indicator))


def register() -> None:
    register_output(
        Output(
            "charts:chart-svg",
            "svg",
            url=lambda c, i: reverse(
                "charts:chart-svg", kwargs={"slug": c.slug, "code": i.code, "chart": "trend"}
            ),
            description="Download van een grafiek als SVG",
        )
    )
    register_output(
        Output(
            "charts.figures",
            "json",
            render=chart_data,
            description="Grafieken en kaart van een indicator: specificatie, tekst en tabel",
        )
    )
    register_output(
        Output(
            "charts.rendering",
            "svg",
            render=chart_svgs,
            description="Grafieken en kaart van een indicator als SVG",
        )
    )
