"""The map's reference data: small, keyed by ISO 3166, every headquarters located where it lies."""

import csv

import pycountry

from interlock.domain.geography import path
from interlock.reference import world


def test_the_shipped_shapes_are_small_and_keyed_by_iso_3166_alpha_3() -> None:
    assert (world.DATA / "world_110m.json").stat().st_size < 150_000
    codes = set(world.country_rings())
    assert len(codes) > 170
    assert all(pycountry.countries.get(alpha_3=code) for code in codes), codes
    assert {"SDN", "IDN", "LKA", "IND", "THA", "CYP", "SOM", "UKR"} <= codes
    assert not {"CYN", "SOL"} & codes  # drawn as part of Cyprus and Somalia


def test_every_headquarters_of_the_registry_is_located_in_its_own_country() -> None:
    places = world.headquarters_places()
    with (world.DATA / "organizations.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            longitude, latitude = places[(row["hq_city"], row["hq_country"])]
            rings = world.country_rings()[row["hq_country"]]
            # Within its country's outline, give or take a degree (coastal cities at 1:110m).
            assert any(
                min(x for x, _ in r) - 1 <= longitude <= max(x for x, _ in r) + 1
                and min(y for _, y in r) - 1 <= latitude <= max(y for _, y in r) + 1
                for r in rings
            ), row["hq_city"]


def test_the_land_layer_leaves_antarctica_out_and_is_drawn_once() -> None:
    land = world.land_path()
    assert land is world.land_path()
    assert len(land) < 60_000
    antarctica = path(world.country_rings()["ATA"], world.FRAME, digits=0)
    assert antarctica and antarctica not in land
    assert path(world.country_rings()["SDN"], world.FRAME, digits=0) in land
