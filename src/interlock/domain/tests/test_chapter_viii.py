"""Articles 52, 53 and 54 of the Charter, as plain rules."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from interlock.domain.chapter_viii import (
    ACTING,
    Authorization,
    Shortfall,
    Why,
    article_53,
    article_54_due,
    authorizing,
    is_regional_to,
    shortfall,
)

RES = Authorization("S/RES/1590 (2005)", dt.date(2005, 3, 24), domains=frozenset({"police"}))
STATUSES = ["alerted", "standing_by", "active", "deactivated", "unable_to_act"]


def _53(
    *,
    enforcement=True,
    chapter_viii=True,
    domain="police",
    authorizations=(RES,),
    organization="AU",
    on=None,
):
    return article_53(
        enforcement=enforcement,
        chapter_viii=chapter_viii,
        domain=domain,
        organization=organization,
        authorizations=authorizations,
        on=on,
    )


def test_enforcement_by_a_chapter_viii_organization_needs_an_authorization_that_covers_it():
    assert _53()
    assert _53().reason.params == {"symbol": "S/RES/1590 (2005)"}
    assert not _53(domain="military_peacekeeping")
    assert not _53(authorizations=())


def test_an_authorization_without_a_symbol_or_a_date_authorizes_nothing():
    assert not _53(authorizations=(Authorization("", dt.date(2005, 3, 24)),))
    assert not _53(authorizations=(Authorization("S/RES/1590 (2005)", None),))


def test_article_53_does_not_concern_other_organizations_or_other_tasks():
    assert _53(chapter_viii=False, authorizations=())
    assert _53(enforcement=False, authorizations=())


def test_an_authorization_naming_organizations_covers_those_only():
    named = Authorization(
        "S/RES/1556 (2004)", dt.date(2004, 7, 30), organizations=frozenset({"EU"})
    )
    assert not _53(authorizations=(named,))
    refused = _53(authorizations=(named,)).reason
    assert refused.params["recorded"] == (("S/RES/1556 (2004)", Shortfall.NOT_NAMED),)
    allowed = _53(authorizations=(named,), organization="EU")
    assert allowed and allowed.reason.params == {
        "symbol": "S/RES/1556 (2004)",
        "organizations": "EU",
    }


def test_a_general_authorization_covers_every_regional_arrangement_and_says_so():
    general = Authorization("S/RES/1590 (2005)", dt.date(2005, 3, 24))
    decision = _53(authorizations=(general,))
    assert decision and decision.reason.code is Why.AUTHORIZED_GENERAL


def test_an_authorization_counts_only_while_it_is_in_force():
    until = Authorization("S/RES/1590 (2005)", dt.date(2005, 3, 24), until=dt.date(2005, 9, 24))
    assert _53(authorizations=(until,), on=dt.date(2005, 9, 24))
    assert not _53(authorizations=(until,), on=dt.date(2005, 9, 25))
    assert not _53(authorizations=(until,), on=dt.date(2005, 3, 23))
    late = _53(authorizations=(until,), on=dt.date(2006, 1, 1)).reason
    assert late.params["recorded"] == (("S/RES/1590 (2005)", Shortfall.NOT_IN_FORCE),)


ORGS = ["AU", "EU", "OAS"]
DAYS = st.dates(dt.date(2004, 1, 1), dt.date(2007, 12, 31))
any_authorization = st.builds(
    Authorization,
    symbol=st.sampled_from(["S/RES/1556 (2004)", "S/RES/1590 (2005)", "", "  "]),
    adopted_on=st.one_of(st.none(), DAYS),
    domains=st.frozensets(st.sampled_from(["police", "mediation"]), max_size=2),
    organizations=st.frozensets(st.sampled_from(ORGS), max_size=2),
    until=st.one_of(st.none(), DAYS),
)


def _oracle(authorization, *, domain, organization, on):
    """Article 53 read straight from its words: a resolution (symbol and date), in force on the
    day, for the task's domain, addressed to the organization by name or to all."""
    return (
        authorization.symbol.strip() != ""
        and authorization.adopted_on is not None
        and authorization.adopted_on <= on
        and (authorization.until is None or on <= authorization.until)
        and (not authorization.domains or domain in authorization.domains)
        and (not authorization.organizations or organization in authorization.organizations)
    )


