"""The meeting pages and feeds (issue 9's speed section) at two sizes: a small cycle (the
reference data and one planned meeting with two delegations, three agenda items, three comments)
and a large one (200 delegations, 50 agenda items, 500 comments, 300 more meetings in the series
from 1990 to 2030, 500 notifications). Each is timed through Django's test client; the ratios large/small are what
to read, with the query counts, which must not grow."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from typing import Any

from bench.common import REPEATS, RESULTS, median_ms, setup

SC = "/meetings/standing-committee/1"
PAGES = {
    "meetings list (anonymous)": ("anonymous", "/meetings/"),
    "meetings list (secretariat)": ("secretariat", "/meetings/"),
    "meeting page": ("owner", f"{SC}/"),
    "record with its comments": ("owner", f"{SC}/record/"),
    "preparation of the next meeting": ("owner", "/meetings/standing-committee/2/preparation/"),
    "series feed, public (.ics)": ("anonymous", "/meetings/calendar/standing-committee.ics"),
    "organization feed, private (.ics)": ("secretariat", "organization.ics"),
    "notifications": ("owner", "/notifications/"),
}


def _people() -> dict[str, Any]:
    from interlock.accounts.models import User
    from interlock.registry.models import Organization

    people = {}
    for part, (name, acronym, role) in {
        "secretariat": ("secretariat", "UN", "secretariat"),
        "owner": ("au.liaison", "AU", "liaison_official"),
    }.items():
        people[part] = User.objects.create(
            username=name,
            email=f"{name}@bench.invalid",
            organization=Organization.objects.get(acronym=acronym),
            role=role,
        )
    return people


def _small_cycle(people: dict[str, Any]) -> Any:
    from interlock.meetings import services
    from interlock.meetings.models import AgendaItem, MeetingSeries
    from interlock.registry.models import Organization

    secretariat, owner = people["secretariat"], people["owner"]
    series = MeetingSeries.objects.get(key="standing-committee")
    meeting, _next = (
        services.meeting_create(
            actor=secretariat,
            series=series,
            number=number,
            title_en=f"{ordinal} meeting of the standing committee",
            starts_on=dt.date(year, 3, 1),
            ends_on=dt.date(year, 3, 2),
            time_zone="Europe/Zurich",
            venue="Geneva",
        )
        for number, ordinal, year in ((1, "First", 2027), (2, "Second", 2028))
    )
    services.meeting_invite(
        actor=secretariat,
        meeting=meeting,
        organizations=Organization.objects.filter(acronym__in=["AU", "EU"]),
    )
    services.delegation_register(
        actor=owner,
        meeting=meeting,
        organization=owner.organization,
        level="head",
        head_name="Chairperson",
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, number=n, title_en=f"Item {n}") for n in range(1, 4)
    )
    record = services.record_create(
        actor=secretariat,
        meeting=meeting,
        text="\n\n".join(f"Paragraph {n}." for n in range(1, 21)),
        classification="partnership",
    )
    from django.utils import timezone

    record = services.record_move(
        actor=secretariat,
        record=record,
        to="circulated",
        expected_version=record.version,
        deadline=timezone.now() + dt.timedelta(days=30),
    )
    for n in range(3):
        services.comment_add(actor=owner, record=record, paragraph=n + 1, text=f"Comment {n}")
    return meeting, record


def _grow(people: dict[str, Any], meeting: Any, record: Any) -> None:
    """To 200 delegations, 50 agenda items, 500 comments, 300 more meetings, 500 notifications."""
    from django.utils import timezone

    from interlock.core.models import Notification
    from interlock.meetings.models import AgendaItem, Comment, Delegation, Invitation, Meeting
    from interlock.reference.scale import scale_generate
    from interlock.registry.models import Organization

    now = timezone.now()
    scale_generate(organizations=199, memberships_per_organization=0)
    fresh = list(Organization.objects.filter(acronym__startswith="scale-"))
    Invitation.objects.bulk_create(
        Invitation(
            meeting=meeting, organization=o, invited_at=now, invited_by=people["secretariat"]
        )
        for o in fresh
    )
    Delegation.objects.bulk_create(
        Delegation(meeting=meeting, organization=o, level="senior", head_name="H", members="A\nB")
        for o in fresh
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, number=n, title_en=f"Item {n}") for n in range(4, 51)
    )
    version = record.versions.first()
    Comment.objects.bulk_create(
        Comment(
            record=record,
            on_version=version,
            paragraph=1 + n % 20,
            text=f"Comment {n}",
            author=people["owner"],
            organization=people["owner"].organization,
            created_at=now,
        )
        for n in range(3, 500)
    )
    # A series that has met for decades: one meeting every seven weeks from 1990 to 2030, so the
    # list pages through them and the feeds' window of years leaves out the older ones.
    Meeting.objects.bulk_create(
        Meeting(
            series=meeting.series,
            number=n,
            title_en=f"Meeting {n}",
            starts_on=dt.date(1990, 1, 1) + dt.timedelta(weeks=7 * (n - 10)),
            ends_on=dt.date(1990, 1, 1) + dt.timedelta(weeks=7 * (n - 10)),
            venue="Geneva",
        )
        for n in range(10, 310)
    )
    Notification.objects.bulk_create(
        Notification(
            recipient=people["owner"],
            kind="invitation",
            target_type="meetings.meeting",
            target_id=str(meeting.pk),
            target_label="T",
            occasion=str(n),
        )
        for n in range(500)
    )


def measure(label: str, people: dict[str, Any], feed_token: str) -> dict[str, Any]:
    from django.test import Client

    clients = {"anonymous": Client()}
    for part, user in people.items():
        clients[part] = Client()
        clients[part].force_login(user)
        clients[part].get("/health/")  # the session's first write is not the page's cost
    rows = {}
    for name, (part, url) in PAGES.items():
        if url.endswith("organization.ics"):
            url = f"/meetings/feeds/{feed_token}/organization.ics"
        ms, queries = median_ms(clients[part], url)
        rows[name] = {"median_ms": ms, "queries": queries}
    return {"scale": label, "results": rows}


def main() -> dict[str, Any]:
    # Measure building the pages: the anonymous public's cache (core.public_cache) is off.
    os.environ["INTERLOCK_PUBLIC_CACHE_SECONDS"] = "0"
    setup("meetings")
    import django

    from interlock.meetings import services

    people = _people()
    meeting, record = _small_cycle(people)
    _token, raw = services.calendar_token_issue(actor=people["secretariat"], name="Bench")
    small = measure("2 delegations, 3 items, 3 comments", people, raw)
    _grow(people, meeting, record)
    large = measure("200 delegations, 50 items, 500 comments, 300 more meetings", people, raw)
    report = {
        "benchmark": "meetings",
        "database": django.db.connection.vendor,
        "python": platform.python_version(),
        "repeats": REPEATS,
        "runs": [small, large],
        "large_to_small_ratio": {
            n: round(large["results"][n]["median_ms"] / small["results"][n]["median_ms"], 2)
            for n in PAGES
        },
        "query_counts_constant": {
            n: large["results"][n]["queries"] == small["results"][n]["queries"] for n in PAGES
        },
    }
    (RESULTS / "meetings.json").write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        "# Meetings benchmark",
        "",
        f"Database: {report['database']}; Python {report['python']}; median of {REPEATS} "
        "requests through Django's test client. Times vary by machine: read the ratios and the "
        "query counts, measured in one run.",
        "",
        "| page | queries small | queries large | ms small | ms large | large/small |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name in PAGES:
        s, g = small["results"][name], large["results"][name]
        lines.append(
            f"| {name} | {s['queries']} | {g['queries']} | {s['median_ms']} | {g['median_ms']} "
            f"| {report['large_to_small_ratio'][name]} |"
        )
    lines += [
        "",
        f"Small: {small['scale']}. Large: {large['scale']}, 500 notifications.",
        "The anonymous public's page cache is off here: these are the costs of building each page.",
        "The 300 more meetings run from 1990 to 2030: the list shows them 50 to a page, and the",
        "feeds hold those of the last two years and all coming ones (their window of years).",
        "The notifications page asks one query per kind of target on its page: its count follows",
        "the mix of kinds on the page (small: meetings and records; large: meetings only), never",
        "the number of notifications (tests/test_list_queries.py holds the mix and checks it).",
        "",
    ]
    (RESULTS / "meetings.md").write_text("\n".join(lines))
    print("\n".join(lines))
    return report
