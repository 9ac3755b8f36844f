from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from interlock.meetings.models import Delegation, DelegationLevel, Meeting


def meeting_list() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("source").annotate(
        delegation_count=Count("delegations"),
        head_level_count=Count(
            "delegations", filter=Q(delegations__level=DelegationLevel.HEAD_OF_ORGANIZATION)
        ),
    )


def meeting_get(*, number: int) -> Meeting:
    return (
        meeting_list()
        .prefetch_related(
            Prefetch(
                "delegations",
                queryset=Delegation.objects.select_related(
                    "organization", "source", "level_source"
                ),
            ),
            # Each organization under the name it bore at the meeting (registry|name_on).
            "delegations__organization__former_names",
        )
        .get(number=number)
    )


@dataclass(frozen=True)
class AttendanceFigures:
    """What the record reports beside what Interlock can count from the delegations it holds."""

    reported_participants: int | None
    counted_participants: int
    reported_head_level: int | None
    confirmed_head_level: int
    unknown_level: int


def attendance_figures(meeting: Meeting) -> AttendanceFigures:
    delegations = list(meeting.delegations.all())
    return AttendanceFigures(
        reported_participants=meeting.reported_participants,
        counted_participants=len(delegations),
        reported_head_level=meeting.reported_head_level,
        confirmed_head_level=sum(
            d.level == DelegationLevel.HEAD_OF_ORGANIZATION for d in delegations
        ),
        unknown_level=sum(d.level == DelegationLevel.UNKNOWN for d in delegations),
    )
