"""``{% chart chart %}``: a chart as a figure with its SVG, text alternative and table.

{% load charts %}
{% chart chart %}                                  the full figure
{% chart chart svg_url=svg png_url=png %}          with download links
{% chart chart compact=True %}                     a dashboard tile: SVG and hidden text
{% page_charts coalition page as charts %}         the indicator page's charts by name
"""

from django import template

from kansrijk.charts.pages import page_charts as _page_charts
from kansrijk.charts.rendering import to_svg, to_svgs

register = template.Library()


@register.inclusion_tag("charts/_chart.html")
def chart(chart, svg_url="", png_url="", compact=False):
    return {
        "chart": chart,
        "svg": to_svg(chart) if chart is not None else "",
        "svg_url": svg_url,
        "png_url": png_url,
        "compact": compact,
    }


@register.simple_tag
def page_charts(coalition, page) -> dict:
    """The page's charts by name (``trend``, ``funnel``, ``wijken``, ``wijk_multiples``,
    ``map``), rendered with one cache lookup."""
    charts = _page_charts(coalition, page)
    to_svgs(charts)
    return {chart.slug.replace("-", "_"): chart for chart in charts}
