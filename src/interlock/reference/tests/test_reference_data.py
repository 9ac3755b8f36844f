"""The reference data of the sixth high-level meeting: faithful to the source, exact on any date,
idempotent to load, refused whole when a row is wrong."""

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
from django.db.models import Q

from interlock.committees.models import WorkingGroup
from interlock.core.models import AuditEvent
from interlock.meetings.models import Delegation, DelegationLevel, Meeting
from interlock.reference.loader import DATA_DIR, ReferenceDataError, load
from interlock.registry.models import COUNTED_AS_MEMBER, Membership, Organization
from interlock.registry.selectors import membership_in_force, participants

MEETING_DAY = dt.date(2005, 7, 25)

# Member states on 25 July 2005, from each organization's public record (cited in sources.csv).
MEMBERS_ON_MEETING_DAY = {
    "UN": 191, "AU": 53, "CARICOM": 15, "CSTO": 6, "CIS": 12, "COMSEC": 53, "CPLP": 8, "COE": 46,
    "EU": 25, "ECCAS": 11, "LAS": 22, "NATO": 26, "OAS": 35, "OIC": 57, "OSCE": 55, "PIF": 16,
    "SCO": 6, "SADC": 13,
}  # fmt: skip
# And on later days that test the dated periods: accessions, withdrawals, exclusions.
MEMBERS_LATER = [
    ("UN", dt.date(2006, 6, 28), 192), ("UN", dt.date(2011, 7, 14), 193),
    ("EU", dt.date(2007, 1, 1), 27), ("EU", dt.date(2013, 7, 1), 28), ("EU", dt.date(2020, 2, 1), 27),
    ("NATO", dt.date(2024, 3, 7), 32), ("COE", dt.date(2022, 3, 16), 46), ("COE", dt.date(2022, 3, 15), 47),
    ("OSCE", dt.date(2012, 11, 21), 57), ("AU", dt.date(2017, 1, 30), 55), ("SADC", dt.date(2005, 8, 1), 14),
    ("OPCW", dt.date(2022, 8, 31), 193),
]  # fmt: skip


def members_on(acronym: str, day: dt.date) -> int:
    return Membership.objects.filter(
        membership_in_force(day), organization__acronym=acronym, status__in=COUNTED_AS_MEMBER
    ).count()


@pytest.mark.django_db
@pytest.mark.parametrize(("acronym", "expected"), sorted(MEMBERS_ON_MEETING_DAY.items()))
def test_membership_on_the_meeting_day_matches_the_public_record(
    acronym: str, expected: int
) -> None:
    assert members_on(acronym, MEETING_DAY) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("acronym", "day", "expected"), MEMBERS_LATER)
def test_membership_follows_accessions_and_withdrawals(
    acronym: str, day: dt.date, expected: int
) -> None:
    assert members_on(acronym, day) == expected


@pytest.mark.django_db
def test_the_twenty_organizations_of_paragraph_11_and_the_un_are_registered() -> None:
    assert participants().count() == 20
    assert Organization.objects.count() == 22  # with the UN and its research partner (¶7f)
    assert Delegation.objects.filter(meeting__number=6).count() == 20
    assert not Delegation.objects.filter(organization__acronym="UN").exists()


@pytest.mark.django_db
def test_every_organization_without_a_member_list_says_so_rather_than_inventing_one() -> None:
    unrecorded = set(
        participants().filter(membership_recorded=False).values_list("acronym", flat=True)
    )
    assert unrecorded == {"INTERPOL", "OIF"}
    assert not Membership.objects.filter(organization__acronym__in=unrecorded).exists()


@pytest.mark.django_db
def test_every_fact_cites_its_source() -> None:
    assert not Membership.objects.filter(source__isnull=True).exists()
    for organization in Organization.objects.all():
        assert organization.kind_source_id
        assert organization.membership_recorded == (organization.membership_source_id is not None)
    # Delegations registered in the app by their organization are their own source.
    reference = Delegation.objects.filter(registered_by__isnull=True)
    assert reference.exists() and not reference.filter(source__isnull=True).exists()
    assert not Meeting.objects.filter(series__key="high-level", source__isnull=True).exists()


@pytest.mark.django_db
def test_the_head_level_figure_is_reported_not_attributed() -> None:
    meeting = Meeting.objects.get(series__key="high-level", number=6)
    assert (meeting.reported_participants, meeting.reported_head_level) == (20, 13)
    assert Delegation.objects.filter(meeting=meeting, level=DelegationLevel.UNKNOWN).count() == 20


