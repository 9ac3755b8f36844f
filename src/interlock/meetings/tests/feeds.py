"""Reading a calendar feed as two independent iCalendar parsers read it.

``icalendar`` writes the feeds, so a test that reads them back with ``icalendar`` alone would
miss what only the writer's own reader forgives. Each feed is therefore also parsed by ``ical``
(its own grammar and pydantic validation of every property, strict about RFC 5545's value
types), and both readings must name the same events with the same facts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar


@dataclass(frozen=True)
class Facts:
    """What a calendar client acts on: when, what, in which state, and which edit is newest."""

    start: dt.date
    end: dt.date
    summary: str
    status: str
    sequence: int
    texts: tuple[str, ...]  # every text the event shows, to search for a leak


def _by_icalendar(text: str) -> tuple[list[str], dict[str, Facts]]:
    found = Calendar.from_ical(text).walk("VEVENT")
    return [str(e["UID"]) for e in found], {
        str(e["UID"]): Facts(
            start=e["DTSTART"].dt,
            end=e["DTEND"].dt,
            summary=str(e["SUMMARY"]),
            status=str(e["STATUS"]),
            sequence=int(e.get("SEQUENCE", 0)),
            texts=tuple(
                str(e.get(name, ""))
                for name in ("SUMMARY", "DESCRIPTION", "LOCATION", "URL", "UID")
            )
            + tuple(str(c) for c in getattr(e.get("CATEGORIES"), "cats", [])),
        )
        for e in found
    }


def _by_ical(text: str) -> tuple[list[str], dict[str, Facts]]:
    # Raises CalendarParseError on anything RFC 5545 does not allow.
    found = IcsCalendarStream.calendar_from_ics(text).events
    return [e.uid for e in found], {
        e.uid: Facts(
            start=e.dtstart,
            end=e.dtend,
            summary=e.summary or "",
            status=e.status.value if e.status else "",
            sequence=e.sequence or 0,
            texts=(
                e.summary or "",
                e.description or "",
                e.location or "",
                str(e.url or ""),
                e.uid,
                *e.categories,
            ),
        )
        for e in found
    }


def read_twice(text: str) -> dict[str, Facts]:
    """The feed's events by UID, once both parsers agree on every one of them."""
    uids, first = _by_icalendar(text)
    other_uids, second = _by_ical(text)
    assert len(uids) == len(set(uids)), "a UID appears twice"
    assert sorted(uids) == sorted(other_uids)
    for uid, facts in first.items():
        again = second[uid]
        # A date and a datetime never compare equal, so an all-day event read as timed fails here.
        assert type(facts.start) is type(again.start), uid
        assert (facts.start, facts.end) == (again.start, again.end), uid
        assert (facts.summary, facts.status, facts.sequence) == (
            again.summary,
            again.status,
            again.sequence,
        ), uid
    return first


def events(response: Any) -> dict[str, Any]:
    """The feed's events as ``icalendar`` gives them, by UID, after ``ical`` read the same."""
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    read_twice(text)
    return {str(event["UID"]): event for event in Calendar.from_ical(text).walk("VEVENT")}


def every_text(response: Any) -> str:
    """All the feed says, as raw text with RFC 5545's line folding undone and as both parsers
    read each event, so that no title hides across lines or behind an escape."""
    text = response.content.decode()
    parsed = [
        *(f.texts for f in _by_icalendar(text)[1].values()),
        *(f.texts for f in _by_ical(text)[1].values()),
    ]
    return "\n".join([text.replace("\r\n ", ""), *("\n".join(t) for t in parsed)])
