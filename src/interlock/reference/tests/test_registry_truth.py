"""What the registry states of each organization is what a source states: the Charter basis as
recorded (never inferred from the kind), kinds that follow their own rule, names and memberships
dated as they were."""

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from interlock.domain.kinds import kind_of_membership
from interlock.reference.loader import ReferenceDataError, load
from interlock.reference.tests.test_reference_data import _copy, _edit, members_on
from interlock.registry.models import (
    COUNTED_AS_MEMBER,
    CharterBasis,
    Country,
    Membership,
    Organization,
)
from interlock.registry.selectors import membership_in_force, participants

pytestmark = pytest.mark.django_db

MEETING_DAY = dt.date(2005, 7, 25)


def test_every_organization_states_a_charter_basis_its_source_states_or_not_declared() -> None:
    organizations = Organization.objects.select_related("charter_basis_source")
    assert organizations.count() == 22  # the UN, the 20 participants and the research partner
    for organization in organizations:
        if organization.charter_basis == CharterBasis.NOT_DECLARED:
            assert organization.charter_basis_source is None, organization.acronym
            assert not organization.acts_under_chapter_viii
            continue
        source = organization.charter_basis_source
        assert source is not None, f"{organization.acronym}: a basis without a source"
        assert source.title and source.locator, organization.acronym
        assert organization.charter_basis_on is not None, organization.acronym
        assert organization.charter_basis_words, organization.acronym
        assert source.key != "seed-p7e", "¶7e names no organization"


def test_only_a_recorded_chapter_viii_basis_makes_an_organization_act_under_chapter_viii() -> None:
    under_viii = {o.acronym for o in Organization.objects.all() if o.acts_under_chapter_viii}
    assert under_viii == {"OAS", "OSCE", "SADC"}
    nato = Organization.objects.get(acronym="NATO")
    assert nato.charter_basis == CharterBasis.ARTICLE_51 and not nato.acts_under_chapter_viii
    assert nato.charter_basis_source_id == "north-atlantic-treaty"
    assert Organization.objects.get(acronym="UN").charter_basis == CharterBasis.THE_CHARTER


def test_the_database_refuses_a_declared_basis_without_its_source() -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.filter(acronym="AU").update(charter_basis=CharterBasis.CHAPTER_VIII)
    assert Organization.objects.get(acronym="AU").charter_basis == CharterBasis.NOT_DECLARED


def test_the_loader_refuses_a_charter_basis_without_a_source_naming_the_row(
    tmp_path: Path,
) -> None:
    data = _copy(tmp_path)
    _edit(data / "organizations.csv", lambda row: {**row, "hq_city": "Changed"})
    _edit(
        data / "charter_bases.csv",
        lambda row: {**row, "basis": "chapter_viii"} if row["organization"] == "AU" else row,
    )
    with pytest.raises(ReferenceDataError) as refused:
        load(data)
    (error,) = [e for e in refused.value.errors if "AU" in e and "no source" in e]
    assert error.startswith("charter_bases.csv:3:")
    assert "or record 'not_declared'" in error
    assert not Organization.objects.filter(headquarters_city="Changed").exists()  # nothing changed
    assert Organization.objects.get(acronym="AU").charter_basis == CharterBasis.NOT_DECLARED


