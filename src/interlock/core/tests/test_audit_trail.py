"""The audit trail: append-only, readable by the secretariat in the interface and the API."""

import pytest
from django.db import DatabaseError, connection, transaction

from interlock.core.models import AuditEvent
from interlock.core.services import audit_record
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(cast) -> AuditEvent:
    return audit_record(
        actor=cast["secretariat"],
        action="test.write",
        target=Organization.objects.get(acronym="AU"),
    )


def test_an_event_records_who_on_behalf_of_whom_and_what(event, cast) -> None:
    assert event.actor_label == "secretariat"
    assert event.organization.acronym == "UN"
    assert (event.target_type, event.target_label) == ("registry.organization", "African Union")


def test_the_orm_refuses_to_change_or_delete_events(event) -> None:
    with pytest.raises(TypeError):
        AuditEvent.objects.filter(pk=event.pk).update(action="forged")
    with pytest.raises(TypeError):
        AuditEvent.objects.filter(pk=event.pk).delete()


def test_the_database_refuses_raw_updates_and_deletes(event) -> None:
    for statement in (
        "UPDATE core_auditevent SET action = 'forged'",
        "DELETE FROM core_auditevent",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert AuditEvent.objects.get(pk=event.pk).action == "test.write"


@pytest.mark.parametrize(
    ("part", "status"),
    [
        ("secretariat", 200),
        ("owner", 403),
        ("partner", 403),
        ("outsider", 403),
        ("researcher", 403),
        ("anonymous", 302),  # sent to sign in
    ],
)
def test_only_the_secretariat_reads_the_audit_page(
    client_for, event, part: str, status: int
) -> None:
    response = client_for(part).get("/audit/")
    assert response.status_code == status
    assert ("test.write" in response.content.decode()) == (status == 200)


@pytest.mark.parametrize(
    ("part", "status"),
    [("secretariat", 200), ("owner", 403), ("outsider", 403), ("anonymous", 401)],
)
def test_only_the_secretariat_reads_the_audit_api(
    client_for, event, part: str, status: int
) -> None:
    response = client_for(part).get("/api/v1/audit")
    assert response.status_code == status
    if status == 200:
        assert response.json()["items"][0]["action"] == "test.write"
