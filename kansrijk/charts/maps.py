"""The choropleth of a coalition's wijken (or of its municipalities when it is a region).

The areas come from the same value table as the other charts (``IndicatorPage.values``),
their boundaries from ``kansrijk.areas.models.Geometry`` (simplified WGS84 GeoJSON per area
and boundary year; the newest year up to the period, else the newest), fetched in one query.
The published values of the latest period are put into four or five classes with round
bounds; an area whose figure is suppressed is hatched ("niet getoond (kleine aantallen)"),
one without a figure is light grey ("geen gegevens"). The attribution of the boundaries is
shown under the map and in exported images.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kansrijk.areas.models import Geometry
from kansrijk.catalog.models import Unit
from kansrijk.insight.verdicts import dutch_number
from kansrijk.lib.periods import PeriodError, parse_period

from .specs import Chart, ChartTable, area_rows, main_row, spec
from .text import area_word, hidden_text, is_shown, join_words, point_text, unit_title, value_text

MAP_WIDTH, MAP_HEIGHT = 460, 400
DEFAULT_ATTRIBUTION = "Gebiedsgrenzen: CBS en Kadaster (PDOK), CC BY 4.0"
# ColorBrewer YlGnBu (safe for colour blindness), light to dark; the palest is left out so
# that every class stands out from the grey of "geen gegevens".
CLASS_COLOURS = {
    1: ["#2c7fb8"],
    2: ["#7fcdbb", "#253494"],
    3: ["#a1dab4", "#41b6c4", "#225ea8"],
    4: ["#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
    5: ["#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"],
}
YES_NO_COLOURS = ["#c7e9b4", "#2c7fb8"]
HATCH = "url(#kansrijk-hatch) #9a9a9a"  # the pattern is added by rendering.py
MISSING_FILL = "#e6e6e6"
NICE_STEPS = (1, 2, 2.5, 5)
MAX_CLASSES = 5


@dataclass(frozen=True)
class ValueClass:
    lower: float
    upper: float
    label: str

    def contains(self, value: float, last: bool) -> bool:
        return self.lower <= value < self.upper or (last and value == self.upper)


def _decimals(step: float) -> int:
    for decimals in range(0, 4):
        if abs(step * 10**decimals - round(step * 10**decimals)) < 1e-9:
            return decimals
    return 3


def _nice_step(low: float, high: float, integers: bool) -> float:
    """The smallest round step (1, 2, 2.5 or 5 × 10ⁿ) that needs at most five classes."""
    spread = high - low
    exponent = math.floor(math.log10(spread / MAX_CLASSES))
    for power in (exponent, exponent + 1, exponent + 2):
        for base in NICE_STEPS:
            step = base * 10**power
            if integers and step < 1:
                continue
            if math.floor(high / step) - math.floor(low / step) + 1 <= MAX_CLASSES:
                return step
    return 10 ** (exponent + 2)


def value_classes(values: list[float], unit: str) -> list[ValueClass]:
    """Four or five classes of equal, round width from the lowest to the highest value
    (fewer when the values are close together); each class holds its lower bound."""
    if not values:
        return []
    low, high = min(values), max(values)
    if unit == Unit.YES_NO:
        return [ValueClass(0, 0.5, _("nee")), ValueClass(0.5, 1, _("ja"))]
    decimals_shown = 0 if unit == Unit.COUNT else 1
    if high - low < 1e-9:
        text = dutch_number(low, decimals_shown)
        return [ValueClass(low, high, text)]
    step = _nice_step(low, high, unit == Unit.COUNT)
    decimals = _decimals(step)
    start = math.floor(low / step) * step
    count = math.floor(high / step) - math.floor(low / step) + 1
    classes = []
    for index in range(count):
        lower, upper = start + index * step, start + (index + 1) * step
        label = _("%(lower)s tot %(upper)s") % {
            "lower": dutch_number(lower, decimals),
            "upper": dutch_number(upper, decimals),
        }
        classes.append(ValueClass(lower, upper, label))
    return classes


def class_of(value: float, classes: list[ValueClass]) -> ValueClass:
    for index, found in enumerate(classes):
        if found.contains(value, index == len(classes) - 1):
            return found
    return classes[-1] if value > classes[-1].upper else classes[0]


def class_label(cell, classes: list[ValueClass]) -> str:
    """The legend entry of an area: its class, or why it has no number."""
    return class_of(cell.value, classes).label if is_shown(cell) else hidden_text(cell)


def _period_year(period: str) -> int | None:
    try:
        return parse_period(period).year
    except PeriodError:
        return None


def area_geometries(codes: list[str], year: int | None) -> dict[str, Geometry]:
    """Per area code its boundary: the newest year up to ``year``, else the newest (one query)."""
    found: dict[str, Geometry] = {}
    rows = Geometry.objects.filter(area__code__in=codes).select_related("area").order_by("-year")
    for geometry in rows:  # newest first
        current = found.get(geometry.area.code)
        too_new = current is not None and year is not None and current.year > year
        if current is None or (too_new and geometry.year <= year):
            found[geometry.area.code] = geometry
    return found


def _signed_area(ring) -> float:
    """Twice the planar area of a ring; positive when it runs counter-clockwise."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))


def _wind_polygon(polygon: list) -> list:
    rings = []
    for index, ring in enumerate(polygon):
        outer = index == 0
        clockwise = _signed_area(ring) < 0
        rings.append(ring if clockwise == outer else ring[::-1])
    return rings


