"""The parts every chart is built from: the ``Chart`` itself, fonts and colours, axes,
marks, the columns over periods without a number, and the rows a chart draws.

Specs are plain dicts (Vega-Lite v6, the version vl-convert renders): building them with
Altair costs 10–20 ms a chart, too much for a dashboard of sparklines; the tests validate
them against Altair's schema instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kansrijk.catalog.models import Unit

from .text import is_shown, unit_title

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"

# Okabe–Ito colours (safe for colour blindness), dark enough for 3:1 against white.
MAIN = "#0072b2"
COUNTRY = "#5f5f5f"
TARGET = "#b34700"
OTHERS = "#8c8c8c"
SUPPRESSED_GREY = "#767676"
LIMIT_95 = "#0072b2"
LIMIT_998 = "#6a3d9a"
MAIN_ROLES = ("region", "municipality")


@dataclass
class ChartTable:
    """The numbers beside a chart, as display strings (Dutch number format)."""

    caption: str
    headers: list[str]
    rows: list[list[str]]


@dataclass
class Chart:
    slug: str  # "sparkline", "trend", "wijken", "wijk-multiples", "funnel", "map"
    title: str
    spec: dict  # Vega-Lite spec, data inline (values)
    description: str  # the text alternative: 1–3 plain Dutch sentences
    table: ChartTable
    source: str = ""  # shown under the chart (the map's attribution)
    svg: str | None = field(default=None, repr=False, compare=False)  # set by to_svgs


# Spec building blocks --------------------------------------------------------------------


def base_config() -> dict:
    """Fonts, sizes and colours shared by every chart; axes and legends are left out of the
    accessibility tree (the table beside the chart carries the same information)."""
    return {
        "font": FONT,
        "background": "white",
        "view": {"stroke": None},
        "axis": {
            "aria": False,
            "labelFontSize": 11,
            "titleFontSize": 12,
            "titleFontWeight": "normal",
            "labelColor": "#333333",
            "titleColor": "#222222",
            "gridColor": "#e4e4e4",
            "domainColor": "#767676",
            "tickColor": "#767676",
        },
        "legend": {
            "aria": False,
            "labelFontSize": 11,
            "titleFontSize": 12,
            "titleFontWeight": "normal",
            "labelColor": "#222222",
            "titleColor": "#222222",
            "labelLimit": 320,
        },
        "header": {"labelFontSize": 12, "labelColor": "#222222", "titleFontSize": 12},
        "title": {"fontSize": 14, "anchor": "start", "subtitleFontSize": 11, "aria": False},
    }


def value_axis(unit: str, title: str | None = None) -> dict:
    axis: dict = {"title": title if title is not None else unit_title(unit), "format": ",.2~f"}
    if unit == Unit.YES_NO:
        axis.update(
            {
                "values": [0, 1],
                "labelExpr": f"datum.value >= 0.5 ? '{escape(_('ja'))}' : '{escape(_('nee'))}'",
            }
        )
    return axis


def spec(body: dict, width: int | None = None, height: int | None = None) -> dict:
    out = {"$schema": SCHEMA, "config": base_config()}
    if width is not None:
        out["width"] = width
    if height is not None:
        out["height"] = height
    out.update(body)
    return out


def mark(kind: str, role: str, **props) -> dict:
    return {"type": kind, "ariaRoleDescription": role, **props}


def keep(expression: str) -> list[dict]:
    return [{"filter": expression}]


def hidden_status(cell) -> str:
    return "suppressed" if cell is not None and cell.suppressed else "missing"


def hidden_columns(x: dict, height: int, width: float, statuses: list[str]) -> dict:
    """A translucent grey column over each period without a number (rows with ``status``
    "suppressed" or "missing"), with a legend entry for each status that occurs and the
    reason as its text."""
    colours = {"suppressed": "#a6a6a6", "missing": "#dddddd"}
    domain = [status for status in colours if status in statuses]
    return {
        "transform": keep("isValid(datum.status)"),
        "mark": mark("rule", _("geen getal"), strokeWidth=width, opacity=0.5),
        "encoding": {
            "x": x,
            "y": {"value": 0},
            "y2": {"value": height},
            "stroke": {
                "field": "status",
                "type": "nominal",
                "scale": {"domain": domain, "range": [colours[status] for status in domain]},
                "legend": {
                    "title": None,
                    "orient": "bottom",
                    "direction": "horizontal",
                    "symbolStrokeWidth": 8,
                    "labelExpr": (
                        "datum.value == 'suppressed'"
                        f" ? '{escape(_('niet getoond (kleine aantallen)'))}'"
                        f" : '{escape(_('geen gegevens'))}'"
                    ),
                },
            },
            "description": {"field": "tekst"},
        },
    }


def column_width(plot_width: int, periods: list[str]) -> float:
    return round(min(18.0, plot_width / max(len(periods), 1) * 0.6), 1)


def escape(text: str) -> str:
    """Text inside a single-quoted Vega expression string."""
    return text.replace("\\", "\\\\").replace("'", "\\'")


# Rows of the value tables -----------------------------------------------------------------


def main_row(table):
    """The coalition's own row of a ``ValueTable``: the region, else its municipality."""
    for role in MAIN_ROLES:
        for row in table.rows:
            if row.role == role:
                return row
    return None


def rows_of(table, role: str) -> list:
    return [row for row in table.rows if row.role == role]


def country_row(table):
    return next((row for row in table.rows if row.role == "country"), None)


def area_rows(page) -> tuple[list, str]:
    """The areas compared within the coalition: its wijken, or its municipalities when the
    coalition is a region (``"wijk"`` or ``"municipality"``)."""
    table = page.values
    if any(row.role == "region" for row in table.rows):
        return rows_of(table, "municipality"), "municipality"
    return rows_of(table, "wijk"), "wijk"


def latest_index(table) -> int | None:
    return len(table.periods) - 1 if table.periods else None


def latest_shown_index(rows) -> int | None:
    """The last period in which at least one of ``rows`` has a number that may be shown."""
    indexes = [i for row in rows for i, c in enumerate(row.cells) if is_shown(c)]
    return max(indexes) if indexes else None
