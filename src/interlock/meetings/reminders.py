"""Reminders of the meeting cycle (sent by ``core.reminders``): an invitation not yet answered a
fortnight before the meeting, to the invited organization's liaison official; a comment deadline
three days ahead, to the people of the participating organizations who may read the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from interlock.core.models import NotificationKind
from interlock.core.reminders import Due, register, register_kind
from interlock.domain.permissions import Role
from interlock.meetings.models import (
    Invitation,
    InvitationAnswer,
    Meeting,
    MeetingStatus,
    Record,
    RecordStatus,
)
from interlock.meetings.services import people_of, record_readers

ANSWER_DAYS_BEFORE = 14  # an unanswered invitation, a fortnight before the meeting opens
DEADLINE_DAYS_BEFORE = 3  # a comment deadline, three days ahead

INVITATION_ANSWER = "meetings.invitation_answer"
COMMENT_DEADLINE = "meetings.comment_deadline"
register_kind(INVITATION_ANSWER, gettext_lazy("Invitation not yet answered"))
register_kind(COMMENT_DEADLINE, gettext_lazy("Comment deadline near"))


@register
def invitation_answers(today: dt.date) -> Iterator[Due]:
    """Invitations still pending to meetings that open within a fortnight (two queries)."""
    pending = list(
        Invitation.objects.filter(
            answer=InvitationAnswer.PENDING,
            meeting__status=MeetingStatus.INVITED,
            meeting__starts_on__gt=today,
            meeting__starts_on__lte=today + dt.timedelta(days=ANSWER_DAYS_BEFORE),
        ).select_related("meeting__series", "organization")
    )
    officials = people_of({i.organization_id for i in pending}).filter(role=Role.LIAISON_OFFICIAL)
    by_organization: dict[int, list[object]] = {}
    for official in officials:
        by_organization.setdefault(official.organization_id, []).append(official)
    for invitation in pending:
        meeting = invitation.meeting
        for official in by_organization.get(invitation.organization_id, []):
            yield Due(
                kind=INVITATION_ANSWER,
                target=invitation,
                occasion=meeting.starts_on.isoformat(),
                recipient=official,
                subject=partial(_answer_subject, meeting),
                body=partial(_answer_body, meeting),
            )


@register
def comment_deadlines(today: dt.date) -> Iterator[Due]:
    """Records circulated for comment whose deadline falls in the next three days: to each person
    of a participating organization that may read the record (a query per record: a handful)."""
    now = timezone.now()
    records = Record.objects.filter(
        status=RecordStatus.CIRCULATED,
        comment_deadline__gt=now,
        comment_deadline__date__lte=today + dt.timedelta(days=DEADLINE_DAYS_BEFORE),
    ).select_related("document", "meeting__series")
    for record in records:
        assert record.comment_deadline is not None  # filtered above
        deadline = record.comment_deadline
        link = f"/meetings/{record.meeting.series.key}/{record.meeting.number}/record/"
        for person in record_readers(record):
            yield Due(
                kind=COMMENT_DEADLINE,
                target=record,
                occasion=deadline.isoformat()[:40],
                recipient=person,
                subject=partial(_deadline_subject, record, deadline),
                body=partial(_deadline_body, record, deadline),
                notification=NotificationKind.DEADLINE_NEAR,
                link=link,
            )


def _answer_subject(meeting: Meeting) -> str:
    return _("Please answer the invitation to %(meeting)s") % {"meeting": meeting.title}


def _answer_body(meeting: Meeting) -> str:
    return _(
        "%(meeting)s opens on %(day)s (%(venue)s). Your organization has not yet answered its "
        "invitation: answer it, and register your delegation, on the meeting's page in Interlock."
    ) % {
        "meeting": meeting.title,
        "day": meeting.starts_on.isoformat(),
        "venue": _("online") if meeting.online else meeting.venue,
    }


def _deadline_subject(record: Record, deadline: dt.datetime) -> str:
    return _("Comments due on %(day)s: %(record)s") % {
        "day": deadline.date().isoformat(),
        "record": record.document.title,
    }


def _deadline_body(record: Record, deadline: dt.datetime) -> str:
    return _(
        "The comment round on %(record)s closes on %(when)s (UTC). Comments are made on the "
        "record's page in Interlock, each on one paragraph."
    ) % {"record": record.document.title, "when": f"{deadline.astimezone(dt.UTC):%Y-%m-%d %H:%M}"}
