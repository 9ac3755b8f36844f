"""Every list of decisions, proposals and the monitor runs the same number of queries whatever the
number of decisions, actions, indicators and reports."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def grow(n: int) -> None:
    """n more decisions of the sixth meeting, each with an action (AU lead, EU in support), an
    indicator and a submitted report; and n proposals of the AU, submitted, with a support."""
    from interlock.decisions.models import (
        Action,
        Decision,
        Indicator,
        ProgressReport,
        Proposal,
        Support,
    )
    from interlock.documents.models import Topic
    from interlock.registry.models import Organization

    au, eu = Organization.objects.get(acronym="AU"), Organization.objects.get(acronym="EU")
    start = Decision.objects.filter(meeting__number=6).count() + 1
    topic = Topic.objects.get(key="peacekeeping")
    for number in range(start, start + n):
        decision = Decision.objects.create(
            meeting_id=Decision.objects.values_list("meeting_id", flat=True).first(),
            number=number, title=f"Decision {number}", text="…",
        )  # fmt: skip
        decision.topics.add(topic)
        action = Action.objects.create(decision=decision, title="a", lead=au, status="in_progress")
        action.supporting.add(eu)
        indicator = Indicator.objects.create(
            action=action, title="i", reports_from=dt.date(2026, 1, 1),
            reports_until=dt.date(2026, 12, 31), every_months=3, next_due_on=dt.date(2026, 4, 1),
        )  # fmt: skip
        ProgressReport.objects.create(
            indicator=indicator, due_on=dt.date(2026, 1, 1), organization=au, state="submitted",
            status="in_progress", submitted_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC),
        )  # fmt: skip
        proposal = Proposal.objects.create(
            title=f"P{number}", proposer_kind="organization", organization=au, status="submitted",
            paragraphs=["x"],
        )  # fmt: skip
        Support.objects.create(proposal=proposal, organization=eu, kind="support")


LISTS = [
    ("anonymous", "/decisions/"),
    ("anonymous", "/decisions/?organization=AU&overdue=on"),
    ("partner", "/decisions/6/1/"),
    ("anonymous", "/api/v1/decisions?limit=100"),
    ("anonymous", "/decisions/monitor/"),
    ("anonymous", "/api/v1/monitor"),
    ("anonymous", "/api/v1/actions?limit=100"),
    ("partner", "/api/v1/actions?organization=EU&limit=100"),
    ("anonymous", "/api/v1/indicators?limit=100"),
    ("partner", "/proposals/"),
    ("partner", "/api/v1/proposals?limit=100"),
    ("anonymous", "/groups/standing-committee/"),
    ("anonymous", "/groups/working-groups/"),
]


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize(("part", "path"), LISTS)
def test_the_same_queries_at_two_sizes(client_for, part: str, path: str) -> None:
    client = client_for(part)
    grow(3)
    small = queries(client, path)
    grow(40)
    large = queries(client, path)
    assert small == large, f"{path}: {small} queries, then {large} with more rows"


def test_the_carry_forward_runs_the_same_queries_at_two_sizes(cast, client_for) -> None:
    from interlock.meetings import services
    from interlock.meetings.models import MeetingSeries

    services.meeting_create(
        actor=cast["secretariat"], series=MeetingSeries.objects.get(key="high-level"), number=7,
        title_en="Seventh", starts_on=dt.date(2027, 9, 1), ends_on=dt.date(2027, 9, 2), online=True,
    )  # fmt: skip
    client = client_for("partner")
    grow(3)
    small = queries(client, "/meetings/high-level/7/preparation/")
    grow(40)
    large = queries(client, "/meetings/high-level/7/preparation/")
    assert small == large, f"{small} queries, then {large} with more decisions"