@pytest.mark.django_db
def test_the_six_working_groups_are_listed_in_the_order_of_paragraph_4() -> None:
    # The group of leading personalities of the Appendix is kept beside them, but is not one.
    groups = WorkingGroup.objects.filter(kind="working_group")
    names = list(groups.values_list("key", flat=True))
    assert names[0] == "peacekeeping" and names[-1] == "un-reform-implications" and len(names) == 6


@pytest.mark.django_db
def test_loading_twice_changes_nothing() -> None:
    events_before = AuditEvent.objects.count()
    report = load()
    assert not report.changed, report.summary()
    assert AuditEvent.objects.count() == events_before


@pytest.mark.django_db
def test_a_changed_fact_is_updated_in_place_and_audited(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    _edit(
        data / "organizations.csv",
        lambda row: {**row, "hq_city": "Midrand"} if row["acronym"] == "AU" else row,
    )
    report = load(data)
    assert report.updated["organizations"] == 1
    assert Organization.objects.get(acronym="AU").headquarters_city == "Midrand"
    assert AuditEvent.objects.filter(action="reference.load").exists()


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _edit(path: Path, change) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, [change(row) for row in reader]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.django_db
def test_an_unknown_country_code_refuses_the_whole_load_naming_the_row(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    _edit(data / "organizations.csv", lambda row: {**row, "hq_city": "Changed"})
    _edit(
        data / "memberships.csv",
        lambda row: (
            {**row, "country": "XYZ"}
            if row["country"] == "MNE" and row["organization"] == "NATO"
            else row
        ),
    )
    with pytest.raises(ReferenceDataError) as refused:
        load(data)
    assert any("memberships.csv:" in e and "'XYZ'" in e for e in refused.value.errors)
    assert not Organization.objects.filter(headquarters_city="Changed").exists()  # nothing changed


@pytest.mark.django_db
def test_overlapping_membership_periods_refuse_the_load_naming_both_rows(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    with (data / "memberships.csv").open("a", encoding="utf-8") as handle:
        handle.write("EU,FRA,member,2000-01-01,day,,,eu-members,duplicate\n")
    with pytest.raises(ReferenceDataError) as refused:
        load(data)
    (error,) = [e for e in refused.value.errors if "overlapping" in e]
    assert "FRA in EU" in error and error.count("memberships.csv:") == 2


@pytest.mark.django_db
def test_inverted_dates_and_unknown_sources_are_refused(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    with (data / "memberships.csv").open("a", encoding="utf-8") as handle:
        handle.write("EU,NOR,member,2000-01-01,day,1999-01-01,,eu-members,\n")
        handle.write("EU,CHE,member,2000-01-01,day,,,no-such-source,\n")
    with pytest.raises(ReferenceDataError) as refused:
        load(data)
    text = "\n".join(refused.value.errors)
    assert "ends (1999-01-01) before it starts" in text
    assert "unknown source 'no-such-source'" in text
    assert not Membership.objects.filter(
        Q(country="NOR") | Q(country="CHE"), organization__acronym="EU"
    ).exists()


@pytest.mark.django_db
def test_the_opcw_list_is_every_state_party_of_2022_with_dates_where_a_record_gives_them() -> None:
    opcw = Membership.objects.filter(organization__acronym="OPCW")
    parties = set(opcw.values_list("country", flat=True))
    # The 193 parties: every UN member but the four outside the Convention, and four non-members.
    assert len(parties) == 193
    assert not parties & {"EGY", "ISR", "PRK", "SSD"} and {"COK", "NIU", "PSE", "VAT"} <= parties
    dated = opcw.exclude(started_precision="by")
    assert dated.count() == 35  # Afghanistan to Chile, from the treaty database
    assert dated.get(country="KHM").started_on == dt.date(2005, 8, 18)  # the 170th State Party
    # Before August 2022 most dates are unrecorded: the count is a lower bound, not a fact.
    from interlock.registry.selectors import count_is_uncertain

    organization = Organization.objects.get(acronym="OPCW")
    assert count_is_uncertain(organization=organization, as_of=MEETING_DAY)
    assert not count_is_uncertain(organization=organization, as_of=dt.date(2026, 11, 24))


@pytest.mark.django_db
def test_the_research_partner_of_paragraph_7f_is_registered_as_such_not_as_a_participant() -> None:
    partner = Organization.objects.get(acronym="UNU-CRIS")
    assert partner.kind == "research_partner"
    assert partner.kind_source_id == "seed-p7f"
    assert partner.charter_basis_source_id is None
    assert partner.charter_basis == "not_declared"  # ¶7f says nothing of it
    assert not partner.memberships.exists()
    assert not participants().filter(pk=partner.pk).exists()
    assert not Delegation.objects.filter(organization=partner).exists()
