"""The meeting page: the twenty delegations, and reported figures beside counted ones."""

import datetime as dt

import pytest

from interlock.meetings.models import Meeting, MeetingSeries

pytestmark = pytest.mark.django_db


def test_the_sixth_meeting_lists_its_twenty_delegations(client) -> None:
    page = client.get("/meetings/6/")
    assert page.status_code == 200
    assert page.context["figures"].counted_participants == 20
    assert "Represented by the Presidency of the Council" in page.content.decode()


def test_it_keeps_the_reported_head_level_figure_beside_the_unknown_attribution(client) -> None:
    figures = client.get("/meetings/6/").context["figures"]
    assert (figures.reported_head_level, figures.confirmed_head_level, figures.unknown_level) == (
        13,
        0,
        20,
    )


def test_the_list_and_the_api_agree(client) -> None:
    assert "Sixth high-level meeting" in client.get("/meetings/").content.decode()
    api = client.get("/api/v1/meetings/6").json()
    assert (
        len(api["delegations"]) == 20
        and api["reported_head_level"] == 13
        and api["head_level_count"] == 0
    )


def test_an_unknown_meeting_is_not_found(client) -> None:
    assert client.get("/meetings/99/").status_code == 404
    assert client.get("/api/v1/meetings/99").status_code == 404


def test_the_working_groups_page_lists_the_six_groups(client) -> None:
    body = client.get("/groups/working-groups/").content.decode()
    assert body.count("<tr>") >= 7 and "Dialogue among civilizations" in body


def test_a_future_meeting_does_not_show_the_2005_unknown_levels(client_for, cast) -> None:
    from interlock.meetings.models import Delegation, Meeting
    from interlock.registry.models import Organization

    meeting = Meeting.objects.get(series__key="standing-committee", number=1)
    # A delegation registered without its level: counted as unknown, but no record reports a
    # figure for the meeting, so the 2005 note about the record does not apply.
    Delegation.objects.create(meeting=meeting, organization=Organization.objects.get(acronym="EU"))
    body = client_for("anonymous").get("/meetings/standing-committee/1/").content.decode()
    assert "The record gives the number of delegations" not in body
    assert "level unknown for 1" in body
    Delegation.objects.filter(meeting=meeting, organization__acronym="EU").delete()
    body = client_for("anonymous").get("/meetings/standing-committee/1/").content.decode()
    assert "level unknown" not in body
    assert (
        "The record gives the number of delegations"
        in client_for("anonymous").get("/meetings/6/").content.decode()
    )


def test_the_sixth_meeting_links_its_conclusions_in_the_library(client) -> None:
    from interlock.meetings.models import Meeting

    meeting = Meeting.objects.get(series__key="high-level", number=6)
    assert meeting.outcome is not None and meeting.outcome.classification == "public"
    body = client.get("/meetings/6/").content.decode()
    assert f'href="/documents/{meeting.outcome_id}/"' in body
    assert "Conclusions of the Chairman of the sixth high-level meeting" in body


def test_conclusions_the_reader_may_not_read_are_named_only_by_their_kind(
    client_for, cast_documents
) -> None:
    from interlock.meetings.models import Meeting

    secret = cast_documents["confidential_to_partner"]
    Meeting.objects.filter(series__key="standing-committee", number=1).update(outcome=secret)
    path = "/meetings/standing-committee/1/"
    assert f'href="/documents/{secret.pk}/"' in client_for("partner").get(path).content.decode()
    for part in ("outsider", "anonymous", "secretariat"):
        body = client_for(part).get(path).content.decode()
        assert secret.title not in body and f"/documents/{secret.pk}/" not in body
        assert "a document (withheld)" in body


def fifty_five_meetings():
    """55 meetings of the working group on peacekeeping, one a day from 2 January 2030: more than
    a page of the list, newer than any other meeting."""
    series = MeetingSeries.objects.get(key="wg-peacekeeping")
    Meeting.objects.bulk_create(
        Meeting(
            series=series,
            number=n,
            title_en=f"Peacekeeping group meeting {n}",
            starts_on=dt.date(2030, 1, 1) + dt.timedelta(days=n),
            ends_on=dt.date(2030, 1, 1) + dt.timedelta(days=n),
        )
        for n in range(1, 56)
    )
    return series


def test_the_meetings_list_comes_in_pages_of_fifty_newest_first_keeping_the_series(
    client,
) -> None:
    series = fifty_five_meetings()
    total = Meeting.objects.count()
    first = client.get("/meetings/")
    assert len(first.context["meetings"]) == 50
    assert first.context["meetings"][0].title == "Peacekeeping group meeting 55"  # newest first
    assert 'href="?page=2"' in first.content.decode()
    second = client.get("/meetings/?page=2")
    assert len(second.context["meetings"]) == total - 50
    assert "Sixth high-level meeting" in second.content.decode()  # the oldest, last
    # A series chosen stays chosen from page to page.
    group = client.get("/meetings/", {"series": series.key}).content.decode()
    assert 'href="?series=wg-peacekeeping&amp;page=2"' in group
    last = client.get("/meetings/", {"series": series.key, "page": 2})
    assert [m.number for m in last.context["meetings"]] == [5, 4, 3, 2, 1]
    assert client.get("/meetings/?page=999").context["page"].number == 2  # the last page


def test_the_api_lists_meetings_in_pages_as_every_api_list_does(client) -> None:
    fifty_five_meetings()
    total = Meeting.objects.count()
    first = client.get("/api/v1/meetings").json()
    assert first["count"] == total and len(first["items"]) == 50  # the default page
    assert first["items"][0]["number"] == 55  # newest first, as on the page
    rest = client.get("/api/v1/meetings", {"offset": 50}).json()["items"]
    assert len(rest) == total - 50 and rest[-1]["number"] == 6  # the sixth, oldest
    chosen = client.get("/api/v1/meetings", {"series": "wg-peacekeeping", "limit": 10}).json()
    assert chosen["count"] == 55 and [m["number"] for m in chosen["items"]][:2] == [55, 54]
    assert client.get("/api/v1/meetings", {"limit": 501}).status_code == 422  # bounded
