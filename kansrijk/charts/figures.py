"""The charts of an indicator as Vega-Lite specifications, built from published cells only.

Every chart is a ``Chart``: a Vega-Lite spec with its data inline, a title, a text
alternative in plain Dutch and the table of the numbers it draws. The numbers come from the
data functions of ``kansrijk.insight.tables`` (``IndicatorSummary``, ``IndicatorPage``):
only published cells become numbers. A suppressed or missing cell is drawn as a mark
without a value ("niet getoond") and never appears as a number in the spec, the table or
the text.

The building blocks are in ``specs.py`` and ``text.py``; the charts of the wijken are in
``wijken.py``, the funnel plot in ``funnel.py``, the map in ``maps.py``; ``rendering.py``
turns specs into SVG and PNG.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from kansrijk.catalog.models import Unit
from kansrijk.insight.verdicts import format_value

from .funnel import funnel_chart
from .specs import (
    COUNTRY,
    MAIN,
    TARGET,
    Chart,
    ChartTable,
    column_width,
    country_row,
    hidden_columns,
    hidden_status,
    keep,
    main_row,
    mark,
    spec,
    value_axis,
)
from .text import (
    interval_text,
    is_shown,
    join_words,
    period_title,
    point_text,
    provisional_note,
    value_text,
)
from .wijken import wijk_bars, wijk_multiples

__all__ = [
    "Chart",
    "ChartTable",
    "funnel_chart",
    "indicator_charts",
    "sparkline",
    "trend_chart",
    "wijk_bars",
    "wijk_multiples",
]

# Sparkline --------------------------------------------------------------------------------


def sparkline(summary) -> Chart | None:
    """A small trend line of the main area's recent periods, for a dashboard tile."""
    table = summary.table
    row = main_row(table)
    if row is None:
        return None
    unit = table.unit
    points = [
        (period, cell)
        for period, cell in zip(table.periods, row.cells, strict=False)
        if is_shown(cell)
    ]
    if len(points) < 2:
        return None
    values = [
        {
            "periode": period,
            "waarde": cell.value,
            "tekst": point_text(unit, f"{row.label}, {period}", cell, interval=False),
            "laatste": period == points[-1][0],
        }
        for period, cell in points
    ]
    x = {"field": "periode", "type": "ordinal", "axis": None, "scale": {"domain": table.periods}}
    y = {"field": "waarde", "type": "quantitative", "axis": None, "scale": {"zero": False}}
    body = {
        "data": {"values": values},
        "padding": 4,
        "layer": [
            {
                "mark": mark("line", _("lijn"), color=MAIN, strokeWidth=2, aria=False),
                "encoding": {"x": x, "y": y},
            },
            {
                "mark": mark("point", _("punt"), filled=True, color=MAIN, size=28),
                "encoding": {
                    "x": x,
                    "y": y,
                    "size": {
                        "field": "laatste",
                        "type": "nominal",
                        "scale": {"domain": [False, True], "range": [14, 46]},
                        "legend": None,
                    },
                    "description": {"field": "tekst"},
                },
            },
        ],
    }
    first, last = points[0], points[-1]
    description = _(
        "Verloop voor %(area)s van %(first_period)s tot en met %(last_period)s: "
        "van %(first)s naar %(last)s."
    ) % {
        "area": row.label,
        "first_period": first[0],
        "last_period": last[0],
        "first": value_text(unit, first[1]),
        "last": value_text(unit, last[1]),
    }
    table_rows = [
        [period, value_text(unit, cell)]
        for period, cell in zip(table.periods, row.cells, strict=False)
    ]
    return Chart(
        "sparkline",
        _("Verloop van %(name)s") % {"name": summary.name},
        spec(body, width=120, height=34),
        description,
        ChartTable(table.caption, [period_title(table.periods), row.label], table_rows),
    )


# Trend ------------------------------------------------------------------------------------

TREND_WIDTH, TREND_HEIGHT = 600, 260


