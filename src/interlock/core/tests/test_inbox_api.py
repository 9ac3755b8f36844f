"""The API of one's own inbox: the notifications the pages show, named through the same policy,
marked read one by one or all at once, with the same permission vocabulary as the pages."""

import pytest

from interlock.accounts.models import TokenScope
from interlock.accounts.services import api_token_issue
from interlock.core.models import Notification, NotificationKind
from interlock.core.services import notify
from interlock.meetings.models import Meeting
from interlock.meetings.tests.records import circulated_record

pytestmark = pytest.mark.django_db

LIST = "/api/v1/me/notifications"


def meeting() -> Meeting:
    return Meeting.objects.get(series__key="standing-committee", number=1)


@pytest.fixture
def inbox(cast):
    """The AU's liaison official is invited to the cast meeting, then told that its record is
    circulated for comment (by the service that circulates it)."""
    notify(recipients=[cast["owner"]], kind=NotificationKind.INVITATION, target=meeting())
    return circulated_record(cast["secretariat"], "partnership")


def bearer(cast, part, scope=TokenScope.READ):
    _token, raw = api_token_issue(actor=cast[part], name="inbox", scope=scope)
    return {"Authorization": f"Bearer {raw}"}


def test_one_reads_ones_own_notifications_newest_first_in_words(client_for, inbox) -> None:
    answer = client_for("owner").get(LIST).json()
    assert answer["count"] == 2
    first, second = answer["items"]
    assert first["kind"] == "record_circulated"
    assert first["link"] == "/meetings/standing-committee/1/record/"
    assert first["target"]["type"] == "meetings.record" and not first["target"]["withheld"]
    assert first["message"] == f"{first['target']['label']} is circulated for your comments."
    assert second["message"] == (
        "Your organization is invited to First meeting of the standing committee."
    )
    assert second["kind_label"] == "Invitation received" and second["read_at"] is None
    # Nobody reads another's: the EU's liaison official reads the EU's own, and only those.
    theirs = {n["id"] for n in client_for("partner").get(LIST).json()["items"]}
    assert theirs == set(
        Notification.objects.filter(recipient__username="eu.liaison").values_list("pk", flat=True)
    )
    assert theirs.isdisjoint({first["id"], second["id"]})


def test_a_target_its_reader_may_no_longer_read_is_withheld_without_its_link(
    client_for, inbox
) -> None:
    title = inbox.document.title
    inbox.document.classification = "confidential"  # now the UN's alone (its owner)
    inbox.document.save()
    answer = client_for("owner").get(LIST).json()
    body = str(answer)
    assert title not in body and "/record/" not in body
    withheld = answer["items"][0]
    assert withheld["target"] == {
        "type": "meetings.record",
        "id": None,
        "label": "a meeting's record (withheld)",
        "withheld": True,
    }
    assert withheld["link"] is None
    assert withheld["message"] == "a meeting's record (withheld) is circulated for your comments."


def test_marking_one_then_all_read_counts_down_and_touches_nobody_elses(
    client_for, cast, inbox
) -> None:
    notify(recipients=[cast["partner"]], kind=NotificationKind.INVITATION, target=meeting())
    client = client_for("owner")
    assert client.get(LIST + "/unread-count").json() == {"unread": 2}
    first = Notification.objects.filter(recipient=cast["owner"]).first()
    marked = client.post(f"{LIST}/{first.pk}/read")
    assert marked.status_code == 200 and marked.json()["read_at"] is not None
    assert client.get(LIST + "/unread-count").json() == {"unread": 1}
    assert client.get(LIST, {"unread": "true"}).json()["count"] == 1
    theirs = Notification.objects.get(recipient=cast["partner"])
    assert client.post(f"{LIST}/{theirs.pk}/read").status_code == 404
    assert client.post(f"{LIST}/99999999/read").status_code == 404
    assert client.post(LIST + "/read").json() == {"marked": 1}
    assert client.get(LIST + "/unread-count").json() == {"unread": 0}
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_the_public_is_told_to_sign_in_and_a_read_only_token_reads_but_does_not_mark(
    client, cast, inbox
) -> None:
    for path in (LIST, LIST + "/unread-count"):
        refused = client.get(path)
        assert refused.status_code == 401 and refused.json()["detail"] == "Sign in first."
    assert client.post(LIST + "/read").status_code == 401
    reads = bearer(cast, "owner")
    assert client.get(LIST, headers=reads).json()["count"] == 2
    assert client.post(LIST + "/read", headers=reads).status_code == 403
    assert client.get(LIST + "/unread-count", headers=reads).json() == {"unread": 2}
    writes = bearer(cast, "owner", TokenScope.READ_WRITE)
    assert client.post(LIST + "/read", headers=writes).json() == {"marked": 2}


def test_every_role_keeps_its_own_inbox(client_for, cast) -> None:
    researcher = cast["researcher"]
    notify(recipients=[researcher], kind=NotificationKind.INVITATION, target=meeting())
    client = client_for("researcher")
    assert client.get(LIST).json()["count"] == 1
    assert client.get("/notifications/").status_code == 200
    assert client.post(LIST + "/read").json() == {"marked": 1}


def test_a_meeting_is_named_in_the_readers_language_as_it_is_called_now(
    client_for, cast, inbox
) -> None:
    Meeting.objects.filter(pk=meeting().pk).update(title_fr="Première réunion du comité permanent")
    stored = Notification.objects.get(recipient=cast["owner"], kind="invitation")
    assert stored.target_label == "First meeting of the standing committee"  # kept in English
    client = client_for("owner")
    french = client.get(LIST, HTTP_ACCEPT_LANGUAGE="fr").json()["items"][1]
    assert french["target"]["label"] == "Première réunion du comité permanent"
    assert "Première réunion du comité permanent" in french["message"]
    # A language without a title of its own reads the English one.
    arabic = client.get(LIST, HTTP_ACCEPT_LANGUAGE="ar").json()["items"][1]
    assert arabic["target"]["label"] == "First meeting of the standing committee"
    client.cookies["django_language"] = "fr"
    page = client.get("/notifications/").content.decode()
    assert "Première réunion du comité permanent" in page
    assert "First meeting of the standing committee" not in page


def test_a_public_target_that_is_gone_keeps_its_stored_name_and_a_private_one_is_withheld(
    client_for, cast
) -> None:
    for target_type, label in (("meetings.meeting", "Old meeting"), ("meetings.record", "Old")):
        Notification.objects.create(
            recipient=cast["owner"],
            kind="invitation",
            target_type=target_type,
            target_id="99999999",
            target_label=label,
        )
    named = [
        (n["target"]["type"], n["target"]["id"], n["target"]["label"], n["target"]["withheld"])
        for n in client_for("owner").get(LIST).json()["items"]
    ]
    assert ("meetings.meeting", "99999999", "Old meeting", False) in named
    assert ("meetings.record", None, "a meeting's record (withheld)", True) in named
    assert not any(label == "Old" for _type, _id, label, _withheld in named)
