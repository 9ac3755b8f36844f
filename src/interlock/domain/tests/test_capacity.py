"""The progress of a capacity-building plan, from its milestones alone (pure rules)."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from interlock.domain.capacity import (
    ACHIEVED,
    DELAYED,
    DROPPED,
    IN_PROGRESS,
    PLANNED,
    STATUSES,
    UNKNOWN,
    MilestoneFacts,
    chart,
    progress,
)

M = MilestoneFacts
milestone = st.builds(
    MilestoneFacts,
    status=st.sampled_from(STATUSES),
    target_year=st.one_of(st.none(), st.integers(2000, 2030)),
)
milestones = st.lists(milestone, max_size=40)


def test_the_share_achieved_leaves_out_dropped_milestones_and_counts_delays():
    p = progress(
        [M(ACHIEVED, 2007), M(DELAYED, 2008), M(PLANNED, 2009), M(DROPPED, 2009)], year=2026
    )
    assert (p.total, p.counted, p.achieved, p.delayed) == (4, 3, 1, 1)
    assert p.low == p.high == Fraction(1, 3) and p.exact
    assert p.overdue == 1  # planned for 2009, still not reached in 2026


def test_milestones_of_unknown_status_make_the_share_an_interval():
    p = progress(
        [M(ACHIEVED, 2010), M(UNKNOWN, 2010), M(UNKNOWN, None), M(PLANNED, 2030)], year=2026
    )
    assert (p.low, p.high) == (Fraction(1, 4), Fraction(3, 4)) and not p.exact


def test_a_plan_without_milestones_has_no_share_at_all():
    p = progress([], year=2026)
    assert p.low is None and p.high is None and not p.exact and p.by_year == ()
    assert chart(p).bars == ()


def test_years_are_in_order_with_the_unknown_year_last():
    p = progress([M(PLANNED, None), M(ACHIEVED, 2012), M(IN_PROGRESS, 2008)], year=2026)
    assert [y.year for y in p.by_year] == [2008, 2012, None]


def test_right_to_left_the_first_year_is_drawn_on_the_right():
    p = progress([M(ACHIEVED, 2007), M(PLANNED, 2016)], year=2026)
    ltr, rtl = chart(p), chart(p, rtl=True)
    assert ltr.bars[0].x < ltr.bars[1].x
    assert rtl.bars[0].x > rtl.bars[1].x


@given(milestones, st.integers(2000, 2030))
def test_the_share_is_a_true_interval_between_zero_and_one(facts, year):
    p = progress(facts, year=year)
    if p.counted:
        assert p.low is not None and p.high is not None
        assert 0 <= p.low <= p.high <= 1
        assert (p.low == p.high) == (p.unknown == 0)
    assert sum(y.total for y in p.by_year) == p.total == len(facts)
    assert p.overdue <= p.counted - p.achieved


@given(milestones, st.randoms())
def test_the_order_of_milestones_never_matters(facts, random):
    shuffled = list(facts)
    random.shuffle(shuffled)
    assert progress(shuffled, year=2020) == progress(facts, year=2020)


@given(milestones, milestone)
def test_achieving_a_milestone_never_lowers_the_share(facts, one):
    before = progress([*facts, one], year=2020)
    after = progress([*facts, M(ACHIEVED, one.target_year)], year=2020)
    if one.status == DROPPED:
        return  # it re-enters the count: a different question
    assert after.low is not None and before.low is not None
    assert after.low >= before.low and after.high >= before.high  # type: ignore[operator]


@given(milestones)
def test_a_dropped_milestone_changes_no_share(facts):
    assert progress([*facts, M(DROPPED, 2010)], year=2020).low == progress(facts, year=2020).low


@given(milestones, st.booleans())
def test_every_bar_fits_the_chart_and_its_segments_are_in_proportion(facts, rtl):
    p = progress(facts, year=2020)
    c = chart(p, rtl=rtl)
    tallest = max((b.total for b in c.bars), default=0)
    for bar in c.bars:
        assert bar.x >= 0 and bar.x + bar.width <= c.width
        height = sum(s.height for s in bar.segments)
        assert abs(height - (c.plot_bottom - c.plot_top) * bar.total / tallest) < 1e-6
        for s in bar.segments:
            assert c.plot_top - 1e-6 <= s.y and s.y + s.height <= c.plot_bottom + 1e-6
    assert [b.year for b in c.bars] == [y.year for y in p.by_year]
