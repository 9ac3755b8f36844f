"""Monitoring the implementation of decisions (¶7c: "a monitor for ensuring the implementation of
decisions made"), in plain Python: reporting schedules and their due dates, what is overdue,
which reminders are owed, and how progress rolls up from actions to a decision.

Where nothing has been reported, progress is unknown (None), never zero: the source says nothing
of how far a decision has been implemented, and the monitor must not pretend it does.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

REMIND_DAYS_BEFORE = 30


class Status(StrEnum):
    NOT_REPORTED = "not_reported"
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    ADVANCED = "advanced"
    COMPLETED = "completed"
    DISCONTINUED = "discontinued"


# The share of the work each status stands for when a report gives no figure of its own.
# NOT_REPORTED is unknown; DISCONTINUED leaves the roll-up (it will not be done, nor measured).
DEFAULT_PROGRESS: dict[Status, float | None] = {
    Status.NOT_REPORTED: None,
    Status.NOT_STARTED: 0.0,
    Status.IN_PROGRESS: 0.5,
    Status.ADVANCED: 0.75,
    Status.COMPLETED: 1.0,
    Status.DISCONTINUED: None,
}


@dataclass(frozen=True)
class Schedule:
    """Reports are due every ``every_months`` months from ``start`` up to ``end`` inclusive."""

    start: dt.date
    end: dt.date
    every_months: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a reporting schedule cannot end before it starts")
        if self.every_months < 1:
            raise ValueError("reports are due at least every month")

    def due_dates(self) -> list[dt.date]:
        dates, k = [], 0
        while (due := add_months(self.start, k * self.every_months)) <= self.end:
            dates.append(due)
            k += 1
        return dates


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the 31st becomes the month's last day where it has none."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Standing(StrEnum):
    SUBMITTED = "submitted"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    UPCOMING = "upcoming"


def standing(due: dt.date, *, submitted: bool, today: dt.date) -> Standing:
    if submitted:
        return Standing.SUBMITTED
    if due < today:
        return Standing.OVERDUE
    if (due - today).days <= REMIND_DAYS_BEFORE:
        return Standing.DUE_SOON
    return Standing.UPCOMING


class Reminder(StrEnum):
    BEFORE = "before"  # 30 days before the due date
    OVERDUE = "overdue"  # the day after the due date passed without a report


def reminders_owed(
    due_dates: Iterable[dt.date],
    *,
    submitted: Iterable[dt.date],
    sent: Iterable[tuple[dt.date, Reminder]],
    today: dt.date,
) -> list[tuple[dt.date, Reminder]]:
    """Reminders that should have gone by ``today`` and have not: one "before" per due date from
    30 days ahead, one "overdue" once it has passed; none for a period already reported."""
    done, already = set(submitted), set(sent)
    owed = []
    for due in sorted(set(due_dates)):
        if due in done:
            continue
        if due < today and (due, Reminder.OVERDUE) not in already:
            owed.append((due, Reminder.OVERDUE))
        elif (
            due >= today
            and (due - today).days <= REMIND_DAYS_BEFORE
            and (due, Reminder.BEFORE) not in already
        ):
            owed.append((due, Reminder.BEFORE))
    return owed


@dataclass(frozen=True)
class Rollup:
    progress: float | None  # mean of what is known; None where nothing is
    known: int
    unknown: int


def progress_of(status: Status, reported: float | None = None) -> float | None:
    """A report's own figure where it gives one, else its status's default share."""
    if status in (Status.NOT_REPORTED, Status.DISCONTINUED):
        return None
    if reported is not None:
        return min(1.0, max(0.0, reported))
    return DEFAULT_PROGRESS[status]


def rollup(parts: Sequence[tuple[Status, float | None]]) -> Rollup:
    """A decision's progress from its actions' (status, progress): the mean of the known ones,
    with how many are unknown beside it. Discontinued actions leave the roll-up."""
    counted = [(s, p) for s, p in parts if s is not Status.DISCONTINUED]
    known = [p for p in (progress_of(s, p) for s, p in counted) if p is not None]
    if not known:
        return Rollup(None, 0, len(counted))
    return Rollup(sum(known) / len(known), len(known), len(counted) - len(known))


# From least to most advanced: a decision stands where its least advanced action stands.
ADVANCEMENT = (
    Status.NOT_REPORTED,
    Status.NOT_STARTED,
    Status.IN_PROGRESS,
    Status.ADVANCED,
    Status.COMPLETED,
)


def decision_status(statuses: Iterable[Status]) -> Status:
    """Where a decision stands, from its actions' statuses: as far as its least advanced action
    (a decision is not completed while any of its work is not). Discontinued actions leave the
    count; a decision whose every action is discontinued is discontinued; one with no action yet
    is not yet reported."""
    given = list(statuses)
    counted = [s for s in given if s is not Status.DISCONTINUED]
    if not counted:
        return Status.DISCONTINUED if given else Status.NOT_REPORTED
    return min(counted, key=ADVANCEMENT.index)


def is_open(status: Status) -> bool:
    """Carried forward to the next meeting: everything not completed (¶10)."""
    return status is not Status.COMPLETED