def trend_chart(page) -> Chart | None:
    """The main area per period: line, 95% interval band, NL line and the plan's target."""
    table = page.values
    row = main_row(table)
    if row is None or not any(is_shown(c) for c in row.cells):
        return None
    unit, periods = table.unit, table.periods
    country = country_row(table)
    series_domain = [row.label]
    values: list[dict] = []
    for period, cell in zip(periods, row.cells, strict=False):
        label = f"{row.label}, {period}"
        if is_shown(cell):
            item = {
                "periode": period,
                "reeks": row.label,
                "soort": "main",
                "waarde": cell.value,
                "tekst": point_text(unit, label, cell),
            }
            if cell.lower is not None and cell.upper is not None:
                item["onder"], item["boven"] = cell.lower, cell.upper
            values.append(item)
        else:
            values.append(
                {
                    "periode": period,
                    "reeks": row.label,
                    "soort": "main",
                    "status": hidden_status(cell),
                    "tekst": point_text(unit, label, cell),
                }
            )
    if country is not None and any(is_shown(c) for c in country.cells):
        series_domain.append(country.label)
        for period, cell in zip(periods, country.cells, strict=False):
            if is_shown(cell):
                values.append(
                    {
                        "periode": period,
                        "reeks": country.label,
                        "soort": "country",
                        "waarde": cell.value,
                        "tekst": point_text(
                            unit, f"{country.label}, {period}", cell, interval=False
                        ),
                    }
                )
    x = {
        "field": "periode",
        "type": "ordinal",
        "scale": {"domain": periods},
        "axis": {"title": period_title(periods), "labelAngle": 0, "labelOverlap": True},
    }
    y = {
        "field": "waarde",
        "type": "quantitative",
        "scale": {"zero": unit == Unit.YES_NO, "nice": True},
        "axis": value_axis(unit),
    }
    color = {
        "field": "reeks",
        "type": "nominal",
        "scale": {"domain": series_domain, "range": [MAIN, COUNTRY][: len(series_domain)]},
        "legend": {"title": None, "orient": "bottom", "direction": "horizontal"},
    }
    dash = {
        "field": "reeks",
        "type": "nominal",
        "scale": {"domain": series_domain, "range": [[1, 0], [6, 3]][: len(series_domain)]},
        "legend": None,
    }
    layers: list[dict] = []
    has_interval = any(is_shown(c) and c.lower is not None for c in row.cells)
    if has_interval:
        band = {
            "transform": keep("datum.soort == 'main'"),  # a gap where there is no interval
            "encoding": {
                "x": x,
                "y": {"field": "onder", "type": "quantitative"},
                "y2": {"field": "boven"},
            },
        }
        if sum(1 for c in row.cells if is_shown(c) and c.lower is not None) >= 2:
            band["mark"] = mark("area", _("interval"), color=MAIN, opacity=0.18, aria=False)
        else:
            band["mark"] = mark("rule", _("interval"), color=MAIN, strokeWidth=3, aria=False)
        layers.append(band)
    layers.append(
        {  # every row: the line breaks where a period has no number
            "mark": mark("line", _("lijn"), strokeWidth=2.5, aria=False),
            "encoding": {"x": x, "y": y, "color": color, "strokeDash": dash},
        }
    )
    layers.append(
        {
            "transform": keep("isValid(datum.waarde)"),
            "mark": mark("point", _("punt"), filled=True, size=55),
            "encoding": {"x": x, "y": y, "color": color, "description": {"field": "tekst"}},
        }
    )
    statuses = [v["status"] for v in values if "status" in v]
    if statuses:
        width = column_width(TREND_WIDTH, periods)
        layers.insert(0, hidden_columns(x, TREND_HEIGHT, width, statuses))
    link = page.summary.link
    target_sentence = ""
    if link is not None and link.target_value is not None:
        target_label = _("doel %(year)s: %(value)s") % {
            "year": link.target_year or "",
            "value": format_value(unit, link.target_value),
        }
        target_layer = {
            "data": {"values": [{"doel": link.target_value, "tekst": target_label}]},
            "layer": [
                {
                    "mark": mark("rule", _("doel"), color=TARGET, strokeWidth=2, strokeDash=[2, 3]),
                    "encoding": {
                        "y": {"field": "doel", "type": "quantitative"},
                        "description": {"field": "tekst"},
                    },
                },
                {
                    "mark": mark(
                        "text",
                        _("doel"),
                        color=TARGET,
                        align="right",
                        baseline="bottom",
                        dy=-3,
                        fontSize=11,
                        aria=False,
                    ),
                    "encoding": {
                        "y": {"field": "doel", "type": "quantitative"},
                        "x": {"value": TREND_WIDTH},
                        "text": {"field": "tekst"},
                    },
                },
            ],
        }
        layers.append(target_layer)
        target_sentence = _("De stippellijn is het doel van het plan: %(value)s in %(year)s.") % {
            "value": format_value(unit, link.target_value),
            "year": link.target_year or _("een later jaar"),
        }
    body = {
        "data": {"values": values},
        "layer": layers,
    }
    description = " ".join(
        part
        for part in (
            _trend_sentence(unit, row, periods, has_interval),
            _latest_sentence(unit, row, country, periods),
            target_sentence,
            _hidden_sentence(row, periods),
        )
        if part
    )
    headers = [period_title(periods), row.label, _("95%-interval")]
    if len(series_domain) > 1:
        headers.append(country.label)
    rows = []
    for index, period in enumerate(periods):
        cell = row.cells[index]
        line = [period, value_text(unit, cell), interval_text(unit, cell)]
        if len(series_domain) > 1:
            line.append(value_text(unit, country.cells[index]))
        rows.append(line)
    caption = table.caption + provisional_note(row.cells)
    return Chart(
        "trend",
        _("%(name)s per %(period)s")
        % {"name": page.summary.name, "period": period_title(periods).lower()},
        spec(body, width=TREND_WIDTH, height=TREND_HEIGHT),
        description,
        ChartTable(caption, headers, rows),
    )


