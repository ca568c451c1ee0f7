import math

import pytest

from kansrijk.areas.geometry import (
    GeometryError,
    clean_geometry,
    count_positions,
    is_valid_ring,
    simplify_ring,
)


def _circle(n, radius=0.01, cx=5.0, cy=52.0):
    ring = [
        [cx + radius * math.cos(2 * math.pi * i / n), cy + radius * math.sin(2 * math.pi * i / n)]
        for i in range(n)
    ]
    return [*ring, ring[0]]


def _square(x, y, size):
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def test_it_drops_points_within_the_tolerance():
    ring = [(0, 0), (1, 0.00001), (2, 0), (2, 2), (0, 2), (0, 0)]
    assert simplify_ring(ring, 0.001) == [(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)]


def test_a_simplified_circle_keeps_a_closed_ring_of_at_least_four_points():
    cleaned = clean_geometry({"type": "Polygon", "coordinates": [_circle(500)]}, tolerance=0.005)
    ring = cleaned["coordinates"][0]
    assert 4 <= len(ring) < 500
    assert ring[0] == ring[-1]


def test_it_rounds_coordinates_to_five_decimals():
    square = [[5.123456789, 52.0], [5.2, 52.0], [5.2, 52.1], [5.123456789, 52.1]]
    cleaned = clean_geometry({"type": "Polygon", "coordinates": [square]})
    assert cleaned["coordinates"][0][0] == [5.12346, 52.0]
    assert cleaned["coordinates"][0][-1] == [5.12346, 52.0]  # closed, although input was not


def test_a_ring_smaller_than_the_tolerance_keeps_its_shape():
    tiny = _square(5.0, 52.0, 0.0001)
    cleaned = clean_geometry({"type": "Polygon", "coordinates": [tiny]}, tolerance=0.01)
    assert cleaned["coordinates"][0] == tiny


def test_islands_and_holes_smaller_than_a_metre_are_dropped():
    island = _square(5.0, 52.0, 0.1)
    speck = _square(6.0, 52.0, 0.000001)
    geometry = {"type": "MultiPolygon", "coordinates": [[island, speck], [speck]]}
    cleaned = clean_geometry(geometry)
    assert cleaned == {"type": "MultiPolygon", "coordinates": [[island]]}


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        ({"type": "Point", "coordinates": [5.0, 52.0]}, "geen \\(multi\\)polygoon maar Point"),
        ({"type": "Polygon", "coordinates": []}, "geen coördinaten"),
        ({"type": "Polygon", "coordinates": [[[5, 52], [6, 52], [5, 52]]]}, "minstens 4"),
        ({"type": "Polygon", "coordinates": [[[5, "x"], [6, 52], [6, 53], [5, 52]]]}, "ongeldige"),
        ({"type": "Polygon", "coordinates": [_square(155000, 463000, 100)]}, "WGS84"),
        ({"type": "Polygon", "coordinates": [_square(0, 0, 0.000001)]}, "te klein"),
        ("POLYGON((5 52, 6 52, 6 53, 5 52))", "geen GeoJSON"),
    ],
)
def test_it_rejects_what_is_not_a_usable_polygon(geometry, message):
    with pytest.raises(GeometryError, match=message):
        clean_geometry(geometry)


def test_it_counts_positions_of_polygons_and_multipolygons():
    square = _square(5, 52, 1)
    assert count_positions({"type": "Polygon", "coordinates": [square]}) == 5
    assert count_positions({"type": "MultiPolygon", "coordinates": [[square], [square]]}) == 10


@pytest.mark.parametrize(
    ("ring", "valid"),
    [
        ([(0, 0), (1, 0), (1, 1), (0, 0)], True),
        ([(0, 0), (1, 0), (0, 0)], False),
        ([(0, 0), (1, 0), (1, 1), (0, 1)], False),
        ([(0, 0), (1, 0), (0, 0), (0, 0)], False),
    ],
)
def test_a_valid_ring_is_closed_with_three_distinct_points(ring, valid):
    assert is_valid_ring(ring) is valid
