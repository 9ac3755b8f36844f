"""Calendar feeds (RFC 5545): a series' public feed, and private feeds behind revocable tokens
that show exactly what the token's holder may read. Every feed is read by two independent
parsers (``icalendar`` and ``ical``, see feeds.py) that must agree on every event."""

import datetime as dt

import pytest
from ical.exceptions import CalendarParseError
from icalendar import Calendar

from interlock.meetings import services
from interlock.meetings.models import CalendarToken, Meeting
from interlock.meetings.tests.feeds import events, every_text, read_twice
from interlock.meetings.tests.records import circulated_record

pytestmark = pytest.mark.django_db
SC = ("standing-committee", 1)
SECRET_TITLE = "Record of the first meeting of the standing committee"


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


def test_the_second_parser_refuses_what_the_writer_own_reader_forgives():
    """Why two parsers: ``icalendar`` reads a status RFC 5545 does not have; ``ical`` refuses it,
    so a feed written wrong fails the tests instead of a subscriber's calendar."""
    feed = (
        "BEGIN:VCALENDAR\r\nPRODID:-//Interlock//Test//EN\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
        "UID:meeting-1@interlock\r\nDTSTAMP:20261202T000000Z\r\nDTSTART;VALUE=DATE:20270301\r\n"
        "DTEND;VALUE=DATE:20270303\r\nSUMMARY:A meeting\r\nSTATUS:MAYBE\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    assert str(Calendar.from_ical(feed).walk("VEVENT")[0]["STATUS"]) == "MAYBE"
    with pytest.raises(CalendarParseError):
        read_twice(feed)


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
    # The secretariat convenes every meeting: its feed holds the sixth high-level meeting too,
    # once the window reaches back to 2005.
    raw = issue(client_for("secretariat"))
    sixth = f"meeting-{Meeting.objects.get(series__key='high-level', number=6).pk}@interlock"
    found = events(client.get(f"/meetings/feeds/{raw}/organization.ics?since=2005"))
    assert meeting_uid in found and sixth in found


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
        assert (SECRET_TITLE in every_text(response)) is sees, f"{part} {path}"
        if sees:
            event = found[uid]
            deadline = confidential_record.comment_deadline.replace(microsecond=0)
            assert event["DTSTART"].dt == deadline
            assert event["DTSTART"].dt.tzinfo is not None  # written in UTC
    # Nor does the public feed name it.
    public = every_text(client.get("/meetings/calendar/standing-committee.ics"))
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


# The whole cast, each member read through every feed it can hold, by both parsers: a record's
# comment deadline and its title appear only to those who may read the record.
WHOLE_CAST = ["owner", "owner_member", "partner", "outsider", "secretariat", "researcher"]
READERS = {
    # Confidential, named to the AU: the AU and the record's owner, the UN's secretariat.
    "confidential": {"owner", "owner_member", "secretariat"},
    # Partnership: every signed-in member of a partner organization, never the public.
    "partnership": {"owner", "owner_member", "partner", "outsider", "secretariat", "researcher"},
}


@pytest.fixture
def two_records(cast, confidential_record):
    second = services.meeting_create(
        actor=cast["secretariat"],
        series=cast_meeting().series,
        number=2,
        title_en="Second meeting of the standing committee",
        starts_on=dt.date(2027, 9, 1),
        ends_on=dt.date(2027, 9, 1),
        time_zone="Europe/Zurich",
        venue="Palais des Nations, Geneva",
    )
    record = services.record_create(
        actor=cast["secretariat"], meeting=second, text="Opened.", classification="partnership"
    )
    shared = services.record_move(
        actor=cast["secretariat"],
        record=record,
        to="circulated",
        expected_version=record.version,
        deadline=confidential_record.comment_deadline,
    )
    return {"confidential": confidential_record, "partnership": shared}


def feeds_of(client_for, cast, part: str) -> list[str]:
    """Every feed the member can hold: each series' public feed, and, for those who may
    subscribe, the private feeds of its organization and of each series."""
    from interlock.core.access import can
    from interlock.domain.permissions import Action
    from interlock.meetings.models import MeetingSeries

    keys = list(MeetingSeries.objects.values_list("key", flat=True))
    public = [f"/meetings/calendar/{key}.ics" for key in keys]
    if part == "anonymous" or not can(cast[part], Action.SUBSCRIBE_CALENDARS):
        return public
    raw = issue(client_for(part))
    private = [f"/meetings/feeds/{raw}/series/{key}.ics" for key in keys]
    return [*public, f"/meetings/feeds/{raw}/organization.ics", *private]


@pytest.mark.parametrize("part", [*WHOLE_CAST, "anonymous"])
def test_no_feed_shows_a_member_of_the_cast_a_record_it_may_not_read(
    client_for, client, cast, two_records, part
):
    feeds = feeds_of(client_for, cast, part)
    subscribes = any("/feeds/" in path for path in feeds)
    assert subscribes is (part not in ("anonymous", "researcher"))  # analysts get no private feed
    seen = {kind: False for kind in two_records}
    for path in feeds:
        response = client.get(path)
        found = events(response)  # both parsers agree, or this fails
        text = every_text(response)
        for kind, record in two_records.items():
            uid = f"record-{record.pk}-comment-deadline@interlock"
            may_read = part in READERS[kind] and "/feeds/" in path
            if not may_read:
                assert uid not in found, f"{part} {path} {kind}"
                assert record.document.title not in text, f"{part} {path} {kind}"
            seen[kind] |= uid in found
    # And each member who may read a record finds its deadline in some feed.
    assert seen == {kind: subscribes and part in READERS[kind] for kind in two_records}


# The window of years: feeds hold the meetings from 1 January two years back and every later one,
# or from the year a subscriber asks for with ?since=YYYY.


@pytest.fixture
def through_the_years(cast):
    """Meetings of the standing committee around the default window's first day, each the
    secretariat planned: one over before it, one over on it, one running across it."""
    from django.utils import timezone

    year = timezone.localdate().year - 2  # the window's first year
    made = {}
    for number, (starts, ends) in enumerate(
        [
            (dt.date(year - 1, 6, 1), dt.date(year - 1, 12, 31)),  # over the day before
            (dt.date(year, 1, 1), dt.date(year, 1, 1)),  # on the first day
            (dt.date(year - 1, 12, 31), dt.date(year, 1, 2)),  # across it
        ],
        start=10,
    ):
        made[number] = services.meeting_create(
            actor=cast["secretariat"],
            series=cast_meeting().series,
            number=number,
            title_en=f"Meeting {number} of the standing committee",
            starts_on=starts,
            ends_on=ends,
            time_zone="Europe/Zurich",
            venue="Geneva",
        )
    return year, {number: f"meeting-{m.pk}@interlock" for number, m in made.items()}


def test_a_feed_holds_the_meetings_of_the_last_two_years_and_all_coming_ones(
    client_for, client, through_the_years
):
    year, uid = through_the_years
    raw = issue(client_for("secretariat"))
    for path in (
        "/meetings/calendar/standing-committee.ics",
        f"/meetings/feeds/{raw}/organization.ics",
        f"/meetings/feeds/{raw}/series/standing-committee.ics",
    ):
        found = events(client.get(path))
        assert uid[10] not in found, path  # over before the window opens
        assert uid[11] in found and uid[12] in found, path  # on or across its first day
        assert f"meeting-{cast_meeting().pk}@interlock" in found, path  # 2027: to come
        # A year asked for reaches further back, and a later one leaves out the earlier.
        assert uid[10] in events(client.get(f"{path}?since={year - 1}")), path
        later = events(client.get(f"{path}?since={year + 1}"))
        assert uid[11] not in later and uid[12] not in later, path


def test_a_feed_window_holds_back_the_comment_deadlines_of_older_meetings(client_for, client, cast):
    meeting = cast_meeting()
    record = circulated_record(cast["secretariat"], "partnership")
    raw = issue(client_for("owner"))
    deadline = f"record-{record.pk}-comment-deadline@interlock"
    path = f"/meetings/feeds/{raw}/series/standing-committee.ics"
    assert deadline in events(client.get(path))
    later = events(client.get(f"{path}?since={meeting.ends_on.year + 1}"))
    assert deadline not in later and f"meeting-{meeting.pk}@interlock" not in later


@pytest.mark.parametrize("since", ["abc", "1944", "10000", "-1", "2024.5"])
def test_a_feed_asked_for_a_year_that_is_not_one_says_so_and_sends_no_calendar(
    client_for, client, since
):
    raw = issue(client_for("owner"))
    for path in (
        "/meetings/calendar/standing-committee.ics",
        f"/meetings/feeds/{raw}/organization.ics",
        f"/meetings/feeds/{raw}/series/standing-committee.ics",
    ):
        response = client.get(path, {"since": since})
        assert response.status_code == 400, path
        assert response["Content-Type"].startswith("text/plain")
        assert b"BEGIN:VCALENDAR" not in response.content
        assert response.content.strip(), path  # the reason, in words


def test_the_subscriptions_page_explains_the_window_and_how_to_widen_it(client_for):
    from django.utils import timezone

    page = client_for("owner").get("/meetings/feeds/").content.decode()
    assert f"1 January {timezone.localdate().year - 2}" in page
    assert "?since=2005" in page
