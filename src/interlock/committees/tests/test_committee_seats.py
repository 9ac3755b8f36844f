"""The secretariat seats organizations on the standing committee and ends seats on its page; a
second seat for the same organization, or an end before the start, is refused."""

import datetime as dt

import pytest

from interlock.committees.models import CommitteeMember
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db
PAGE = "/groups/standing-committee/"


def test_the_secretariat_seats_an_organization_and_ends_the_seat(cast, client_for) -> None:
    client = client_for("secretariat")
    au = Organization.objects.get(acronym="AU")
    client.post(PAGE + "seats/", {"organization": au.pk, "person_name": "A. Envoy",
                                  "started_on": "2026-01-01"})  # fmt: skip
    seat = CommitteeMember.objects.get(organization=au)
    assert "A. Envoy" in client_for("anonymous").get(PAGE).content.decode()
    twice = client.post(PAGE + "seats/", {"organization": au.pk, "started_on": "2026-02-01"},
                        follow=True)  # fmt: skip
    assert "already holds a seat" in twice.content.decode()
    early = client.post(PAGE + f"seats/{seat.pk}/end/", {"ended_on": "2025-12-31"}, follow=True)
    assert "cannot end before it starts" in early.content.decode()
    client.post(PAGE + f"seats/{seat.pk}/end/", {"ended_on": "2026-06-30"})
    seat.refresh_from_db()
    assert seat.ended_on == dt.date(2026, 6, 30)
    assert "A. Envoy" not in client_for("anonymous").get(PAGE).content.decode()


def test_only_the_secretariat_seats_or_ends_seats(cast, client_for) -> None:
    au = Organization.objects.get(acronym="AU")
    seat = CommitteeMember.objects.create(organization=au, started_on=dt.date(2026, 1, 1))
    for part in ("owner", "partner", "outsider"):
        client = client_for(part)
        assert client.post(PAGE + "seats/", {"organization": au.pk}).status_code == 403
        assert client.post(PAGE + f"seats/{seat.pk}/end/").status_code == 403
    assert client_for("anonymous").post(PAGE + "seats/").status_code == 302
    assert CommitteeMember.objects.count() == 1
