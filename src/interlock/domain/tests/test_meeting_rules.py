"""The rules of the meeting cycle, tested without a database."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from interlock.domain.meetings import (
    Agreement,
    CommentRound,
    CycleFlag,
    MeetingStatus,
    RecordStatus,
    Sitting,
    annual_cycle,
    compare_figure,
    may_comment,
    may_move_meeting,
    may_move_record,
    paragraph_diff,
    paragraphs,
    proposed_dates,
)

days = st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2035, 12, 31))
sittings = st.builds(
    lambda start, length: Sitting(start, start + dt.timedelta(days=length)),
    days,
    st.integers(min_value=0, max_value=4),
)


@given(st.sampled_from(MeetingStatus), st.sampled_from(MeetingStatus))
def test_a_meeting_moves_exactly_one_status_forward_or_is_cancelled_before_it_convenes(
    current, wanted
) -> None:
    cancelled = MeetingStatus.CANCELLED
    order = [s for s in MeetingStatus if s is not cancelled]
    if current is cancelled:
        expected = False
    elif wanted is cancelled:
        expected = current in (MeetingStatus.PLANNED, MeetingStatus.INVITED)
    else:
        expected = order.index(wanted) == order.index(current) + 1
    assert bool(may_move_meeting(current, wanted)) == expected


@given(st.integers(0, 30), st.integers(0, 30), st.integers(0, 30))
def test_a_reported_figure_agrees_only_when_every_level_is_known_and_equal(
    reported, confirmed, unknown
) -> None:
    state = compare_figure(reported, confirmed, unknown)
    if state is Agreement.AGREES:
        assert reported == confirmed and unknown == 0
    elif state is Agreement.UNCONFIRMED:
        assert confirmed <= reported <= confirmed + unknown
    else:
        assert reported < confirmed or reported > confirmed + unknown


def test_the_sixth_meetings_thirteen_at_head_level_is_not_confirmed() -> None:
    assert compare_figure(13, 0, 20) is Agreement.UNCONFIRMED
    assert compare_figure(20, 20) is Agreement.AGREES
    assert compare_figure(None, 20) is Agreement.NOT_REPORTED
    assert compare_figure(13, 14, 0) is Agreement.DISAGREES


@given(sittings, st.integers(min_value=1, max_value=5))
def test_proposed_dates_coincide_with_the_councils_meeting(council, length) -> None:
    proposal = proposed_dates(council, length)
    assert proposal.coincides_with(council, within_days=0)
    assert (proposal.ends_on - proposal.starts_on).days == length - 1


@given(st.lists(sittings, max_size=4), st.lists(sittings, max_size=4))
def test_every_year_is_flagged_unless_its_meetings_coincide(high, council) -> None:
    years = range(2005, 2036)
    for year in annual_cycle(high, council, years):
        if year.in_order:
            assert year.high_level and year.council
            assert all(
                any(h.coincides_with(c, within_days=3) for c in year.council)
                for h in year.high_level
            )
        if not year.high_level:
            assert CycleFlag.NO_HIGH_LEVEL_MEETING in year.flags


def test_a_meeting_a_week_away_from_the_councils_does_not_coincide() -> None:
    council = Sitting(dt.date(2027, 7, 20), dt.date(2027, 7, 20))
    (year,) = annual_cycle([Sitting(dt.date(2027, 7, 28), dt.date(2027, 7, 29))], [council], [2027])
    assert year.flags == (CycleFlag.DOES_NOT_COINCIDE,)
    (year,) = annual_cycle([proposed_dates(council, 2)], [council], [2027])
    assert year.in_order


@given(st.sampled_from(RecordStatus), st.sampled_from(RecordStatus), st.integers(0, 3))
def test_a_record_goes_draft_circulated_revised_final_and_stays_final(current, wanted, open_):
    decision = may_move_record(current, wanted, undisposed_comments=open_)
    steps = {("draft", "circulated"), ("circulated", "revised"), ("revised", "final")}
    expected = (current.value, wanted.value) in steps and not (wanted == "final" and open_)
    assert bool(decision) == expected


NOW = dt.datetime(2027, 8, 1, 12, tzinfo=dt.UTC)


@given(
    st.sampled_from(RecordStatus),
    st.one_of(st.none(), st.integers(1, 4)),
    st.booleans(),
    st.integers(-3, 3),
)
def test_only_participants_comment_on_a_circulated_record_before_its_deadline(
    status, organization, commenting_role, days_left
) -> None:
    round_ = CommentRound(
        status=status, deadline=NOW + dt.timedelta(days=days_left), participants=frozenset({1, 2})
    )
    decision = may_comment(
        organization=organization, commenting_role=commenting_role, round_=round_, at=NOW
    )
    assert bool(decision) == (
        status is RecordStatus.CIRCULATED
        and organization in (1, 2)
        and commenting_role
        and days_left > 0
    )
    assert decision.reason


words = st.text(alphabet="abcde ", min_size=1, max_size=30).map(lambda s: " ".join(s.split()))
texts = st.lists(words.filter(bool), max_size=8)


@given(texts, texts)
def test_a_diff_rebuilds_both_versions(old, new) -> None:
    rows = paragraph_diff(old, new)
    rebuilt_old = [
        " ".join(w for kind, w in row.words if kind != "insert") for row in rows if row.old_number
    ]
    rebuilt_new = [
        " ".join(w for kind, w in row.words if kind != "delete") for row in rows if row.new_number
    ]
    assert rebuilt_old == old and rebuilt_new == new


def test_paragraphs_are_blocks_separated_by_an_empty_line() -> None:
    assert paragraphs("One\nline.\n\n\n  Two.  \r\n\r\nThree.") == ["One line.", "Two.", "Three."]
