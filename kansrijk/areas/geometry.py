"""Area boundaries as small GeoJSON for the web: checked, simplified and rounded.

``clean_geometry`` accepts a GeoJSON Polygon or MultiPolygon in WGS84 (longitude, latitude),
simplifies every ring with Douglas–Peucker and rounds coordinates to five decimals (about a
metre). Every ring stays valid: closed, with at least four positions. A ring that would
collapse keeps its unsimplified (rounded) shape; a hole or an island too small even for that
is dropped.
"""

from __future__ import annotations

import math

# About 7 m east–west and 11 m north–south in the Netherlands: invisible on a municipal map.
DEFAULT_TOLERANCE = 0.0001
DECIMALS = 5
POLYGON_TYPES = ("Polygon", "MultiPolygon")

Point = tuple[float, float]
Ring = list[Point]


class GeometryError(ValueError):
    """The geometry cannot be used; the message is Dutch and names the problem."""


def clean_geometry(geometry: object, tolerance: float = DEFAULT_TOLERANCE) -> dict:
    """Check, simplify and round a (Multi)Polygon; returns new GeoJSON, raises GeometryError."""
    polygons = _read_polygons(geometry)
    cleaned = [p for p in (_simplify_polygon(p, tolerance) for p in polygons) if p]
    if not cleaned:
        raise GeometryError("de geometrie is te klein om te tekenen (alle ringen vallen weg)")
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": _as_lists(cleaned[0])}
    return {"type": "MultiPolygon", "coordinates": [_as_lists(p) for p in cleaned]}


def count_positions(geometry: dict) -> int:
    """The number of positions in a Polygon or MultiPolygon (to compare before and after)."""
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return sum(len(ring) for polygon in polygons for ring in polygon)


def simplify_ring(ring: Ring, tolerance: float) -> Ring:
    """Douglas–Peucker on a closed ring; the result is closed but may have < 4 positions."""
    points = ring[:-1] if ring[0] == ring[-1] else list(ring)
    if len(points) < 3 or tolerance <= 0:
        return [*points, points[0]]
    # A closed ring has no base line; split it at the point farthest from the first one.
    first = points[0]
    split = max(range(1, len(points)), key=lambda i: _distance2(points[i], first))
    head = _simplify_line(points[: split + 1], tolerance)
    tail = _simplify_line([*points[split:], first], tolerance)
    return head[:-1] + tail


def round_ring(ring: Ring, decimals: int = DECIMALS) -> Ring:
    """Round positions and drop the consecutive duplicates rounding creates."""
    rounded: Ring = []
    for x, y in ring:
        point = (round(x, decimals), round(y, decimals))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded and rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded


def is_valid_ring(ring: Ring) -> bool:
    return len(ring) >= 4 and ring[0] == ring[-1] and len(set(ring)) >= 3


def _simplify_polygon(polygon: list[Ring], tolerance: float) -> list[Ring] | None:
    rings = []
    for index, ring in enumerate(polygon):
        simplified = round_ring(simplify_ring(ring, tolerance))
        if not is_valid_ring(simplified):
            simplified = round_ring(ring)
        if is_valid_ring(simplified):
            rings.append(simplified)
        elif index == 0:
            return None  # the outer ring vanished: so does the island
    return rings


def _simplify_line(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker on an open line, without recursion; keeps both end points."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    limit = tolerance * tolerance
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        farthest, distance = 0, -1.0
        for i in range(start + 1, end):
            d = _segment_distance2(points[i], points[start], points[end])
            if d > distance:
                farthest, distance = i, d
        if distance > limit:
            keep[farthest] = True
            stack.append((start, farthest))
            stack.append((farthest, end))
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _distance2(a: Point, b: Point) -> float:
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2


def _segment_distance2(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return _distance2(p, a)
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return _distance2(p, (a[0] + t * dx, a[1] + t * dy))


def _read_polygons(geometry: object) -> list[list[Ring]]:
    if not isinstance(geometry, dict):
        raise GeometryError("de geometrie is geen GeoJSON-object")
    kind = geometry.get("type")
    if kind not in POLYGON_TYPES:
        raise GeometryError(f"de geometrie is geen (multi)polygoon maar {kind or 'onbekend'}")
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list) or not coordinates:
        raise GeometryError("de geometrie heeft geen coördinaten")
    polygons = [coordinates] if kind == "Polygon" else coordinates
    return [_read_polygon(polygon) for polygon in polygons]


def _read_polygon(polygon: object) -> list[Ring]:
    if not isinstance(polygon, list) or not polygon:
        raise GeometryError("een polygoon heeft geen ringen")
    return [_read_ring(ring) for ring in polygon]


def _read_ring(ring: object) -> Ring:
    if not isinstance(ring, list):
        raise GeometryError("een ring is geen lijst van coördinaten")
    points = [_read_position(position) for position in ring]
    if points and points[0] != points[-1]:
        points.append(points[0])
    if len(points) < 4:
        raise GeometryError(f"een ring heeft {len(points)} punten; minstens 4 zijn nodig")
    return points


def _read_position(position: object) -> Point:
    if (
        not isinstance(position, list | tuple)
        or len(position) < 2
        or not all(_is_number(c) for c in position[:2])
    ):
        raise GeometryError(f"ongeldige coördinaat {position!r}")
    x, y = float(position[0]), float(position[1])
    if not (-180 <= x <= 180 and -90 <= y <= 90):
        raise GeometryError(
            f"coördinaat ({position[0]}, {position[1]}) is geen lengte- en breedtegraad "
            "(WGS84); RD-coördinaten eerst omzetten naar EPSG:4326"
        )
    return (x, y)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _as_lists(polygon: list[Ring]) -> list[list[list[float]]]:
    return [[[x, y] for x, y in ring] for ring in polygon]
