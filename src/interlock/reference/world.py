"""The world map's reference data, read once per process (docs/reference-data.md, "The map").

``data/world_110m.json``: country shapes (Natural Earth 1:110m, public domain), keyed by ISO 3166
alpha-3; ``data/headquarters_places.csv``: where the headquarters cities of the registry lie
(GeoNames, CC BY 4.0). Both are made by ``tools/world_map.py`` and cite their sources in
``sources.csv`` (``natural-earth-110m``, ``geonames-cities15000``).
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any

from interlock.domain.geography import Frame, Point, Ring, decode, path

DATA = Path(__file__).resolve().parent / "data"
FRAME = Frame()


def _world() -> dict[str, Any]:
    # Read by the two cached layers below, each once per process; the raw lists are not kept.
    return dict(json.loads((DATA / "world_110m.json").read_text(encoding="utf-8")))


@cache
def country_rings() -> dict[str, list[Ring]]:
    """Each country's rings (longitude, latitude), keyed by ISO 3166 alpha-3."""
    return {code: [decode(r) for r in rings] for code, rings in _world()["countries"].items()}


@cache
def country_paths() -> dict[str, str]:
    """Each country drawn on :data:`FRAME` as an SVG path."""
    return {code: path(rings, FRAME) for code, rings in country_rings().items()}


@cache
def land_path() -> str:
    """Every shape on the map as one path, the land under everything else (Antarctica lies
    below the frame's southern edge and is left out; Kosovo, which has no ISO 3166 code, is
    drawn here and never highlighted)."""
    rings = [r for code, rs in country_rings().items() if code != "ATA" for r in rs]
    # Whole units: the faint land needs no finer line, and the page is a third lighter.
    return path(rings + [decode(r) for r in _world()["unkeyed"]], FRAME, digits=0)


@cache
def headquarters_rows() -> dict[tuple[str, str], dict[str, str]]:
    """(city, ISO alpha-3 country) → the row of ``headquarters_places.csv`` as stored (its
    ``geonameid`` and ``source`` cite where the place comes from)."""
    with (DATA / "headquarters_places.csv").open(newline="", encoding="utf-8") as handle:
        return {(row["city"], row["country"]): row for row in csv.DictReader(handle)}


@cache
def headquarters_places() -> dict[tuple[str, str], Point]:
    """(city, ISO alpha-3 country) → (longitude, latitude) for the registry's headquarters."""
    return {
        key: (float(row["longitude"]), float(row["latitude"]))
        for key, row in headquarters_rows().items()
    }
