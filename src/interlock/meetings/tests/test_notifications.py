"""In-app notifications of the meeting cycle: an invitation arrives, a record is circulated for
comment, a comment is disposed of. Each goes to those it concerns, once, and names nothing its
reader may not read."""

import datetime as dt

import pytest

from interlock.core.models import Notification, NotificationKind
from interlock.meetings import services
from interlock.meetings.models import MeetingSeries
from interlock.meetings.tests.records import circulated_record
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_inboxes(db):
    """The cast's setting up (its meeting's invitations) notified the AU and the EU already."""
    Notification.objects.all().delete()


def inbox(user) -> list[tuple[str, str]]:
    return list(Notification.objects.filter(recipient=user).values_list("kind", "target_type"))


@pytest.fixture
def meeting(cast):
    return services.meeting_create(
        actor=cast["secretariat"],
        series=MeetingSeries.objects.get(key="standing-committee"),
        number=2,
        title_en="Second meeting of the standing committee",
        starts_on=dt.date(2027, 9, 1),
        ends_on=dt.date(2027, 9, 2),
        time_zone="Europe/Zurich",
        venue="Geneva",
    )


def test_an_invitation_reaches_the_liaison_official_and_members_of_the_invited_only(cast, meeting):
    services.meeting_invite(
        actor=cast["secretariat"],
        meeting=meeting,
        organizations=Organization.objects.filter(acronym="AU"),
    )
    for part in ("owner", "owner_member"):
        assert inbox(cast[part]) == [(NotificationKind.INVITATION, "meetings.meeting")]
    for part in ("partner", "outsider", "secretariat", "researcher"):
        assert inbox(cast[part]) == []
    # Inviting again adds nobody twice.
    services.meeting_invite(
        actor=cast["secretariat"],
        meeting=meeting,
        organizations=Organization.objects.filter(acronym__in=["AU", "EU"]),
    )
    assert len(inbox(cast["owner"])) == 1
    assert inbox(cast["partner"]) == [(NotificationKind.INVITATION, "meetings.meeting")]


def test_the_header_counts_unread_notifications_and_the_page_marks_them_read(
    cast, meeting, client_for
):
    services.meeting_invite(
        actor=cast["secretariat"],
        meeting=meeting,
        organizations=Organization.objects.filter(acronym="AU"),
    )
    client = client_for("owner")
    page = client.get("/notifications/").content.decode()
    assert 'class="badge">1<' in page
    assert (
        "Your organization is invited to <bdi>Second meeting of the standing committee</bdi>."
        in page
    )
    assert 'href="/meetings/standing-committee/2/"' in page
    client.post("/notifications/read/")
    page = client.get("/notifications/").content.decode()
    assert 'class="badge"' not in page
    assert Notification.objects.get(recipient=cast["owner"]).read_at is not None
    # The member's notification is theirs: the liaison official's "mark all" left it unread.
    assert Notification.objects.get(recipient=cast["owner_member"]).read_at is None


def test_one_marks_only_ones_own_notification_read(cast, meeting, client_for):
    services.meeting_invite(
        actor=cast["secretariat"],
        meeting=meeting,
        organizations=Organization.objects.filter(acronym="AU"),
    )
    theirs = Notification.objects.get(recipient=cast["owner_member"])
    response = client_for("owner").post("/notifications/read/", {"id": theirs.pk})
    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert Notification.objects.get(recipient=cast["owner"]).read_at is None
    client_for("owner_member").post("/notifications/read/", {"id": theirs.pk})
    theirs.refresh_from_db()
    assert theirs.read_at is not None


def _circulate(cast, classification: str, named=()):
    return circulated_record(cast["secretariat"], classification, named=named)


def test_a_circulated_record_reaches_the_participants_who_may_read_it(cast):
    # The cast meeting: AU registered (a participant), EU invited only.
    _circulate(cast, "partnership")
    assert inbox(cast["owner"]) == [(NotificationKind.RECORD_CIRCULATED, "meetings.record")]
    assert inbox(cast["owner_member"]) == [(NotificationKind.RECORD_CIRCULATED, "meetings.record")]
    for part in ("partner", "outsider", "secretariat", "researcher"):
        assert inbox(cast[part]) == []


def test_a_record_the_participant_may_not_read_is_not_announced_to_it(cast):
    # Confidential to the EU only: the AU participates but may not read it.
    _circulate(cast, "confidential", named=[Organization.objects.get(acronym="EU")])
    assert inbox(cast["owner"]) == []
    assert inbox(cast["partner"]) == []  # may read it, but is no participant


def test_a_disposition_reaches_the_author_of_the_comment(cast, client_for):
    record = _circulate(cast, "partnership")
    comment = services.comment_add(
        actor=cast["owner_member"], record=record, paragraph=1, text="Say when."
    )
    services.comment_dispose(
        actor=cast["secretariat"], comment=comment, disposition="not_accepted", reason="Said."
    )
    assert (NotificationKind.DISPOSITION, "meetings.record") in inbox(cast["owner_member"])
    assert (NotificationKind.DISPOSITION, "meetings.record") not in inbox(cast["owner"])
    page = client_for("owner_member").get("/notifications/").content.decode()
    assert "The secretariat has disposed of your comment on <bdi>Record of the first" in page
    assert f"#comment-{comment.pk}" in page


def test_a_target_the_reader_can_no_longer_read_is_named_only_by_its_kind(cast, client_for):
    record = _circulate(cast, "partnership")
    # The record is reclassified confidential to the EU: the AU's notification stays, unnamed.
    document = record.document
    document.classification = "confidential"
    document.save(update_fields=["classification"])
    document.named_readers.set([Organization.objects.get(acronym="EU")])
    page = client_for("owner").get("/notifications/").content.decode()
    assert "Record of the first meeting" not in page
    assert "(withheld)" in page
    assert "/meetings/standing-committee/1/record/" not in page