def test_the_loader_refuses_an_organization_without_a_charter_basis_row(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    lines = (data / "charter_bases.csv").read_text(encoding="utf-8").splitlines()
    (data / "charter_bases.csv").write_text(
        "\n".join(line for line in lines if not line.startswith("SADC,")) + "\n", encoding="utf-8"
    )
    with pytest.raises(ReferenceDataError) as refused:
        load(data)
    assert any(e.startswith("charter_bases.csv: SADC has no row") for e in refused.value.errors)


def _kinds_by_the_rule(day: dt.date) -> dict[str, str | None]:
    subregions_of_region: dict[str, set[str]] = defaultdict(set)
    for region, subregion in Country.objects.exclude(region_code="").values_list(
        "region_code", "subregion_code"
    ):
        subregions_of_region[region].add(subregion)
    regions: dict[str, set[str]] = defaultdict(set)
    subregions: dict[str, set[str]] = defaultdict(set)
    members = Membership.objects.filter(
        membership_in_force(day), status__in=COUNTED_AS_MEMBER
    ).values_list("organization__acronym", "country__region_code", "country__subregion_code")
    for acronym, region, subregion in members:
        regions[acronym].add(region)
        subregions[acronym].add(subregion)
    return {
        acronym: kind_of_membership(
            regions=regions[acronym],
            subregions=subregions[acronym],
            subregions_of_region=subregions_of_region,
        )
        for acronym in regions
    }


@pytest.mark.parametrize("day", [MEETING_DAY, None], ids=["2005-07-25", "today"])
def test_every_kind_follows_the_stated_rule_on_the_day(day: dt.date | None) -> None:
    by_rule = _kinds_by_the_rule(day or timezone.localdate())
    recorded = dict(participants().values_list("acronym", "kind"))
    with_lists = {a for a in recorded if a in by_rule}
    # Only the two organizations without a recorded member list escape the rule.
    assert set(recorded) - with_lists == {"INTERPOL", "OIF"}
    assert {a: by_rule[a] for a in with_lists} == {a: recorded[a] for a in with_lists}


def test_the_un_is_its_own_kind_cited_to_the_charter_not_paragraph_11() -> None:
    un = Organization.objects.select_related("kind_source").get(acronym="UN")
    assert un.kind == "united_nations"
    assert un.kind_source.key == "un-charter-preamble"
    assert "Charter of the United Nations" in un.kind_source.title


def test_the_oic_bears_the_name_in_use_on_each_day() -> None:
    oic = Organization.objects.prefetch_related("former_names").get(acronym="OIC")
    assert oic.named_on(MEETING_DAY).name_en == "Organization of the Islamic Conference"
    assert oic.named_on(dt.date(2011, 6, 27)).name_en == "Organization of the Islamic Conference"
    assert oic.named_on(dt.date(2011, 6, 28)).name_en == "Organisation of Islamic Cooperation"
    assert oic.named_on(timezone.localdate()).name_en == "Organisation of Islamic Cooperation"


def test_the_osce_was_the_csce_until_1995() -> None:
    osce = Organization.objects.prefetch_related("former_names").get(acronym="OSCE")
    assert osce.named_on(dt.date(1994, 12, 31)).short_name_en == "CSCE"
    assert osce.named_on(dt.date(1995, 1, 1)).short_name_en == "OSCE"


def test_the_2005_meeting_keeps_the_2005_names(client) -> None:
    body = client.get("/meetings/6/").content.decode()
    assert "Organization of the Islamic Conference" in body
    assert "Islamic Cooperation" not in body


def test_the_organization_page_names_the_organization_as_of_its_day(client) -> None:
    then = client.get("/organizations/OIC/", {"as_of": "2005-07-25"}).content.decode()
    now = client.get("/organizations/OIC/").content.decode()
    assert "<h1>Organization of the Islamic Conference" in then
    assert "<h1>Organisation of Islamic Cooperation" in now
    assert "Former names" in now and "oic-oci.org" in now


def test_csto_members_are_members_from_the_charter_s_entry_into_force_not_its_signature() -> None:
    assert members_on("CSTO", dt.date(2002, 10, 7)) == 0
    assert members_on("CSTO", dt.date(2003, 9, 17)) == 0
    assert members_on("CSTO", dt.date(2003, 9, 18)) == 6
    founders = Membership.objects.filter(organization__acronym="CSTO", started_on="2003-09-18")
    assert set(founders.values_list("source", flat=True)) == {"csto-charter-in-force"}


def test_the_organization_page_shows_the_basis_its_source_and_date(client) -> None:
    body = client.get("/organizations/OAS/").content.decode()
    assert "is a regional agency" in body
    assert "Charter of the Organization of American States" in body and "Article 1" in body
    assert "30 April 1948" in body or "April 30, 1948" in body
    au = client.get("/organizations/AU/").content.decode()
    assert "Not declared" in au


def test_the_api_gives_the_basis_its_source_date_and_the_names(client) -> None:
    oas = client.get("/api/v1/organizations/OAS").json()
    assert oas["charter_basis"] == "chapter_viii"
    assert oas["charter_basis_on"] == "1948-04-30"
    assert oas["charter_basis_source"]["locator"] == "Article 1"
    au = client.get("/api/v1/organizations/AU").json()
    assert au["charter_basis"] == "not_declared" and au["charter_basis_source"] is None
    oic = client.get("/api/v1/organizations/OIC", {"as_of": "2005-07-25"}).json()
    assert oic["name_as_of_en"] == "Organization of the Islamic Conference"
    assert oic["name_en"] == "Organisation of Islamic Cooperation"
    assert oic["former_names"][0]["valid_until"] == "2011-06-28"


def test_oas_members_are_members_from_their_ratification_not_the_signature_in_bogota() -> None:
    members = Membership.objects.filter(organization__acronym="OAS")
    assert members.get(country="ARG").started_on == dt.date(1956, 4, 10)
    assert members.get(country="MEX").started_on == dt.date(1951, 12, 13)  # entry into force
    assert members.get(country="BRB").started_on == dt.date(1967, 11, 15)
    # Three founders' ratifications are not recorded here: their rows say so.
    for code in ("USA", "URY", "VEN"):
        assert "not recorded here" in members.get(country=code).note


def test_cis_founding_states_count_from_their_ratification_of_the_agreement() -> None:
    cis = Membership.objects.filter(organization__acronym="CIS")
    assert cis.get(country="AZE").started_on == dt.date(1993, 9, 24)
    assert cis.get(country="MDA").started_on == dt.date(1994, 4, 8)
    assert members_on("CIS", dt.date(1991, 12, 21)) == 3  # Belarus, Russia, Ukraine
    assert not cis.filter(started_on__in=["1991-12-08", "1991-12-21"]).exists()


def test_eccas_founders_are_members_from_the_treaty_s_entry_into_force() -> None:
    assert members_on("ECCAS", dt.date(1984, 12, 17)) == 0
    assert members_on("ECCAS", dt.date(1984, 12, 18)) == 10


def test_every_membership_still_dated_from_a_signature_says_so() -> None:
    signatures = {
        ("COE", dt.date(1949, 5, 5)),
        ("LAS", dt.date(1945, 3, 22)),
        ("OAS", dt.date(1948, 4, 30)),
    }
    for acronym, day in signatures:
        rows = Membership.objects.filter(organization__acronym=acronym, started_on=day)
        assert rows.exists(), (acronym, day)
        for row in rows:
            assert "the day its ratification took effect is not recorded here" in row.note
    assert not Membership.objects.filter(
        organization__acronym__in=["CSTO", "ECCAS"], started_on__in=["2002-10-07", "1983-10-18"]
    ).exists()


def test_an_edit_that_declares_a_basis_without_its_source_is_refused_with_a_reason() -> None:
    from django.core.exceptions import ValidationError

    au = Organization.objects.get(acronym="AU")
    au.charter_basis = CharterBasis.CHAPTER_VIII
    with pytest.raises(ValidationError) as refused:
        au.full_clean()
    assert "needs its source and date" in str(refused.value)
    assert Organization.objects.get(acronym="AU").charter_basis == CharterBasis.NOT_DECLARED
