"""Calendar feeds (RFC 5545): a series' public feed, and private feeds behind revocable tokens
that show exactly what the token's holder may read."""

import datetime as dt

import pytest
from icalendar import Calendar

from interlock.meetings import services
from interlock.meetings.models import CalendarToken, Meeting
from interlock.meetings.tests.records import circulated_record

pytestmark = pytest.mark.django_db
SC = ("standing-committee", 1)
SECRET_TITLE = "Record of the first meeting of the standing committee"


def events(response) -> dict[str, object]:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def unfolded(response) -> str:
    """The feed's text with RFC 5545's line folding undone, so that no title hides across lines."""
    return response.content.decode().replace("\r\n ", "")


def cast_meeting() -> Meeting:
    return Meeting.objects.get(series__key=SC[0], number=SC[1])


def issue(client, name: str = "Office") -> str:
    """Make a subscription on the page, as a person would; the address is read off the page."""
    response = client.post("/meetings/feeds/", {"name": name}, follow=True)
    page = response.content.decode()
    start = page.index("/meetings/feeds/ilc_")
    return page[start : page.index("/organization.ics", start)].removeprefix("/meetings/feeds/")


@pytest.fixture
def confidential_record(cast):
    """The cast meeting's record, confidential to the AU (besides its owner, the UN's
    secretariat), circulated with a deadline."""
    from interlock.registry.models import Organization

    return circulated_record(
        cast["secretariat"], "confidential", named=[Organization.objects.get(acronym="AU")]
    )


def test_a_series_public_feed_parses_and_names_each_meeting_once_with_a_stable_uid(client):
    meeting = cast_meeting()
    found = events(client.get("/meetings/calendar/standing-committee.ics"))
    event = found[f"meeting-{meeting.pk}@interlock"]
    assert event["SUMMARY"] == "First meeting of the standing committee"
    assert event["DTSTART"].dt == dt.date(2027, 3, 1)
    assert event["DTEND"].dt == dt.date(2027, 3, 3)  # the day after the last, as RFC 5545 counts
    assert event["STATUS"] == "CONFIRMED"  # invitations are out
    assert "Europe/Zurich" in event["DESCRIPTION"]
    assert event["URL"].endswith("/meetings/standing-committee/1/")
    again = events(client.get("/meetings/calendar/standing-committee.ics"))
    assert set(again) == set(found)


def test_the_public_feed_of_an_unknown_series_is_not_found(client):
    assert client.get("/meetings/calendar/nope.ics").status_code == 404


def test_a_change_to_the_meeting_bumps_its_sequence_and_cancelling_it_tells_calendars(client, cast):
    meeting = cast_meeting()
    uid = f"meeting-{meeting.pk}@interlock"
    before = events(client.get("/meetings/calendar/standing-committee.ics"))[uid]["SEQUENCE"]
    services.meeting_update(
        actor=cast["secretariat"],
        meeting=meeting,
        expected_version=meeting.version,
        venue="Vienna International Centre",
    )
    event = events(client.get("/meetings/calendar/standing-committee.ics"))[uid]
    assert event["SEQUENCE"] == before + 1
    assert event["LOCATION"] == "Vienna International Centre"
    services.meeting_set_status(
        actor=cast["secretariat"],
        meeting=meeting,
        status="cancelled",
        expected_version=meeting.version,
    )
    event = events(client.get("/meetings/calendar/standing-committee.ics"))[uid]
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == before + 2


def test_a_subscription_is_stored_only_as_a_digest_and_shown_once(client_for, cast):
    client = client_for("owner")
    raw = issue(client)
    token = CalendarToken.objects.get(user=cast["owner"])
    assert raw.startswith("ilc_") and token.digest != raw and raw not in token.digest
    assert raw not in client.get("/meetings/feeds/").content.decode()


def test_a_subscription_needs_a_name_and_nothing_is_made_without_one(client_for):
    response = client_for("owner").post("/meetings/feeds/", {"name": "  "})
    assert response.status_code == 200
    assert CalendarToken.objects.count() == 0


