"""The information-sharing policy, as properties over random worlds (no database)."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from interlock.domain.sharing import AgreementTerms, Item, Level, Reader, Why, may_read

ORGS = [1, 2, 3, 4]
TOPICS = ["peacekeeping", "disarmament", "disaster-relief"]
T0 = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
instants = st.integers(0, 100).map(lambda d: T0 + dt.timedelta(days=d))


@st.composite
def agreements(draw: st.DrawFn) -> AgreementTerms:
    a, b = draw(st.lists(st.sampled_from(ORGS), min_size=2, max_size=2, unique=True))
    start = draw(st.one_of(st.none(), instants))
    end = draw(st.one_of(st.none(), instants)) if start else None
    if start and end and end <= start:
        end = None
    coverage = draw(
        st.frozensets(
            st.tuples(
                st.sampled_from(TOPICS), st.sampled_from([Level.PARTNERSHIP, Level.RESTRICTED])
            )
        )
    )
    return AgreementTerms(
        name=f"A{a}{b}",
        parties=frozenset({a, b}),
        in_force_from=start,
        ends_at=end,
        coverage=coverage,
    )


items = st.builds(
    Item,
    owner=st.sampled_from(ORGS),
    level=st.sampled_from(Level),
    topics=st.frozensets(st.sampled_from(TOPICS)),
    named=st.frozensets(st.sampled_from(ORGS)),
)
readers = st.one_of(
    st.just(Reader.anonymous()),
    st.builds(Reader, organization=st.sampled_from(ORGS), is_secretariat=st.booleans()),
    st.builds(Reader, organization=st.sampled_from(ORGS), is_research_partner=st.just(True)),
)
worlds = st.lists(agreements(), max_size=5)


@given(readers, items, worlds, instants)
def test_public_items_are_read_by_anyone_and_the_anonymous_read_nothing_else(
    reader, item, world, at
) -> None:
    allowed = bool(may_read(reader, item, world, at))
    if item.level is Level.PUBLIC:
        assert allowed
    elif reader.organization is None:
        assert not allowed


@given(items, worlds, instants, st.booleans())
def test_the_owner_always_reads_its_own_items(item, world, at, secretariat) -> None:
    assert may_read(Reader(item.owner, secretariat), item, world, at)


@given(readers, items, worlds, instants)
def test_a_confidential_item_reaches_only_its_owner_and_the_organizations_it_names(
    reader, item, world, at
) -> None:
    if item.level is Level.CONFIDENTIAL and may_read(reader, item, world, at):
        assert reader.organization == item.owner or reader.organization in item.named


@given(readers, items, worlds, instants)
def test_taking_an_agreement_away_never_opens_anything(reader, item, world, at) -> None:
    for index in range(len(world)):
        fewer = world[:index] + world[index + 1 :]
        if may_read(reader, item, fewer, at):
            assert may_read(reader, item, world, at)


@given(readers, items, worlds, instants)
def test_no_agreement_opens_anything_after_it_ends(reader, item, world, at) -> None:
    ended = [
        AgreementTerms(a.name, a.parties, a.in_force_from, at, a.coverage)
        if a.in_force_from and a.in_force_from < at
        else a
        for a in world
    ]
    if (
        item.level is Level.RESTRICTED
        and not reader.is_secretariat
        and reader.organization != item.owner
    ):
        still_open = [a for a in ended if a.in_force_at(at)]
        assert bool(may_read(reader, item, ended, at)) == bool(
            may_read(reader, item, still_open, at)
        )


def test_an_agreement_opens_a_restricted_item_from_its_first_instant_until_its_last() -> None:
    start, end = T0, T0 + dt.timedelta(days=30)
    terms = [
        AgreementTerms(
            "AU–EU", frozenset({1, 2}), start, end, frozenset({("peacekeeping", Level.RESTRICTED)})
        )
    ]
    item = Item(owner=1, level=Level.RESTRICTED, topics=frozenset({"peacekeeping"}))
    eu = Reader(organization=2)
    assert not may_read(eu, item, terms, start - dt.timedelta(microseconds=1))
    assert may_read(eu, item, terms, start)
    assert may_read(eu, item, terms, end - dt.timedelta(microseconds=1))
    decision = may_read(eu, item, terms, end)
    assert not decision and decision.reason.code is Why.NOT_IN_FORCE


def test_coverage_up_to_partnership_does_not_open_restricted_items() -> None:
    terms = [
        AgreementTerms(
            "AU–EU", frozenset({1, 2}), T0, None, frozenset({("peacekeeping", Level.PARTNERSHIP)})
        )
    ]
    item = Item(owner=1, level=Level.RESTRICTED, topics=frozenset({"peacekeeping"}))
    assert not may_read(Reader(organization=2), item, terms, T0)


def test_the_reason_names_the_agreement_and_the_topic() -> None:
    terms = [
        AgreementTerms(
            "AU–EU arrangement",
            frozenset({1, 2}),
            T0,
            None,
            frozenset({("peacekeeping", Level.RESTRICTED)}),
        )
    ]
    item = Item(owner=1, level=Level.RESTRICTED, topics=frozenset({"peacekeeping"}))
    reason = may_read(Reader(organization=2), item, terms, T0).reason
    assert reason.code is Why.AGREEMENT
    assert reason.params == {
        "agreement": "AU–EU arrangement",
        "since": T0,
        "topic": "peacekeeping",
        "level": "restricted",
    }


@given(items, worlds, instants, st.sampled_from(ORGS))
def test_the_research_partner_reads_as_a_participant_but_no_restricted_item_of_another(
    item, world, at, home
) -> None:
    partner = Reader(home, is_research_partner=True)
    participant = Reader(home)
    allowed = bool(may_read(partner, item, world, at))
    if item.level is Level.RESTRICTED and item.owner != home:
        assert not allowed
        assert may_read(partner, item, world, at).reason.code is Why.RESEARCH_PARTNER
    else:
        assert allowed == bool(may_read(participant, item, world, at))
