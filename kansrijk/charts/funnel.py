"""The funnel plot: every municipality whose figure may be published against its
denominator, with control limits around the national figure."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.catalog.models import Unit
from kansrijk.insight.verdicts import dutch_number, format_value

from .specs import (
    COUNTRY,
    LIMIT_95,
    LIMIT_998,
    OTHERS,
    TARGET,
    Chart,
    ChartTable,
    keep,
    mark,
    spec,
    value_axis,
)
from .text import position_text, unit_title

FUNNEL_WIDTH, FUNNEL_HEIGHT = 600, 320
FUNNEL_MIN_POINTS = 3


def funnel_chart(page) -> Chart | None:
    """The funnel plot of the latest period (``page.funnel``): every municipality whose figure
    may be published against its denominator, the 95% and 99.8% limits around the reference,
    and the coalition's own municipalities highlighted."""
    funnel = page.funnel
    if not funnel or len(funnel.get("points") or []) < FUNNEL_MIN_POINTS:
        return None
    unit, period = funnel["unit"], funnel["period"]
    reference, reference_label = funnel["reference"], funnel["reference_label"]
    points = funnel["points"]
    limit_names = {
        # xgettext:no-python-format
        "95": _("95%-grenzen"),
        # xgettext:no-python-format
        "99.8": _("99,8%-grenzen"),
    }
    limits = []
    for level, name in limit_names.items():
        for side, key in (("onder", "lower"), ("boven", "upper")):
            for denominator, value in zip(
                funnel["denominators"], funnel["limits"].get(level, {}).get(key, []), strict=False
            ):
                if value is not None:
                    limits.append(
                        {"noemer": denominator, "grens": name, "kant": side, "waarde": value}
                    )
    values = [
        {
            "naam": p["name"],
            "noemer": p["denominator"],
            "waarde": p["value"],
            "eigen": bool(p["is_own"]),
            "tekst": _("%(name)s: %(value)s (noemer %(denominator)s; %(position)s)")
            % {
                "name": p["name"],
                "value": format_value(unit, p["value"]),
                "denominator": dutch_number(p["denominator"], 0),
                "position": position_text(p["position"]),
            },
        }
        for p in points
    ]
    denominators = [p["denominator"] for p in points]
    use_log = min(denominators) > 0 and max(denominators) / min(denominators) > 20
    x_title = _("Noemer (aantal personen)")
    if use_log:
        x_title = _("Noemer (aantal personen, logaritmische schaal)")
    x = {
        "field": "noemer",
        "type": "quantitative",
        "scale": {
            "type": "log" if use_log else "linear",
            "domain": [min(denominators) * 0.9, max(denominators) * 1.1],
            "nice": False,
            "zero": False,
        },
        "axis": {"title": x_title, "format": ",~s" if use_log else ",.0f", "grid": False},
    }
    figures = [p["value"] for p in points] + [reference]
    low, high = min(figures), max(figures)
    pad = (high - low) * 0.2 or abs(high) * 0.1 or 1.0
    domain = [max(0.0, low - pad) if low >= 0 else low - pad, high + pad]
    if unit == Unit.PERCENTAGE:
        domain[1] = min(100.0, domain[1])
    y = {
        "field": "waarde",
        "type": "quantitative",
        "scale": {"domain": domain, "nice": False},
        "axis": value_axis(unit),
    }
    names = list(limit_names.values())
    layers = [
        {
            "data": {"values": limits},
            "mark": mark("line", _("grens"), clip=True, strokeWidth=1.5, aria=False),
            "encoding": {
                "x": x,
                "y": y,
                "detail": {"field": "kant", "type": "nominal"},
                "color": {
                    "field": "grens",
                    "type": "nominal",
                    "scale": {"domain": names, "range": [LIMIT_95, LIMIT_998]},
                    "legend": {"title": None, "orient": "bottom", "direction": "horizontal"},
                },
                "strokeDash": {
                    "field": "grens",
                    "type": "nominal",
                    "scale": {"domain": names, "range": [[6, 3], [2, 2]]},
                    "legend": None,
                },
            },
        },
        {
            "data": {
                "values": [
                    {
                        "waarde": reference,
                        "tekst": f"{reference_label}: {format_value(unit, reference)}",
                    }
                ]
            },
            "mark": mark("rule", _("referentielijn"), color=COUNTRY, strokeWidth=1.5),
            "encoding": {
                "y": y,
                "description": {"field": "tekst"},
            },
        },
        {
            "transform": keep("!datum.eigen"),
            "mark": mark("point", _("gemeente"), filled=True, color=OTHERS, size=22, opacity=0.75),
            "encoding": {"x": x, "y": y, "description": {"field": "tekst"}},
        },
        {
            "transform": keep("datum.eigen"),
            "mark": mark(
                "point", _("eigen gemeente"), filled=True, color=TARGET, size=110, stroke="#1f1f1f"
            ),
            "encoding": {"x": x, "y": y, "description": {"field": "tekst"}},
        },
        {
            "transform": keep("datum.eigen"),
            "mark": mark(
                "text",
                _("naam"),
                align="left",
                dx=8,
                dy=-8,
                fontWeight="bold",
                color="#1f1f1f",
                aria=False,
            ),
            "encoding": {"x": x, "y": y, "text": {"field": "naam"}},
        },
    ]
    body = {
        "data": {"values": values},
        "layer": layers,
        "resolve": {"scale": {"color": "independent"}},
    }
    own = [p for p in points if p["is_own"]]
    inside = sum(1 for p in points if p["position"] == "inside")
    parts = [
        _(
            "Elk punt is een gemeente: het cijfer in %(period)s tegen het aantal personen in de "
            "noemer. De lijnen zijn de 95%%- en 99,8%%-grenzen rond het cijfer van "
            "%(reference)s (%(value)s)."
        )
        % {"period": period, "reference": reference_label, "value": format_value(unit, reference)}
    ]
    for p in own:
        parts.append(
            _("%(name)s (%(value)s) ligt %(position)s.")
            % {
                "name": p["name"],
                "value": format_value(unit, p["value"]),
                "position": position_text(p["position"]),
            }
        )
    parts.append(
        ngettext(
            "%(inside)s van de %(total)s gemeenten ligt binnen de 95%%-grenzen.",
            "%(inside)s van de %(total)s gemeenten liggen binnen de 95%%-grenzen.",
            inside,
        )
        % {"inside": inside, "total": len(points)}
    )
    listed = [p for p in points if p["is_own"] or p["position"] != "inside"]
    listed.sort(key=lambda p: (not p["is_own"], -p["value"], p["name"]))
    caption = _(
        "Trechterdiagram %(period)s: de eigen gemeente en de gemeenten buiten de 95%%-grenzen "
        "(%(inside)s van de %(total)s gemeenten liggen erbinnen)"
    ) % {"period": period, "inside": inside, "total": len(points)}
    table_rows = [
        [
            p["name"],
            dutch_number(p["denominator"], 0),
            format_value(unit, p["value"]),
            position_text(p["position"]),
        ]
        for p in listed
    ]
    table_rows.append([reference_label, "", format_value(unit, reference), _("referentie")])
    return Chart(
        "funnel",
        _("Trechterdiagram: alle gemeenten, %(period)s") % {"period": period},
        spec(body, width=FUNNEL_WIDTH, height=FUNNEL_HEIGHT),
        " ".join(parts),
        ChartTable(caption, [_("Gemeente"), _("Noemer"), unit_title(unit), _("Ligt")], table_rows),
    )
