"""Meetings as iCalendar (RFC 5545), written with the ``icalendar`` library.

- A meeting is an all-day event from its first to its last day (DTEND is the day after, as the
  RFC counts it); days carry no time of day, so no time zone applies to them. The meeting's own
  time zone is named in the description.
- A record's comment deadline is an instant, written in UTC.
- UIDs are stable (``meeting-<id>@interlock``), so a client updates an event rather than adding a
  second; SEQUENCE is the number of times the meeting (or the record) was changed since it was
  made (its optimistic-lock version less one), so clients take the newest.
- A planned meeting is TENTATIVE, one invited or later CONFIRMED, one cancelled CANCELLED.

The feed shows exactly what it is given: the selectors decide what the reader may read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from interlock.meetings.models import Meeting, MeetingStatus, Record

PRODUCT = "-//Interlock//Meetings of the partnership//EN"
UID_DOMAIN = "interlock"

_STATUS = {
    MeetingStatus.PLANNED: "TENTATIVE",
    MeetingStatus.INVITED: "CONFIRMED",
    MeetingStatus.CONVENED: "CONFIRMED",
    MeetingStatus.CONCLUDED: "CONFIRMED",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def meeting_uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.pk}@{UID_DOMAIN}"


def deadline_uid(record: Record) -> str:
    return f"record-{record.pk}-comment-deadline@{UID_DOMAIN}"


def _meeting_event(meeting: Meeting, *, url: str, now: dt.datetime) -> Event:
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", now)
    event.add("dtstart", meeting.starts_on)
    event.add("dtend", meeting.ends_on + dt.timedelta(days=1))
    event.add("summary", meeting.title)
    event.add("sequence", meeting.version - 1)
    event.add("status", _STATUS[MeetingStatus(meeting.status)])
    event.add("location", _("Online") if meeting.online else meeting.venue)
    lines = [
        meeting.series.name,
        _("Status: %(status)s") % {"status": meeting.get_status_display()},
        _("Time zone: %(zone)s") % {"zone": meeting.time_zone},
    ]
    if meeting.chair:
        lines.append(_("Chair: %(chair)s") % {"chair": meeting.chair})
    event.add("description", "\n".join([*lines, url]))
    event.add("url", url)
    event.add("categories", [meeting.series.name])
    return event


def _deadline_event(record: Record, *, url: str, now: dt.datetime) -> Event:
    assert record.comment_deadline is not None  # only records with a deadline are given
    event = Event()
    event.add("uid", deadline_uid(record))
    event.add("dtstamp", now)
    event.add("dtstart", record.comment_deadline.astimezone(dt.UTC))
    event.add("dtend", record.comment_deadline.astimezone(dt.UTC))
    event.add(
        "summary",
        _("Comments due: %(record)s") % {"record": record.document.title},
    )
    event.add("sequence", record.version - 1)
    event.add("status", "CONFIRMED")
    event.add("transp", "TRANSPARENT")  # a deadline, not time spent
    event.add("description", url)
    event.add("url", url)
    return event


def calendar_bytes(
    *,
    name: str,
    meetings: Iterable[Meeting],
    deadlines: Iterable[Record],
    url_of: Callable[[Meeting], str],
    record_url_of: Callable[[Record], str],
    now: dt.datetime,
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(_meeting_event(meeting, url=url_of(meeting), now=now))
    for record in deadlines:
        calendar.add_component(_deadline_event(record, url=record_url_of(record), now=now))
    return bytes(calendar.to_ical())
