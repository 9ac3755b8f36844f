"""Half-open periods [start, end): the arithmetic under every dated membership and appointment."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interlock.domain.periods import Period, first_overlap

days = st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2100, 1, 1))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(days)
    length = draw(st.one_of(st.none(), st.integers(1, 20_000)))
    return Period(start, None if length is None else start + dt.timedelta(days=length))


@given(periods(), periods())
def test_overlap_is_symmetric(a: Period, b: Period) -> None:
    assert a.overlaps(b) == b.overlaps(a)


@given(periods(), periods(), days)
def test_two_periods_containing_one_day_overlap(a: Period, b: Period, day: dt.date) -> None:
    if a.contains(day) and b.contains(day):
        assert a.overlaps(b)


@given(periods())
def test_a_period_contains_its_first_day_but_not_its_end(p: Period) -> None:
    assert p.contains(p.start)
    if p.end is not None:
        assert not p.contains(p.end)


def test_a_membership_that_ends_the_day_the_next_starts_does_not_overlap() -> None:
    before = Period(dt.date(1973, 1, 1), dt.date(2020, 2, 1))
    after = Period(dt.date(2020, 2, 1))
    assert first_overlap([after, before]) is None


def test_the_first_overlap_is_found_whatever_the_order() -> None:
    a, b = Period(dt.date(2000, 1, 1), dt.date(2005, 1, 1)), Period(dt.date(2004, 1, 1))
    assert first_overlap([b, a]) == (a, b)


def test_a_period_must_end_after_it_starts() -> None:
    with pytest.raises(ValueError, match="must end after it starts"):
        Period(dt.date(2005, 7, 26), dt.date(2005, 7, 25))
