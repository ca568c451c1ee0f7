"""The coalition's wijken (its municipalities when it is a region) side by side: bars of the
latest period with reference lines, and a small trend chart per wijk."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kansrijk.catalog.models import Unit

from .specs import (
    COUNTRY,
    MAIN,
    TARGET,
    Chart,
    ChartTable,
    area_rows,
    column_width,
    country_row,
    escape,
    hidden_columns,
    hidden_status,
    keep,
    latest_shown_index,
    main_row,
    mark,
    spec,
    value_axis,
)
from .text import (
    area_word,
    hidden_text,
    is_shown,
    join_words,
    period_title,
    point_text,
    provisional_note,
    unit_title,
    value_text,
)

BAR_WIDTH, BAR_STEP = 460, 24


def wijk_bars(page) -> Chart | None:
    """The latest period per wijk (per municipality for a region), with the coalition's own
    figure and NL as reference lines."""
    rows, kind = area_rows(page)
    index = latest_shown_index(rows)
    if not rows or index is None:
        return None
    table = page.values
    unit, period = table.unit, table.periods[index]
    shown = sorted(
        (row for row in rows if is_shown(row.cells[index])),
        key=lambda row: (-row.cells[index].value, row.label),
    )
    hidden = [row for row in rows if not is_shown(row.cells[index])]
    order = [row.label for row in shown + hidden]
    values = []
    for row in shown:
        cell = row.cells[index]
        item = {
            "gebied": row.label,
            "waarde": cell.value,
            "tekst": point_text(unit, row.label, cell, interval=False),
        }
        if cell.lower is not None and cell.upper is not None:
            item["onder"], item["boven"] = cell.lower, cell.upper
        values.append(item)
    for row in hidden:
        cell = row.cells[index]
        values.append(
            {
                "gebied": row.label,
                "status": hidden_status(cell),
                "label": hidden_text(cell),
                "tekst": point_text(unit, row.label, cell),
            }
        )
    references = []
    for reference in (main_row(table), country_row(table)):
        if reference is not None and is_shown(reference.cells[index]):
            references.append(
                {
                    "naam": reference.label,
                    "waarde": reference.cells[index].value,
                    "tekst": point_text(
                        unit, reference.label, reference.cells[index], interval=False
                    ),
                    "waarde_tekst": value_text(unit, reference.cells[index]),
                }
            )
    y = {
        "field": "gebied",
        "type": "nominal",
        "sort": order,
        "scale": {"domain": order},
        "axis": {"title": None, "labelLimit": 180},
    }
    x_axis = value_axis(unit, f"{unit_title(unit)}, {period}")
    layers: list[dict] = [
        {
            "transform": keep("isValid(datum.waarde)"),
            "mark": mark("bar", _("balk"), color=MAIN, height={"band": 0.7}),
            "encoding": {
                "y": y,
                "x": {
                    "field": "waarde",
                    "type": "quantitative",
                    "axis": x_axis,
                    "scale": {"zero": True},
                },
                "description": {"field": "tekst"},
            },
        }
    ]
    if any("onder" in v for v in values):
        layers.append(
            {
                "transform": keep("isValid(datum.onder)"),
                "mark": mark("rule", _("interval"), color="#1f1f1f", strokeWidth=1.5, aria=False),
                "encoding": {
                    "y": y,
                    "x": {"field": "onder", "type": "quantitative"},
                    "x2": {"field": "boven"},
                },
            }
        )
    if hidden:
        layers.append(
            {
                "transform": keep("!isValid(datum.waarde)"),
                "mark": mark(
                    "text", _("geen getal"), align="left", dx=4, color="#444444", fontStyle="italic"
                ),
                "encoding": {
                    "y": y,
                    "x": {"value": 0},
                    "text": {"field": "label"},
                    "description": {"field": "tekst"},
                },
            }
        )
    if references:
        names = [r["naam"] for r in references]
        layers.append(
            {
                "data": {"values": references},
                "mark": mark("rule", _("referentielijn"), strokeWidth=2),
                "encoding": {
                    "x": {"field": "waarde", "type": "quantitative"},
                    "color": {
                        "field": "naam",
                        "type": "nominal",
                        "scale": {"domain": names, "range": [TARGET, COUNTRY][: len(names)]},
                        "legend": {"title": None, "orient": "bottom", "direction": "horizontal"},
                    },
                    "strokeDash": {
                        "field": "naam",
                        "type": "nominal",
                        "scale": {"domain": names, "range": [[1, 0], [6, 3]][: len(names)]},
                        "legend": None,
                    },
                    "description": {"field": "tekst"},
                },
            }
        )
    body = {"data": {"values": values}, "layer": layers}
    description = _bars_description(unit, kind, period, shown, hidden, index, references)
    if any("onder" in v for v in values):
        description += " " + _(
            "De dunne zwarte lijnen zijn de 95%-intervallen: hoe kleiner de groep, hoe breder."
        )
    headers = [area_word(kind).capitalize(), f"{unit_title(unit)}, {period}"]
    table_rows = [[row.label, value_text(unit, row.cells[index])] for row in shown + hidden]
    for reference in (main_row(table), country_row(table)):
        if reference is not None:
            table_rows.append([reference.label, value_text(unit, reference.cells[index])])
    caption = _("%(name)s per %(area)s, %(period)s") % {
        "name": page.summary.name,
        "area": area_word(kind),
        "period": period,
    } + provisional_note(r.cells[index] for r in rows)
    return Chart(
        "wijken",
        caption_title(page.summary.name, kind, period),
        spec(body, width=BAR_WIDTH, height={"step": BAR_STEP}),
        description,
        ChartTable(caption, headers, table_rows),
    )


def caption_title(name: str, kind: str, period: str) -> str:
    if kind == "municipality":
        return _("%(name)s per gemeente, %(period)s") % {"name": name, "period": period}
    return _("%(name)s per wijk, %(period)s") % {"name": name, "period": period}


def _bars_description(unit, kind, period, shown, hidden, index, references) -> str:
    parts = [
        _("De balken tonen het cijfer per %(area)s in %(period)s.")
        % {"area": area_word(kind), "period": period}
    ]
    if len(shown) >= 2 and shown[0].cells[index].value != shown[-1].cells[index].value:
        high, low = shown[0], shown[-1]
        parts.append(
            _(
                "Het hoogste cijfer heeft %(high)s (%(high_value)s), "
                "het laagste %(low)s (%(low_value)s)."
            )
            % {
                "high": high.label,
                "high_value": value_text(unit, high.cells[index]),
                "low": low.label,
                "low_value": value_text(unit, low.cells[index]),
            }
        )
    elif len(shown) == 1:
        parts.append(f"{shown[0].label}: {value_text(unit, shown[0].cells[index])}.")
    elif shown:
        parts.append(
            _("Alle %(count)s getoonde cijfers zijn %(value)s.")
            % {"count": len(shown), "value": value_text(unit, shown[0].cells[index])}
        )
    if references:
        parts.append(
            _("De lijnen tonen %(references)s.")
            % {"references": join_words([f"{r['naam']} ({r['waarde_tekst']})" for r in references])}
        )
    suppressed = [r for r in hidden if r.cells[index].suppressed]
    if suppressed:
        parts.append(
            _("Voor %(areas)s is het cijfer niet getoond om kleine aantallen te beschermen.")
            % {"areas": join_words([r.label for r in suppressed])}
        )
    missing = [r for r in hidden if not r.cells[index].suppressed]
    if missing:
        parts.append(
            _("Voor %(areas)s is er geen cijfer.")
            % {"areas": join_words([r.label for r in missing])}
        )
    return " ".join(parts)


# Small multiples --------------------------------------------------------------------------

PANEL_WIDTH, PANEL_HEIGHT, PANEL_COLUMNS = 170, 90, 3


def wijk_multiples(page) -> Chart | None:
    """A small trend chart per wijk (per municipality for a region), on one scale, each with
    the coalition's own line as a reference."""
    rows, kind = area_rows(page)
    table = page.values
    periods, unit = table.periods, table.unit
    if len(periods) < 2 or not any(is_shown(c) for row in rows for c in row.cells):
        return None
    reference = main_row(table)
    own_line = area_word(kind).capitalize()
    line_domain = [own_line] + ([reference.label] if reference is not None else [])
    values = []
    for row in rows:
        for period, cell in zip(periods, row.cells, strict=False):
            label = f"{row.label}, {period}"
            if is_shown(cell):
                values.append(
                    {
                        "gebied": row.label,
                        "periode": period,
                        "lijn": own_line,
                        "waarde": cell.value,
                        "tekst": point_text(unit, label, cell, interval=False),
                    }
                )
            else:
                values.append(
                    {
                        "gebied": row.label,
                        "periode": period,
                        "lijn": own_line,
                        "status": hidden_status(cell),
                        "tekst": point_text(unit, label, cell),
                    }
                )
        if reference is not None:
            for period, cell in zip(periods, reference.cells, strict=False):
                if is_shown(cell):
                    values.append(
                        {
                            "gebied": row.label,
                            "periode": period,
                            "lijn": reference.label,
                            "waarde": cell.value,
                        }
                    )
    x = {
        "field": "periode",
        "type": "ordinal",
        "scale": {"domain": periods},
        "axis": {
            "title": None,
            "labelAngle": 0,
            # First and last period only: the panels are narrow; the table has every period.
            "labelExpr": "datum.index == 0 || datum.index == 1 ? datum.label : ''",
            "labelFlush": True,
        },
    }
    y = {
        "field": "waarde",
        "type": "quantitative",
        "scale": {"zero": unit == Unit.YES_NO, "nice": True},
        "axis": {**value_axis(unit), "title": None, "tickCount": 3},
    }
    color = {
        "field": "lijn",
        "type": "nominal",
        "scale": {"domain": line_domain, "range": [MAIN, COUNTRY][: len(line_domain)]},
        "legend": {"title": None, "orient": "bottom", "direction": "horizontal"},
    }
    dash = {
        "field": "lijn",
        "type": "nominal",
        "scale": {"domain": line_domain, "range": [[1, 0], [4, 3]][: len(line_domain)]},
        "legend": None,
    }
    layers = [
        {  # every row: the line breaks where a period has no number
            "mark": mark("line", _("lijn"), strokeWidth=1.8, aria=False),
            "encoding": {"x": x, "y": y, "color": color, "strokeDash": dash},
        },
        {
            "transform": keep(f"datum.lijn == '{escape(own_line)}' && isValid(datum.waarde)"),
            "mark": mark("point", _("punt"), filled=True, size=22, color=MAIN),
            "encoding": {"x": x, "y": y, "description": {"field": "tekst"}},
        },
    ]
    statuses = [v["status"] for v in values if "status" in v]
    if statuses:
        width = column_width(PANEL_WIDTH, periods)
        layers.insert(0, hidden_columns(x, PANEL_HEIGHT, width, statuses))
    body = {
        "data": {"values": values},
        "facet": {
            "field": "gebied",
            "type": "nominal",
            "sort": [row.label for row in rows],
            "title": None,
            "header": {"labelAnchor": "start", "labelFontWeight": "bold"},
        },
        "columns": PANEL_COLUMNS,
        "spec": {"width": PANEL_WIDTH, "height": PANEL_HEIGHT, "layer": layers},
    }
    suppressed = sorted({row.label for row in rows for c in row.cells if c.suppressed})
    description = _(
        "Per %(area)s een kleine grafiek van het cijfer van %(first)s tot en met %(last)s, "
        "alle op dezelfde schaal"
    ) % {"area": area_word(kind), "first": periods[0], "last": periods[-1]}
    if reference is not None:
        description += _(", met %(reference)s als stippellijn") % {"reference": reference.label}
    description += "."
    if suppressed:
        description += " " + _(
            "Grijze kolommen zijn perioden waarvan het cijfer niet getoond wordt om kleine "
            "aantallen te beschermen (in %(areas)s)."
        ) % {"areas": join_words(suppressed)}
    headers = [area_word(kind).capitalize(), *periods]
    table_rows = [[row.label, *(value_text(unit, c) for c in row.cells)] for row in rows]
    if reference is not None:
        table_rows.append([reference.label, *(value_text(unit, c) for c in reference.cells)])
    caption = _("%(name)s per %(area)s en per %(period)s") % {
        "name": page.summary.name,
        "area": area_word(kind),
        "period": period_title(periods).lower(),
    } + provisional_note(c for row in rows for c in row.cells)
    return Chart(
        "wijk-multiples",
        _("Verloop per %(area)s") % {"area": area_word(kind)},
        spec(body),
        description,
        ChartTable(caption, headers, table_rows),
    )
