"""M49 regions and the cities of the reference data read in the reader's language."""

import csv
from pathlib import Path

from django.utils import translation

from interlock.registry.places import PLACES, place_name
from interlock.registry.regions import NAMES, region_name

DATA = Path(__file__).resolve().parents[2] / "reference" / "data"


def test_every_region_and_subregion_of_the_countries_has_its_m49_name() -> None:
    codes = set()
    for row in csv.DictReader((DATA / "countries.csv").open()):
        codes |= {row["region_code"], row["subregion_code"]} - {""}
    assert codes <= set(NAMES)


def test_regions_read_with_the_un_statistics_division_s_names() -> None:
    expected = {"fr": "Afrique australe", "es": "África meridional", "ru": "Южная часть Африки"}
    for language, name in expected.items():
        with translation.override(language):
            assert region_name("018") == name
    with translation.override("zh-hans"):
        assert region_name("150") == "欧洲"
    assert region_name("999", "Somewhere") == "Somewhere"


def test_every_headquarters_and_venue_of_the_reference_data_is_a_known_place() -> None:
    cities = {r["hq_city"] for r in csv.DictReader((DATA / "organizations.csv").open())}
    venues = {r["venue"] for r in csv.DictReader((DATA / "meetings.csv").open())}
    assert (cities | venues) - {""} <= set(PLACES)


def test_places_read_in_the_reader_s_language_and_others_as_typed() -> None:
    with translation.override("ar"):
        assert place_name("Addis Ababa") == "أديس أبابا"
    with translation.override("fr"):
        assert place_name("The Hague") == "La Haye"
        assert place_name("Kigali") == "Kigali"