def test_the_organization_feed_holds_the_meetings_that_concern_the_holder(client_for, client):
    meeting_uid = f"meeting-{cast_meeting().pk}@interlock"
    for part, sees in [("owner", True), ("partner", True), ("outsider", False)]:
        raw = issue(client_for(part))
        found = events(client.get(f"/meetings/feeds/{raw}/organization.ics"))
        assert (meeting_uid in found) is sees, part
    # The secretariat convenes every meeting: its feed holds the sixth high-level meeting too.
    raw = issue(client_for("secretariat"))
    found = events(client.get(f"/meetings/feeds/{raw}/organization.ics"))
    assert meeting_uid in found and len(found) >= 2


@pytest.mark.parametrize(
    ("part", "sees"),
    [("owner", True), ("partner", False), ("outsider", False), ("secretariat", True)],
)
def test_a_comment_deadline_appears_only_to_those_who_may_read_the_record(
    client_for, client, confidential_record, part, sees
):
    raw = issue(client_for(part))
    uid = f"record-{confidential_record.pk}-comment-deadline@interlock"
    for path in (
        f"/meetings/feeds/{raw}/organization.ics",
        f"/meetings/feeds/{raw}/series/standing-committee.ics",
    ):
        response = client.get(path)
        found = events(response)
        if part == "outsider" and path.endswith("organization.ics"):
            assert f"meeting-{cast_meeting().pk}@interlock" not in found  # OSCE: not invited
        assert (uid in found) is sees, f"{part} {path}"
        assert (SECRET_TITLE in unfolded(response)) is sees, f"{part} {path}"
        if sees:
            event = found[uid]
            deadline = confidential_record.comment_deadline.replace(microsecond=0)
            assert event["DTSTART"].dt == deadline
            assert event["DTSTART"].dt.tzinfo is not None  # written in UTC
    # Nor does the public feed name it.
    public = unfolded(client.get("/meetings/calendar/standing-committee.ics"))
    assert SECRET_TITLE not in public and "comment-deadline" not in public


def test_a_revoked_subscription_answers_gone_and_an_unknown_one_not_found(client_for, client, cast):
    owner = client_for("owner")
    raw = issue(owner)
    token = CalendarToken.objects.get(user=cast["owner"])
    assert client.get(f"/meetings/feeds/{raw}/organization.ics").status_code == 200
    assert owner.post(f"/meetings/feeds/{token.pk}/revoke/").status_code == 302
    for path in ("organization.ics", "series/standing-committee.ics"):
        response = client.get(f"/meetings/feeds/{raw}/{path}")
        assert response.status_code == 410
        assert b"BEGIN:VCALENDAR" not in response.content
    assert client.get("/meetings/feeds/ilc_nothing/organization.ics").status_code == 404
    assert client.get(f"/meetings/feeds/{raw[4:]}/organization.ics").status_code == 404


def test_revoking_twice_says_so_and_nobody_revokes_another_persons_subscription(client_for, cast):
    raw = issue(client_for("owner"))
    token = CalendarToken.objects.get(user=cast["owner"])
    assert client_for("partner").post(f"/meetings/feeds/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    owner = client_for("owner")
    owner.post(f"/meetings/feeds/{token.pk}/revoke/")
    page = owner.post(f"/meetings/feeds/{token.pk}/revoke/", follow=True).content.decode()
    assert "already revoked" in page
    assert raw not in page


def test_a_deactivated_account_subscription_answers_not_found(client_for, client, cast):
    raw = issue(client_for("partner"))
    cast["partner"].is_active = False
    cast["partner"].save(update_fields=["is_active"])
    assert client.get(f"/meetings/feeds/{raw}/organization.ics").status_code == 404


def test_a_private_feed_speaks_the_holder_language(client_for, client, cast):
    meeting = cast_meeting()
    meeting.title_fr = "Première réunion du comité permanent"
    meeting.save(update_fields=["title_fr"])
    raw = issue(client_for("owner"))
    cast["owner"].preferred_language = "fr"
    cast["owner"].save(update_fields=["preferred_language"])
    event = events(client.get(f"/meetings/feeds/{raw}/organization.ics"))[
        f"meeting-{meeting.pk}@interlock"
    ]
    assert event["SUMMARY"] == "Première réunion du comité permanent"
    assert "Fuseau horaire" in event["DESCRIPTION"] or "Time zone" in event["DESCRIPTION"]
