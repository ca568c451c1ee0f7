"""Made-up but map-like shapes: a square cut into wijken that share their borders exactly.

The square is a grid of cells. Inner grid points and the middle of every inner edge are moved
a little at random, and neighbouring cells use the very same points, so the wijken tile the
square without gaps or overlaps. A wijk can be cut once more into four buurten that tile it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

Point = tuple[float, float]  # (lon, lat), WGS84

CENTRE: Point = (5.1, 52.0)
HALF_HEIGHT = 0.03  # degrees of latitude, about 3.3 km
HALF_WIDTH = 0.048  # degrees of longitude, about 3.3 km at 52° N
CORNER_JITTER = 0.18  # as a share of a cell
EDGE_JITTER = 0.1


@dataclass(frozen=True)
class Cell:
    """One grid cell: four corners and four edge midpoints, clockwise from the north-west."""

    corners: tuple[Point, Point, Point, Point]  # nw, ne, se, sw
    middles: tuple[Point, Point, Point, Point]  # north, east, south, west

    def ring(self) -> list[Point]:
        nw, ne, se, sw = self.corners
        north, east, south, west = self.middles
        return [nw, north, ne, east, se, south, sw, west]

    def quadrants(self) -> list[list[Point]]:
        """Four pieces (nw, ne, se, sw) that together are exactly this cell."""
        nw, ne, se, sw = self.corners
        north, east, south, west = self.middles
        centre = _mean([north, east, south, west])
        return [
            [nw, north, centre, west],
            [north, ne, east, centre],
            [centre, east, se, south],
            [west, centre, south, sw],
        ]


def _mean(points: list[Point]) -> Point:
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def build_grid(rows: int, cols: int, rng: random.Random) -> dict[tuple[int, int], Cell]:
    """Cells keyed by (row, col); row 0 is the north, col 0 the west."""
    west, north = CENTRE[0] - HALF_WIDTH, CENTRE[1] + HALF_HEIGHT
    dx, dy = 2 * HALF_WIDTH / cols, 2 * HALF_HEIGHT / rows

    def jitter(amount: float, size: float) -> float:
        return rng.uniform(-amount, amount) * size

    points: dict[tuple[int, int], Point] = {}
    for r in range(rows + 1):
        for c in range(cols + 1):
            x, y = west + c * dx, north - r * dy
            if 0 < r < rows and 0 < c < cols:  # the outline stays a square
                x, y = x + jitter(CORNER_JITTER, dx), y + jitter(CORNER_JITTER, dy)
            points[(r, c)] = (x, y)

    def middle(a: tuple[int, int], b: tuple[int, int], on_outline: bool) -> Point:
        (x1, y1), (x2, y2) = points[a], points[b]
        x, y = (x1 + x2) / 2, (y1 + y2) / 2
        if on_outline:
            return (x, y)
        if a[0] == b[0]:  # a west-east edge: move it north or south
            return (x, y + jitter(EDGE_JITTER, dy))
        return (x + jitter(EDGE_JITTER, dx), y)

    horizontal = {
        (r, c): middle((r, c), (r, c + 1), r in (0, rows))
        for r in range(rows + 1)
        for c in range(cols)
    }
    vertical = {
        (r, c): middle((r, c), (r + 1, c), c in (0, cols))
        for r in range(rows)
        for c in range(cols + 1)
    }
    return {
        (r, c): Cell(
            corners=(
                points[(r, c)],
                points[(r, c + 1)],
                points[(r + 1, c + 1)],
                points[(r + 1, c)],
            ),
            middles=(
                horizontal[(r, c)],
                vertical[(r, c + 1)],
                horizontal[(r + 1, c)],
                vertical[(r, c)],
            ),
        )
        for r in range(rows)
        for c in range(cols)
    }


def outline() -> list[Point]:
    west, east = CENTRE[0] - HALF_WIDTH, CENTRE[0] + HALF_WIDTH
    south, north = CENTRE[1] - HALF_HEIGHT, CENTRE[1] + HALF_HEIGHT
    return [(west, north), (east, north), (east, south), (west, south)]


def signed_area(ring: list[Point]) -> float:
    """Shoelace formula: positive for a counter-clockwise ring."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        total += x1 * y2 - x2 * y1
    return total / 2


def to_geojson(ring: list[Point]) -> dict:
    """A GeoJSON Polygon with a closed, counter-clockwise exterior ring (RFC 7946)."""
    if signed_area(ring) < 0:
        ring = list(reversed(ring))
    coordinates = [[round(x, 6), round(y, 6)] for x, y in ring]
    coordinates.append(coordinates[0])
    return {"type": "Polygon", "coordinates": [coordinates]}
