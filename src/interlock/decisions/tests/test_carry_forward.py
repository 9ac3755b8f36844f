"""The decisions of a meeting that are not completed are carried to the next meeting's preparation
page (¶10), grouped by where they stand, with their overdue reports."""

import datetime as dt

import pytest

from interlock.decisions import services
from interlock.decisions.models import Decision
from interlock.decisions.selectors import carried_forward

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def seventh(cast):
    from interlock.meetings import services as meetings
    from interlock.meetings.models import MeetingSeries

    return meetings.meeting_create(
        actor=cast["secretariat"],
        series=MeetingSeries.objects.get(key="high-level"),
        number=7,
        title_en="Seventh high-level meeting",
        starts_on=D(2027, 9, 1),
        ends_on=D(2027, 9, 2),
        venue="New York",
    )


def complete(cast, decision: Decision) -> None:
    from interlock.registry.models import Organization

    action = services.action_create(
        actor=cast["secretariat"], decision=decision, title="Done", lead=Organization.objects.get(
            acronym="AU"), supporting=[], target_date=None,
    )  # fmt: skip
    action.status = "completed"
    action.save(update_fields=["status"])


def test_open_decisions_are_grouped_by_status_and_completed_ones_left_out(
    cast, sixth, au_action
) -> None:
    complete(cast, Decision.objects.get(meeting=sixth, number=3))
    au_action.status = "in_progress"
    au_action.save(update_fields=["status"])
    carried = carried_forward(cast["partner"], meeting=sixth, today=D(2026, 5, 1))
    groups = {status: [row.decision.number for row in rows] for status, _, rows in carried.groups}
    assert groups["in_progress"] == [2]
    assert 3 not in groups["not_reported"]
    assert carried.count == Decision.objects.filter(meeting=sixth).count() - 1
    assert [i.title for i in carried.overdue] == ["Pillars with a work plan"]
    assert next(r for r in carried.groups[1][2] if r.decision.number == 2).overdue == 1


def test_nothing_is_overdue_before_the_first_due_date(cast, sixth, au_action) -> None:
    from django.contrib.auth.models import AnonymousUser

    carried = carried_forward(AnonymousUser(), meeting=sixth, today=D(2026, 3, 31))
    assert carried.count == Decision.objects.filter(meeting=sixth).count()
    assert carried.overdue == []


def test_a_superseded_decision_is_not_carried_forward(cast, sixth) -> None:
    old, new = Decision.objects.filter(meeting=sixth).order_by("number")[:2]
    services.decision_supersede(actor=cast["secretariat"], decision=old, by=new)
    carried = carried_forward(cast["owner"], meeting=sixth, today=D(2026, 1, 1))
    numbers = [row.decision.number for *_, rows in carried.groups for row in rows]
    assert old.number not in numbers and new.number in numbers


def test_the_seventh_meetings_preparation_shows_the_sixths_open_decisions(
    client_for, seventh, au_action
) -> None:
    for part in ("anonymous", "outsider", "secretariat"):
        page = client_for(part).get("/meetings/high-level/7/preparation/")
        assert page.status_code == 200
        html = page.content.decode()
        assert "Decisions still open" in html
        assert "HLM6/2" in html and 'id="status-not_reported"' in html
        assert "Pillars with a work plan" in html  # overdue since 31 March 2026
