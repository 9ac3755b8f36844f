"""The world drawn as SVG, in plain Python: projection, simplification and the shapes of a map.

Countries are rings of (longitude, latitude) in degrees; the shipped shapes
(``reference/data/world_110m.json``) store them as flat lists of integers in tenths of a degree.
The projection is the Equal Earth projection (Šavrič, Patterson and Jenny, International Journal
of Geographical Information Science 33:3, 2019): equal-area, so no region looks larger than it
is, and a closed formula. Everything here is a pure function of its arguments; pages draw what it
returns inside an ``<svg>`` whose viewBox is :attr:`Frame.view_box`, so the map scales to any
width.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Point = tuple[float, float]
Ring = list[Point]

# Equal Earth's constants, as published.
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(longitude: float, latitude: float) -> Point:
    """Projected (x, y) of a place, y growing northwards; x in about [-2.71, 2.71]."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (2 * math.sqrt(3) * lam * math.cos(theta)) / (
        3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1)
    )
    y = theta * (_A4 * t6 * t2 + _A3 * t6 + _A2 * t2 + _A1)
    return x, y


def decode(flat: Sequence[int]) -> Ring:
    """A stored ring (longitude, latitude, longitude, … in tenths of a degree) as points."""
    return [(flat[i] / 10, flat[i + 1] / 10) for i in range(0, len(flat) - 1, 2)]


def encode(ring: Ring) -> list[int]:
    """The inverse of :func:`decode`, dropping points that round onto the one before."""
    flat: list[int] = []
    for longitude, latitude in ring:
        point = [round(longitude * 10), round(latitude * 10)]
        if flat[-2:] != point:
            flat += point
    return flat


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas–Peucker: the ring's points that lie farther than ``tolerance`` (degrees) from the
    simplified outline, first and last point always kept. A ring that shrinks below a triangle
    is returned empty (an islet smaller than the map can show)."""
    if len(ring) < 3:
        return []
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        far, index = 0.0, -1
        for i in range(first + 1, last):
            distance = _distance_to_segment(ring[i], ring[first], ring[last])
            if distance > far:
                far, index = distance, i
        if index >= 0 and far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    kept = [p for p, k in zip(ring, keep, strict=True) if k]
    distinct = {p for p in kept}
    return kept if len(distinct) >= 3 else []


def _distance_to_segment(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def area(ring: Ring) -> float:
    """Signed planar area of a ring in square degrees (the shoelace formula)."""
    return (
        sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def centroid(ring: Ring) -> Point:
    """The planar centroid of a ring (its vertices' mean where the ring has no area)."""
    a = area(ring)
    if a == 0:
        return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return cx / (6 * a), cy / (6 * a)


def anchor(rings: Iterable[Ring]) -> Point | None:
    """Where a country is pointed at: the centroid of its largest ring (mainland, not islands)."""
    largest = max((r for r in rings if r), key=lambda r: abs(area(r)), default=None)
    return centroid(largest) if largest else None


@dataclass(frozen=True)
class Frame:
    """Projected coordinates mapped onto a viewBox ``width`` wide, north up, cut at ``south``
    and ``north`` (degrees of latitude)."""

    width: int = 1000
    south: float = -58.0
    north: float = 84.0

    @property
    def _scale(self) -> float:
        return self.width / (2 * equal_earth(180, 0)[0])

    @property
    def height(self) -> int:
        return math.ceil(
            (equal_earth(0, self.north)[1] - equal_earth(0, self.south)[1]) * self._scale
        )

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    def at(self, longitude: float, latitude: float) -> Point:
        """The place's position in the viewBox (origin top left)."""
        x, y = equal_earth(longitude, latitude)
        top = equal_earth(0, self.north)[1]
        return round((x * self._scale) + self.width / 2, 1), round((top - y) * self._scale, 1)


def path(rings: Iterable[Ring], frame: Frame, digits: int = 1) -> str:
    """The rings as one SVG path: absolute first point, then relative moves rounded to
    ``digits`` decimals of a unit (short text; each move is measured from where the rounded
    ones before it arrived, so rounding never drifts)."""
    parts: list[str] = []
    for ring in rings:
        points = [frame.at(lon, lat) for lon, lat in ring]
        if len(points) < 3:
            continue
        (x0, y0), previous = points[0], points[0]
        steps: list[str] = []
        for x, y in points[1:]:
            dx, dy = round(x - previous[0], digits), round(y - previous[1], digits)
            if dx or dy:
                steps.append(f"{_num(dx)} {_num(dy)}")
                previous = (round(previous[0] + dx, 1), round(previous[1] + dy, 1))
        parts.append(f"M{_num(x0)} {_num(y0)}l" + " ".join(steps) + "z")
    return "".join(parts)


def _num(value: float) -> str:
    """A coordinate in the fewest characters: ``12``, ``-3.5``, ``.5``."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    if text in ("", "-0"):
        return "0"
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def arc(start: Point, end: Point, bend: float = 0.18) -> str:
    """A gentle curve from ``start`` to ``end`` (viewBox points) as an SVG path: a quadratic
    Bézier whose control point sits ``bend`` × the distance off the middle, to the left of the
    way, so that lines from one place to another do not hide each other."""
    (x1, y1), (x2, y2) = start, end
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    cx, cy = mx + (y1 - y2) * bend, my + (x2 - x1) * bend
    return f"M{_num(x1)} {_num(y1)}Q{_num(round(cx, 1))} {_num(round(cy, 1))} {_num(x2)} {_num(y2)}"


def spread(points: Sequence[Point], radius: float) -> list[Point]:
    """Marker positions for ``points``: markers closer than ``radius`` to an earlier one (the
    EU and NATO both in Brussels) are set around that place on a circle, in order, so every
    marker stays visible and the first keeps the place itself."""
    placed: list[Point] = []
    groups: dict[int, int] = {}  # index of a group's first marker → markers set around it
    for point in points:
        home = next(
            (
                i
                for i, q in enumerate(points[: len(placed)])
                if i in groups and _near(point, q, radius)
            ),
            None,
        )
        if home is None:
            groups[len(placed)] = 0
            placed.append(point)
            continue
        groups[home] += 1
        turn = math.radians(-90 + 60 * (groups[home] - 1))
        x, y = points[home]
        placed.append(
            (round(x + 2 * radius * math.cos(turn), 1), round(y + 2 * radius * math.sin(turn), 1))
        )
    return placed


def _near(p: Point, q: Point, radius: float) -> bool:
    return math.hypot(p[0] - q[0], p[1] - q[1]) < radius