def d3_winding(geometry: dict) -> dict:
    """GeoJSON as d3 (Vega's geoshape) reads it: outer rings clockwise, holes the other way.

    GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3 takes such a ring for the
    whole globe minus the area, and would fill the map."""
    if geometry.get("type") == "Polygon":
        return {"type": "Polygon", "coordinates": _wind_polygon(geometry["coordinates"])}
    if geometry.get("type") == "MultiPolygon":
        return {
            "type": "MultiPolygon",
            "coordinates": [_wind_polygon(p) for p in geometry["coordinates"]],
        }
    return geometry


def _legend_colours(count: int, unit: str) -> list[str]:
    if unit == Unit.YES_NO:
        return YES_NO_COLOURS
    return CLASS_COLOURS[count]


def attribution(geometries) -> str:
    sources = sorted({g.source for g in geometries if g.source})
    return "; ".join(sources) if sources else DEFAULT_ATTRIBUTION


def area_map(coalition, page) -> Chart | None:
    """A choropleth of the latest period of the coalition's wijken (its municipalities when
    it has several), with classes, a legend, hatched suppressed areas and the attribution."""
    rows, kind = area_rows(page)
    table = page.values
    if not rows or not table.periods:
        return None
    indexes = [i for row in rows for i, c in enumerate(row.cells) if is_shown(c)]
    index = max(indexes) if indexes else len(table.periods) - 1
    unit, period = table.unit, table.periods[index]
    main = main_row(table)
    outline = [main.code] if main is not None and kind == "wijk" else []
    geometries = area_geometries([row.code for row in rows] + outline, _period_year(period))
    drawn = [row for row in rows if row.code in geometries]
    if not drawn:
        return None
    shown = [row.cells[index].value for row in drawn if is_shown(row.cells[index])]
    classes = value_classes(shown, unit)
    suppressed_label, missing_label = _("niet getoond (kleine aantallen)"), _("geen gegevens")
    features = []
    for row in drawn:
        cell = row.cells[index]
        features.append(
            {
                "type": "Feature",
                "geometry": d3_winding(geometries[row.code].geojson),
                "properties": {
                    "naam": row.label,
                    "klasse": class_label(cell, classes),
                    "tekst": point_text(unit, row.label, cell, interval=False),
                },
            }
        )
    domain = [c.label for c in classes] + [suppressed_label, missing_label]
    colours = (_legend_colours(len(classes), unit) if classes else []) + [HATCH, MISSING_FILL]
    layers = [
        {
            "data": {"values": features},
            "mark": {
                "type": "geoshape",
                "ariaRoleDescription": area_word(kind),
                "stroke": "#ffffff",
                "strokeWidth": 1,
            },
            "encoding": {
                "color": {
                    "field": "properties.klasse",
                    "type": "nominal",
                    "scale": {"domain": domain, "range": colours},
                    "legend": {
                        "title": f"{unit_title(unit)}, {period}",
                        "orient": "right",
                        "symbolType": "square",
                        "symbolSize": 220,
                        "symbolStrokeColor": "#555555",
                        "symbolStrokeWidth": 0.5,
                    },
                },
                "description": {"field": "properties.tekst"},
            },
        }
    ]
    if outline and outline[0] in geometries:
        layers.append(
            {
                "data": {
                    "values": [
                        {"type": "Feature", "geometry": d3_winding(geometries[outline[0]].geojson)}
                    ]
                },
                "mark": {
                    "type": "geoshape",
                    "filled": False,
                    "stroke": "#333333",
                    "strokeWidth": 1.5,
                    "aria": False,
                },
            }
        )
    body = {"projection": {"type": "mercator"}, "layer": layers}
    source = attribution(
        geometries[code] for code in [r.code for r in drawn] + outline if code in geometries
    )
    return Chart(
        "map",
        _("Kaart: %(name)s per %(area)s, %(period)s")
        % {"name": page.summary.name, "area": area_word(kind), "period": period},
        spec(body, width=MAP_WIDTH, height=MAP_HEIGHT),
        _map_description(unit, kind, period, drawn, index, classes, rows),
        _map_table(unit, kind, period, page.summary.name, drawn, index, classes),
        source,
    )


def _map_description(unit, kind, period, drawn, index, classes, rows) -> str:
    parts = [
        _("De kaart kleurt elke %(area)s naar het cijfer in %(period)s: hoe donkerder, hoe hoger.")
        % {"area": area_word(kind), "period": period}
    ]
    shown = [r for r in drawn if is_shown(r.cells[index])]
    if shown:
        high = max(shown, key=lambda r: r.cells[index].value)
        low = min(shown, key=lambda r: r.cells[index].value)
        if high.cells[index].value != low.cells[index].value:
            parts.append(
                _("Het hoogst is %(high)s (%(high_value)s), het laagst %(low)s (%(low_value)s).")
                % {
                    "high": high.label,
                    "high_value": value_text(unit, high.cells[index]),
                    "low": low.label,
                    "low_value": value_text(unit, low.cells[index]),
                }
            )
    suppressed = [r.label for r in drawn if r.cells[index].suppressed]
    if suppressed:
        parts.append(
            _("Gearceerd, niet getoond om kleine aantallen te beschermen: %(areas)s.")
            % {"areas": join_words(suppressed)}
        )
    without = [r.label for r in rows if r not in drawn]
    if without:
        parts.append(_("Zonder gebiedsgrens: %(areas)s.") % {"areas": join_words(without)})
    return " ".join(parts)


def _map_table(unit, kind, period, name, drawn, index, classes) -> ChartTable:
    rows = []
    for row in drawn:
        cell = row.cells[index]
        rows.append([row.label, value_text(unit, cell), class_label(cell, classes)])
    caption = _("%(name)s per %(area)s op de kaart, %(period)s") % {
        "name": name,
        "area": area_word(kind),
        "period": period,
    }
    return ChartTable(
        caption, [area_word(kind).capitalize(), f"{unit_title(unit)}, {period}", _("Klasse")], rows
    )
