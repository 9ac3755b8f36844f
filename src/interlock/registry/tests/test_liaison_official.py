"""One high-level liaison official per organization (¶7d), with the history of who held the post."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from interlock.core.models import AuditEvent
from interlock.registry.models import LiaisonAppointment, Organization
from interlock.registry.services import liaison_appoint, liaison_end

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 1, 5)


@pytest.fixture
def au() -> Organization:
    return Organization.objects.get(acronym="AU")


def test_the_secretariat_appoints_a_liaison_official_and_it_is_audited(cast, au) -> None:
    appointment = liaison_appoint(
        actor=cast["secretariat"], organization=au, person_name="A. Official", started_on=DAY
    )
    assert appointment.is_active
    event = AuditEvent.objects.get(action="liaison.appoint")
    assert (event.actor, event.organization) == (cast["secretariat"], au)
    assert event.changes["person_name"] == [None, "A. Official"]


def test_a_second_liaison_official_is_refused_with_a_clear_message_and_nothing_changes(
    cast, au
) -> None:
    liaison_appoint(actor=cast["secretariat"], organization=au, person_name="First", started_on=DAY)
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError, match="already has a liaison official \\(First\\)"):
        liaison_appoint(
            actor=cast["secretariat"], organization=au, person_name="Second", started_on=DAY
        )
    assert list(au.liaison_appointments.values_list("person_name", flat=True)) == ["First"]
    assert AuditEvent.objects.count() == events


def test_replacing_ends_the_current_appointment_the_day_the_next_starts(cast, au) -> None:
    first = liaison_appoint(
        actor=cast["secretariat"], organization=au, person_name="First", started_on=DAY
    )
    later = DAY + dt.timedelta(days=30)
    liaison_appoint(
        actor=cast["secretariat"],
        organization=au,
        person_name="Second",
        started_on=later,
        replace_current=True,
    )
    first.refresh_from_db()
    assert first.ended_on == later
    assert au.liaison_appointments.filter(ended_on__isnull=True).get().person_name == "Second"


def test_the_database_itself_refuses_two_active_officials(au) -> None:
    LiaisonAppointment.objects.create(organization=au, person_name="One", started_on=DAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        LiaisonAppointment.objects.create(organization=au, person_name="Two", started_on=DAY)


@pytest.mark.parametrize("part", ["owner", "partner", "outsider", "researcher"])
def test_only_the_secretariat_may_appoint(cast, au, part: str) -> None:
    with pytest.raises(PermissionDenied):
        liaison_appoint(actor=cast[part], organization=au, person_name="X", started_on=DAY)


def test_the_liaison_user_must_belong_to_the_organization(cast, au) -> None:
    with pytest.raises(ValidationError, match="must belong to the organization"):
        liaison_appoint(
            actor=cast["secretariat"],
            organization=au,
            person_name="X",
            started_on=DAY,
            user=cast["partner"],
        )


def test_an_appointment_cannot_end_before_it_starts_or_twice(cast, au) -> None:
    appointment = liaison_appoint(
        actor=cast["secretariat"], organization=au, person_name="X", started_on=DAY
    )
    with pytest.raises(ValidationError):
        liaison_end(
            actor=cast["secretariat"], appointment=appointment, ended_on=DAY - dt.timedelta(days=1)
        )
    liaison_end(actor=cast["secretariat"], appointment=appointment, ended_on=DAY)
    with pytest.raises(ValidationError, match="already ended"):
        liaison_end(actor=cast["secretariat"], appointment=appointment, ended_on=DAY)


def test_the_page_form_refuses_a_second_official_with_the_message(client_for, au) -> None:
    secretariat = client_for("secretariat")
    form = {"person_name": "First", "started_on": "2026-01-05"}
    secretariat.post("/organizations/AU/liaison/", form)
    page = secretariat.post(
        "/organizations/AU/liaison/", {**form, "person_name": "Second"}, follow=True
    )
    assert "already has a liaison official" in page.content.decode()
    assert au.liaison_appointments.count() == 1


@pytest.mark.parametrize("part", ["owner", "partner", "outsider"])
def test_the_page_form_is_refused_to_everyone_but_the_secretariat(
    client_for, au, part: str
) -> None:
    response = client_for(part).post(
        "/organizations/AU/liaison/", {"person_name": "X", "started_on": "2026-01-05"}
    )
    assert response.status_code == 403
    assert not au.liaison_appointments.exists()


def test_the_anonymous_are_sent_to_sign_in(client) -> None:
    response = client.post(
        "/organizations/AU/liaison/", {"person_name": "X", "started_on": "2026-01-05"}
    )
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_the_organization_page_shows_the_official_and_the_history(client_for, cast, au) -> None:
    liaison_appoint(actor=cast["secretariat"], organization=au, person_name="First", started_on=DAY)
    liaison_appoint(
        actor=cast["secretariat"],
        organization=au,
        person_name="Second",
        started_on=DAY + dt.timedelta(days=9),
        replace_current=True,
    )
    body = client_for("anonymous").get("/organizations/AU/").content.decode()
    assert "<strong>Second</strong>" in body and "Who held the post" in body and "First" in body
