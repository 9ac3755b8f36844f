"""Planning a meeting, inviting, answering and registering delegations (¶7a, ¶7b, ¶7d)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from interlock.core.models import AuditEvent
from interlock.meetings import services
from interlock.meetings.models import Delegation, Invitation, Meeting, MeetingSeries
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db


def orgs(*acronyms):
    return list(Organization.objects.filter(acronym__in=acronyms))


def plan(cast, **overrides):
    values = {
        "series": MeetingSeries.objects.get(key="high-level"),
        "number": 7,
        "title_en": "Seventh high-level meeting",
        "starts_on": dt.date(2027, 7, 21),
        "ends_on": dt.date(2027, 7, 22),
        "venue": "United Nations Headquarters, New York",
        "time_zone": "America/New_York",
    }
    return services.meeting_create(actor=cast["secretariat"], **{**values, **overrides})


def test_the_secretariat_plans_a_meeting_on_a_page_and_it_is_audited(client_for) -> None:
    page = client_for("secretariat").post(
        "/meetings/new/",
        {
            "series": "high-level",
            "number": 7,
            "title_en": "Seventh high-level meeting",
            "starts_on": "2027-07-21",
            "ends_on": "2027-07-22",
            "time_zone": "America/New_York",
            "venue": "New York",
        },
    )
    assert page.status_code == 302 and page["Location"] == "/meetings/high-level/7/"
    meeting = Meeting.objects.get(series__key="high-level", number=7)
    assert meeting.status == "planned"
    assert AuditEvent.objects.filter(action="meeting.create", target_id=str(meeting.pk)).exists()


def test_an_htmx_form_with_a_meeting_ending_before_it_starts_is_refused_in_place(
    client_for,
) -> None:
    page = client_for("secretariat").post(
        "/meetings/new/",
        {
            "series": "high-level",
            "number": 7,
            "title_en": "Seventh",
            "starts_on": "2027-07-22",
            "ends_on": "2027-07-21",
            "time_zone": "America/New_York",
            "venue": "New York",
        },
        HTTP_HX_REQUEST="true",
    )
    assert page.status_code == 200
    assert "The meeting cannot end before it starts." in page.content.decode()
    assert not Meeting.objects.filter(series__key="high-level", number=7).exists()


def test_a_successful_htmx_form_redirects_the_whole_page(client_for) -> None:
    page = client_for("secretariat").post(
        "/meetings/series/new/",
        {"key": "pbc-guinea-bissau", "kind": "peacebuilding", "name": "PBC: Guinea-Bissau"},
        HTTP_HX_REQUEST="true",
    )
    assert page["HX-Redirect"] == "/meetings/?series=pbc-guinea-bissau"


def test_a_number_taken_in_the_series_is_refused(cast) -> None:
    plan(cast)
    with pytest.raises(ValidationError, match="already has a meeting with this number"):
        plan(cast)


def test_only_the_secretariat_plans_meetings(cast) -> None:
    with pytest.raises(PermissionDenied):
        plan(cast | {"secretariat": cast["owner"]})


def test_the_sixth_meeting_stays_as_the_reference_data_has_it(cast) -> None:
    sixth = Meeting.objects.get(series__key="high-level", number=6)
    with pytest.raises(ValidationError, match="cited source"):
        services.meeting_update(
            actor=cast["secretariat"], meeting=sixth, expected_version=sixth.version, venue="x"
        )
    with pytest.raises(ValidationError, match="cited source"):
        services.meeting_invite(actor=cast["secretariat"], meeting=sixth, organizations=orgs("AU"))


def test_a_stale_edit_is_refused_and_nothing_is_lost(cast) -> None:
    meeting = plan(cast)
    read_by_two = meeting.version
    services.meeting_update(
        actor=cast["secretariat"], meeting=meeting, expected_version=read_by_two, chair="A"
    )
    with pytest.raises(services.ConflictError):
        services.meeting_update(
            actor=cast["secretariat"],
            meeting=Meeting.objects.get(pk=meeting.pk),
            expected_version=read_by_two,
            chair="B",
        )
    assert Meeting.objects.get(pk=meeting.pk).chair == "A"


def test_inviting_moves_a_planned_meeting_on_and_statuses_only_go_forward(cast) -> None:
    meeting = plan(cast)
    with pytest.raises(ValidationError, match="Invite at least one"):
        services.meeting_set_status(
            actor=cast["secretariat"], meeting=meeting, status="invited", expected_version=1
        )
    services.meeting_invite(
        actor=cast["secretariat"], meeting=meeting, organizations=orgs("AU", "EU")
    )
    meeting.refresh_from_db()
    assert meeting.status == "invited"
    with pytest.raises(ValidationError, match="every status in turn"):
        services.meeting_set_status(
            actor=cast["secretariat"],
            meeting=meeting,
            status="concluded",
            expected_version=meeting.version,
        )
    services.meeting_set_status(
        actor=cast["secretariat"],
        meeting=meeting,
        status="convened",
        expected_version=meeting.version,
    )
    with pytest.raises(ValidationError, match="does not go back"):
        services.meeting_set_status(
            actor=cast["secretariat"],
            meeting=meeting,
            status="invited",
            expected_version=meeting.version,
        )


def test_a_liaison_official_registers_the_delegation_and_the_figures_follow(cast, client) -> None:
    meeting = plan(cast)
    services.meeting_invite(
        actor=cast["secretariat"], meeting=meeting, organizations=orgs("AU", "EU")
    )
    client.force_login(cast["partner"])
    page = client.post(
        "/meetings/high-level/7/delegation/",
        {"level": "deputy", "head_name": "High Representative", "members": "Adviser A\nAdviser B"},
    )
    assert page.status_code == 302
    delegation = Delegation.objects.get(meeting=meeting, organization__acronym="EU")
    assert delegation.member_list == ["Adviser A", "Adviser B"]
    assert Invitation.objects.get(meeting=meeting, organization__acronym="EU").answer == "accepted"
    figures = client.get("/meetings/high-level/7/").context["figures"]
    assert figures.counted_participants == 1
    assert dict((level, n) for level, _, n in figures.by_level)["deputy"] == 1


def test_a_delegation_for_an_organization_not_invited_is_refused(cast) -> None:
    meeting = plan(cast)
    services.meeting_invite(actor=cast["secretariat"], meeting=meeting, organizations=orgs("EU"))
    with pytest.raises(ValidationError, match="was not invited"):
        services.delegation_register(
            actor=cast["owner"],
            meeting=meeting,
            organization=Organization.objects.get(acronym="AU"),
            level="head",
            head_name="Chairperson",
        )
    assert not Delegation.objects.filter(meeting=meeting).exists()


def test_a_second_registration_for_the_same_organization_is_refused(cast) -> None:
    meeting = plan(cast)
    au = Organization.objects.get(acronym="AU")
    services.meeting_invite(actor=cast["secretariat"], meeting=meeting, organizations=[au])
    register = dict(actor=cast["owner"], meeting=meeting, organization=au, head_name="Chair")
    services.delegation_register(level="head", **register)
    with pytest.raises(ValidationError, match="already registered"):
        services.delegation_register(level="other", **register)
    assert Delegation.objects.get(meeting=meeting, organization=au).level == "head"


def test_a_member_does_not_answer_for_the_organization(cast) -> None:
    meeting = plan(cast)
    au = Organization.objects.get(acronym="AU")
    services.meeting_invite(actor=cast["secretariat"], meeting=meeting, organizations=[au])
    with pytest.raises(PermissionDenied, match="liaison official"):
        services.delegation_register(
            actor=cast["owner_member"],
            meeting=meeting,
            organization=au,
            level="head",
            head_name="X",
        )


def test_the_sixth_meeting_marks_its_head_level_figure_as_not_confirmed(client) -> None:
    body = client.get("/meetings/6/").content.decode()
    assert "Not confirmed by the delegations recorded" in body


def test_the_secretariat_sees_the_annual_cycle_flagged(client_for, cast) -> None:
    page = client_for("secretariat").get("/meetings/")
    cycle = {year.year: year for year in page.context["cycle"]}
    assert cycle and all(not year.in_order for year in cycle.values())  # no Council meetings held
    assert "annual-cycle" in page.content.decode()
    assert "annual-cycle" not in client_for("owner").get("/meetings/").content.decode()


def test_planning_beside_the_councils_meeting_proposes_dates_that_coincide(
    client_for, cast
) -> None:
    council = MeetingSeries.objects.get(key="security-council")
    plan(
        cast,
        series=council,
        number=1,
        title_en="Council and regional organizations",
        starts_on=dt.date(2027, 7, 20),
        ends_on=dt.date(2027, 7, 20),
    )
    form = client_for("secretariat").get("/meetings/new/?year=2027").context["form"]
    assert (form.initial["starts_on"], form.initial["ends_on"]) == (
        dt.date(2027, 7, 20),
        dt.date(2027, 7, 21),
    )
    plan(cast, starts_on=dt.date(2027, 7, 20), ends_on=dt.date(2027, 7, 21))
    page = client_for("secretariat").get("/meetings/")
    (year,) = [y for y in page.context["cycle"] if y.year == 2027]
    assert year.in_order