@given(
    st.lists(any_authorization, max_size=4),
    st.sampled_from(ORGS),
    st.sampled_from(["police", "mediation"]),
    DAYS,
)
def test_enforcement_is_allowed_exactly_when_an_authorization_in_force_names_it_or_is_general(
    authorizations, organization, domain, on
):
    decision = _53(
        authorizations=tuple(authorizations), organization=organization, domain=domain, on=on
    )
    covering = [
        a for a in authorizations if _oracle(a, domain=domain, organization=organization, on=on)
    ]
    assert bool(decision) == bool(covering)
    if covering:
        # The reason names the earliest covering resolution.
        first = min(covering, key=lambda a: (a.adopted_on, a.symbol))
        assert decision.reason.params["symbol"] == first.symbol
        assert (
            authorizing(
                domain=domain, organization=organization, authorizations=authorizations, on=on
            )
            == first
        )
    else:
        # The reason names every recorded resolution and why it falls short.
        for a in authorizations:
            why = shortfall(a, domain=domain, organization=organization, on=on)
            assert why is not None and (a.symbol, why) in decision.reason.params["recorded"]


@given(st.lists(any_authorization, max_size=4), st.sampled_from(ORGS), DAYS)
def test_naming_another_organization_or_expiring_never_widens_an_authorization(
    authorizations, organization, on
):
    allowed = bool(_53(authorizations=tuple(authorizations), organization=organization, on=on))
    narrowed = tuple(
        Authorization(a.symbol, a.adopted_on, a.domains, frozenset({"NOBODY"}), a.until)
        for a in authorizations
    )
    assert not _53(authorizations=narrowed, organization=organization, on=on)
    ended = tuple(
        Authorization(a.symbol, a.adopted_on, a.domains, a.organizations, on - dt.timedelta(1))
        for a in authorizations
    )
    assert not _53(authorizations=ended, organization=organization, on=on)
    assert allowed or not _53(
        authorizations=tuple(a for a in authorizations if a.general),
        organization=organization,
        on=on,
    )


def test_article_53_does_not_concern_organizations_outside_chapter_viii_whatever_the_record():
    assert Shortfall.NOT_NAMED.value == "not_named"
    named = Authorization(
        "S/RES/1556 (2004)", dt.date(2004, 7, 30), organizations=frozenset({"EU"})
    )
    assert _53(chapter_viii=False, authorizations=(named,), on=dt.date(2003, 1, 1))


def test_regional_ownership_is_for_chapter_viii_organizations_of_the_place():
    members, regions = frozenset({"SDN"}), frozenset({"africa"})
    assert is_regional_to(
        chapter_viii=True, members=members, regions=regions, country="SDN", region=""
    )
    assert is_regional_to(
        chapter_viii=True, members=members, regions=regions, country="TCD", region="africa"
    )
    assert not is_regional_to(
        chapter_viii=False, members=members, regions=regions, country="SDN", region="africa"
    )
    assert not is_regional_to(
        chapter_viii=True, members=members, regions=regions, country="IDN", region="asia"
    )


@given(st.booleans(), st.one_of(st.none(), st.sampled_from(STATUSES)), st.sampled_from(STATUSES))
def test_article_54_is_due_when_a_chapter_viii_engagement_starts_or_changes(
    chapter_viii, before, after
):
    due = article_54_due(chapter_viii=chapter_viii, before=before, after=after)
    if not chapter_viii or before == after:
        assert not due
    elif before is None or before in ACTING or after in ACTING:
        assert due
    else:
        assert not due
