"""The end of a sign-in lock: the failures still counted then fall below the limit, and not before."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from interlock.domain.lockout import lock_ends_at

COOL_OFF = dt.timedelta(minutes=15)
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
failures = st.lists(
    st.tuples(
        st.integers(0, 900).map(lambda s: START + dt.timedelta(seconds=s)), st.integers(1, 9)
    ),
    max_size=12,
)


def _counted(rows: list[tuple[dt.datetime, int]], at: dt.datetime) -> int:
    return sum(count for when, count in rows if when + COOL_OFF > at)


@given(failures, st.integers(1, 30))
@settings(deadline=None)  # a pure function; the shared machine's load is not its speed
def test_the_lock_ends_exactly_when_the_count_falls_below_the_limit(rows, limit) -> None:
    ends = lock_ends_at(rows, limit=limit, cool_off=COOL_OFF)
    if ends is None:
        assert sum(count for _at, count in rows) < limit
    else:
        assert _counted(rows, ends) < limit
        assert _counted(rows, ends - dt.timedelta(microseconds=1)) >= limit


def test_five_failures_lock_for_fifteen_minutes_after_the_last() -> None:
    rows = [(START, 4), (START + dt.timedelta(minutes=3), 1)]
    assert lock_ends_at(rows, limit=5, cool_off=COOL_OFF) == START + dt.timedelta(minutes=15)
    assert lock_ends_at(rows[:1], limit=5, cool_off=COOL_OFF) is None
