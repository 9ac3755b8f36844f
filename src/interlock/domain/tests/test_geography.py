"""The map's geometry as plain rules: projection, simplification, paths, markers."""

import itertools
import math
import re

from hypothesis import given
from hypothesis import strategies as st

from interlock.domain.geography import (
    Frame,
    anchor,
    arc,
    area,
    centroid,
    decode,
    encode,
    equal_earth,
    path,
    simplify,
    spread,
)

longitudes = st.floats(min_value=-180, max_value=180)
latitudes = st.floats(min_value=-89, max_value=89)


def test_equal_earth_puts_the_origin_at_the_centre_and_the_world_within_its_published_extent():
    assert equal_earth(0, 0) == (0, 0)
    # Šavrič, Patterson and Jenny (2019): x within ±2.7066, y within ±1.3173.
    assert math.isclose(equal_earth(180, 0)[0], 2.7066, abs_tol=1e-4)
    assert math.isclose(equal_earth(0, 90)[1], 1.3173, abs_tol=1e-4)


@given(longitudes, latitudes)
def test_equal_earth_is_symmetric_about_the_equator_and_the_prime_meridian(lon, lat):
    x, y = equal_earth(lon, lat)
    assert equal_earth(-lon, lat) == (-x, y)
    assert equal_earth(lon, -lat) == (x, -y)


def test_equal_earth_keeps_areas_equal_wherever_they_lie():
    def projected_area(lat: float) -> float:  # a 1° × 1° cell at that latitude, projected
        corners = [(0, lat), (1, lat), (1, lat + 1), (0, lat + 1)]
        return abs(area([equal_earth(*c) for c in corners]))

    true_ratio = math.sin(math.radians(61)) - math.sin(math.radians(60))
    true_ratio /= math.sin(math.radians(1))
    assert math.isclose(projected_area(60) / projected_area(0), true_ratio, rel_tol=2e-3)


def test_the_frame_puts_the_date_line_at_its_edges_and_the_north_at_the_top():
    frame = Frame(width=1000, south=-58, north=84)
    assert frame.at(-180, 0)[0] == 0 and frame.at(180, 0)[0] == 1000
    assert frame.at(0, 84)[1] == 0
    assert math.isclose(frame.at(0, -58)[1], frame.height, abs_tol=1)
    assert frame.view_box == f"0 0 1000 {frame.height}"


def test_simplify_drops_points_on_a_straight_line_and_keeps_the_corners():
    square = [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2), (1, 2), (0, 2), (0, 1), (0, 0)]
    assert simplify(square, 0.1) == [(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)]


def test_simplify_returns_nothing_for_an_islet_smaller_than_the_tolerance():
    assert simplify([(0, 0), (0.01, 0), (0.01, 0.01), (0, 0)], 0.1) == []


@given(st.lists(st.tuples(longitudes, latitudes), min_size=3, max_size=40, unique=True))
def test_no_point_left_out_lies_farther_than_the_tolerance_from_the_simplified_line(points):
    tolerance = 5.0
    kept = simplify(points, tolerance)
    if not kept:
        return
    assert kept[0] == points[0] and kept[-1] == points[-1]
    index = [points.index(p) for p in kept]
    assert index == sorted(index)
    for a, b in itertools.pairwise(index):
        for p in points[a:b]:
            assert _distance(p, points[a], points[b]) <= tolerance + 1e-9


def _distance(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


@given(st.lists(st.tuples(longitudes, latitudes), min_size=1, max_size=30))
def test_a_stored_ring_reads_back_within_a_twentieth_of_a_degree(points):
    back = decode(encode(points))
    assert len(back) <= len(points)
    for lon, lat in back:
        assert any(abs(lon - x) <= 0.05 + 1e-9 and abs(lat - y) <= 0.05 + 1e-9 for x, y in points)


@given(st.lists(st.tuples(longitudes, latitudes), min_size=3, max_size=60), st.sampled_from([0, 1]))
def test_a_path_of_relative_moves_ends_where_the_ring_ends_without_drift(points, digits):
    frame = Frame()
    d = path([points], frame, digits=digits)
    numbers = [float(n) for n in re.findall(r"-?\d*\.?\d+", d)]
    x, y = numbers[0], numbers[1]
    for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
        x, y = x + dx, y + dy
    last = frame.at(*points[-1])
    allowed = 0.5 if digits == 0 else 0.05
    assert abs(x - last[0]) <= allowed + 1e-6 and abs(y - last[1]) <= allowed + 1e-6


def test_a_country_is_pointed_at_in_its_largest_ring():
    mainland = [(0, 0), (10, 0), (10, 10), (0, 10)]
    island = [(20, 20), (21, 20), (21, 21)]
    assert centroid(mainland) == (5, 5)
    assert anchor([island, mainland]) == (5, 5)
    assert anchor([]) is None


def test_an_arc_runs_from_its_start_to_its_end():
    d = arc((10, 20), (110, 20))
    assert d.startswith("M10 20Q") and d.endswith(" 110 20")


def test_markers_in_one_city_are_set_around_it_and_markers_elsewhere_stay_put():
    brussels, vienna = (500.0, 100.0), (530.0, 110.0)
    placed = spread([brussels, vienna, brussels, brussels], radius=9)
    assert placed[0] == brussels and placed[1] == vienna
    others = placed[2:]
    assert len(set(others)) == 2 and brussels not in others
    for p in others:
        assert math.isclose(math.dist(p, brussels), 18, abs_tol=0.2)
    assert math.dist(others[0], others[1]) >= 9
