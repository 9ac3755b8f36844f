"""Reporting schedules, overdue reports, reminders and progress roll-up, with a controlled clock."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interlock.domain.implementation import (
    Reminder,
    Schedule,
    Standing,
    Status,
    add_months,
    decision_status,
    is_open,
    reminders_owed,
    rollup,
    standing,
)

D = dt.date


def test_a_schedule_gives_a_due_date_every_n_months_up_to_its_end() -> None:
    schedule = Schedule(D(2026, 1, 31), D(2026, 12, 31), every_months=3)
    assert schedule.due_dates() == [D(2026, 1, 31), D(2026, 4, 30), D(2026, 7, 31), D(2026, 10, 31)]


def test_a_schedule_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot end before it starts"):
        Schedule(D(2026, 2, 1), D(2026, 1, 1), every_months=1)


def test_a_due_date_is_overdue_the_day_after_it_passes() -> None:
    due = D(2026, 6, 30)
    assert standing(due, submitted=False, today=D(2026, 6, 30)) is Standing.DUE_SOON
    assert standing(due, submitted=False, today=D(2026, 7, 1)) is Standing.OVERDUE
    assert standing(due, submitted=True, today=D(2026, 7, 1)) is Standing.SUBMITTED
    assert standing(due, submitted=False, today=D(2026, 5, 30)) is Standing.UPCOMING


def test_reminders_go_thirty_days_before_and_once_overdue_and_never_twice() -> None:
    dues = [D(2026, 3, 31), D(2026, 6, 30)]
    assert reminders_owed(dues, submitted=[], sent=[], today=D(2026, 3, 1)) == [
        (D(2026, 3, 31), Reminder.BEFORE)
    ]
    sent = [(D(2026, 3, 31), Reminder.BEFORE)]
    assert reminders_owed(dues, submitted=[], sent=sent, today=D(2026, 3, 2)) == []
    assert reminders_owed(dues, submitted=[], sent=sent, today=D(2026, 4, 1)) == [
        (D(2026, 3, 31), Reminder.OVERDUE)
    ]
    assert reminders_owed(dues, submitted=[D(2026, 3, 31)], sent=sent, today=D(2026, 4, 1)) == []


def test_progress_rolls_up_from_what_is_known_and_says_what_is_not() -> None:
    result = rollup(
        [(Status.COMPLETED, None), (Status.IN_PROGRESS, 0.2), (Status.NOT_REPORTED, None)]
    )
    assert result.progress == pytest.approx(0.6)
    assert (result.known, result.unknown) == (2, 1)
    assert rollup([(Status.NOT_REPORTED, None)]).progress is None
    assert rollup([(Status.DISCONTINUED, None), (Status.COMPLETED, None)]).progress == 1.0


@given(st.dates(D(2000, 1, 1), D(2090, 1, 1)), st.integers(0, 400))
def test_adding_months_lands_in_the_right_month_never_later_in_it(
    day: dt.date, months: int
) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day <= day.day


@given(st.dates(D(2000, 1, 1), D(2040, 1, 1)), st.integers(0, 3000), st.integers(1, 24))
def test_due_dates_are_within_the_schedule_and_increasing(
    start: dt.date, days: int, every: int
) -> None:
    schedule = Schedule(start, start + dt.timedelta(days=days), every)
    dues = schedule.due_dates()
    assert dues[0] == start and all(start <= d <= schedule.end for d in dues)
    assert dues == sorted(set(dues))


@given(st.lists(st.tuples(st.sampled_from(Status), st.none() | st.floats(0, 1)), max_size=10))
def test_rolled_up_progress_is_a_share_or_unknown(parts) -> None:
    result = rollup(parts)
    assert result.progress is None or 0 <= result.progress <= 1
    assert result.known + result.unknown == sum(s is not Status.DISCONTINUED for s, _ in parts)


def test_a_decision_stands_where_its_least_advanced_action_stands() -> None:
    assert decision_status([]) is Status.NOT_REPORTED
    assert (
        decision_status([Status.COMPLETED, Status.IN_PROGRESS, Status.ADVANCED])
        is Status.IN_PROGRESS
    )
    assert decision_status([Status.COMPLETED, Status.NOT_REPORTED]) is Status.NOT_REPORTED
    assert decision_status([Status.COMPLETED, Status.DISCONTINUED]) is Status.COMPLETED
    assert decision_status([Status.DISCONTINUED, Status.DISCONTINUED]) is Status.DISCONTINUED


def test_only_completed_decisions_are_not_carried_forward() -> None:
    assert [s for s in Status if not is_open(s)] == [Status.COMPLETED]
