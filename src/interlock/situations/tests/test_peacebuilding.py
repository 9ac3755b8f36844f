"""Peacebuilding Commission configurations: seats for regional organizations proposed from the
record and adopted by the secretariat (Annex II ¶8)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from interlock.core.models import AuditEvent
from interlock.registry.models import Country
from interlock.situations import services
from interlock.situations.models import (
    Capability,
    ConfigurationSeat,
    PeacebuildingConfiguration,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def configuration(cast, darfur):
    return services.configuration_create(
        actor=cast["secretariat"], country=Country.objects.get(pk="SDN"), situation=darfur
    )


def test_the_au_is_proposed_for_a_seat_from_its_membership_and_comparative_advantage(
    cast, world, configuration
) -> None:
    seats = services.seats_propose(actor=cast["secretariat"], configuration=configuration)
    by_org = {s.organization.acronym: s for s in seats}
    assert "AU" in by_org and "EU" not in by_org  # the EU is not a regional organization there
    codes = {r["code"]: r["params"] for r in by_org["AU"].reasons}
    assert codes["member_country"] == {"country": "SDN"}
    assert codes["comparative_advantage"] == {"domain": "mediation", "effectiveness": 0.9}
    assert by_org["AU"].status == "proposed"


def test_adopting_a_seat_twice_adopts_it_once_and_a_new_proposal_keeps_it(
    cast, world, configuration
) -> None:
    services.seats_propose(actor=cast["secretariat"], configuration=configuration)
    seat = ConfigurationSeat.objects.get(configuration=configuration, organization__acronym="AU")
    for _ in range(2):
        services.seat_adopt(actor=cast["secretariat"], seat=seat)
    assert AuditEvent.objects.filter(action="peacebuilding.seat_adopt").count() == 1
    services.seats_propose(actor=cast["secretariat"], configuration=configuration)
    seat.refresh_from_db()
    assert seat.status == "adopted"
    assert ConfigurationSeat.objects.filter(organization__acronym="AU").count() == 1


def test_only_the_secretariat_keeps_configurations(cast, darfur, configuration) -> None:
    with pytest.raises(PermissionDenied):
        services.configuration_create(actor=cast["owner"], country=Country.objects.get(pk="TCD"))
    with pytest.raises(PermissionDenied):
        services.seats_propose(actor=cast["owner"], configuration=configuration)


def test_bad_input_is_refused_and_nothing_changes(cast, darfur, configuration) -> None:
    with pytest.raises(ValidationError, match="already has a configuration"):
        services.configuration_create(
            actor=cast["secretariat"], country=Country.objects.get(pk="SDN")
        )
    with pytest.raises(ValidationError, match="same country"):
        services.configuration_create(
            actor=cast["secretariat"], country=Country.objects.get(pk="TCD"), situation=darfur
        )
    assert PeacebuildingConfiguration.objects.count() == 1


def test_the_pages_and_the_api(client_for, world, darfur) -> None:
    secretariat, owner = client_for("secretariat"), client_for("owner")
    response = secretariat.post(
        "/situations/peacebuilding/", {"country": "SDN", "situation": darfur.pk}
    )
    assert response.status_code == 302
    configuration = PeacebuildingConfiguration.objects.get()
    url = f"/situations/peacebuilding/{configuration.pk}/"
    assert secretariat.post(f"{url}propose/").status_code == 302
    page = secretariat.get(url).content.decode()
    assert "The country (Sudan) is among its members." in page and "Adopt the seat" in page
    assert "peacebuilding: Mediation" in page and "Demo data" not in page
    Capability.objects.filter(organization__acronym="AU").update(is_demo=True)
    assert "Demo data" in secretariat.get(url).content.decode()
    seat = ConfigurationSeat.objects.get(organization__acronym="AU")
    assert owner.post(f"/situations/peacebuilding/seats/{seat.pk}/adopt/").status_code == 403
    secretariat.post(f"/situations/peacebuilding/seats/{seat.pk}/adopt/")
    listing = owner.get("/situations/peacebuilding/").content.decode()
    assert "20 December 2005" in listing and "Record the configuration" not in listing
    (item,) = owner.get("/api/v1/peacebuilding/configurations").json()["items"]
    assert item["country"] == "SDN"
    assert [s["organization"] for s in item["seats"] if s["status"] == "adopted"] == ["AU"]
    again = secretariat.post("/situations/peacebuilding/", {"country": "SDN"}).content.decode()
    assert "already has a configuration" in again


def test_the_api_names_a_seats_reasons_in_the_readers_language_and_keeps_the_keys(
    cast, client_for, world, configuration
) -> None:
    from interlock.situations.models import CapabilityDomain

    services.seats_propose(actor=cast["secretariat"], configuration=configuration)
    client = client_for("owner")
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    (item,) = client.get("/api/v1/peacebuilding/configurations").json()["items"]
    (au,) = [s for s in item["seats"] if s["organization"] == "AU"]
    reasons = {r["code"]: r for r in au["reasons"]}
    advantage = reasons["comparative_advantage"]
    french = CapabilityDomain.objects.get(key="mediation").name_fr
    assert advantage["params"]["domain"] == "mediation"  # the key, as stored
    assert advantage["names"] == {"domain": french}
    assert french in advantage["words"] and "mediation" not in advantage["words"]
    member = reasons["member_country"]
    sudan = Country.objects.get(pk="SDN").name_fr
    assert member["params"] == {"country": "SDN"} and member["names"] == {"country": sudan}
    assert f"({sudan})" in member["words"]


@pytest.mark.parametrize("language", ["en", "ar", "es", "fr", "ru", "zh-hans"])
def test_a_subregion_seat_reason_names_the_subregion_in_the_readers_language(language) -> None:
    from django.utils import translation

    from interlock.registry.regions import region_name
    from interlock.situations.reasons import seat_in_words, seat_names

    reason = {"code": "same_subregion", "params": {"region": "014"}}
    with translation.override(language):
        names = seat_names(reason, {}, {})
        words = seat_in_words(reason, names)
        eastern_africa = region_name("014")
    assert names == {"region": eastern_africa} and eastern_africa in words
    assert "014" not in words and "M49" not in words
    if language == "en":
        assert words == "It has members in the country's subregion (Eastern Africa)."
    else:
        assert eastern_africa != "Eastern Africa" and "members" not in words