def _trend_sentence(unit, row, periods, has_interval) -> str:
    shown = [p for p, c in zip(periods, row.cells, strict=False) if is_shown(c)]
    if len(shown) == 1:
        sentence = _("De grafiek toont het cijfer voor %(area)s in %(period)s") % {
            "area": row.label,
            "period": shown[0],
        }
    else:
        sentence = _("De lijn toont het cijfer voor %(area)s van %(first)s tot en met %(last)s") % {
            "area": row.label,
            "first": shown[0],
            "last": shown[-1],
        }
    if has_interval:
        sentence += _(", met het 95%-interval als band")
    return sentence + "."


def _latest_sentence(unit, row, country, periods) -> str:
    index = max(i for i, c in enumerate(row.cells) if is_shown(c))
    cell = row.cells[index]
    sentence = _("In %(period)s was het %(value)s") % {
        "period": periods[index],
        "value": value_text(unit, cell),
    }
    if country is not None and index < len(country.cells) and is_shown(country.cells[index]):
        sentence += " " + _("(%(country)s: %(value)s)") % {
            "country": country.label,
            "value": value_text(unit, country.cells[index]),
        }
    return sentence + "."


def _hidden_sentence(row, periods) -> str:
    suppressed = [p for p, c in zip(periods, row.cells, strict=False) if c.suppressed]
    missing = [
        p for p, c in zip(periods, row.cells, strict=False) if not c.suppressed and not is_shown(c)
    ]
    parts = []
    if suppressed:
        parts.append(
            _("Voor %(periods)s is het cijfer niet getoond om kleine aantallen te beschermen.")
            % {"periods": join_words(suppressed)}
        )
    if missing:
        parts.append(_("Voor %(periods)s is er geen cijfer.") % {"periods": join_words(missing)})
    return " ".join(parts)


# All charts of an indicator page ------------------------------------------------------------

PAGE_CHARTS = (trend_chart, funnel_chart, wijk_bars, wijk_multiples)


def indicator_charts(page) -> list[Chart]:
    """Every chart that applies to the indicator page, in page order (the map is separate:
    ``maps.area_map``)."""
    return [chart for chart in (build(page) for build in PAGE_CHARTS) if chart is not None]
