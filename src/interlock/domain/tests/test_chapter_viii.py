"""Articles 52, 53 and 54 of the Charter, as plain rules."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from interlock.domain.chapter_viii import (
    ACTING,
    Authorization,
    article_53,
    article_54_due,
    is_regional_to,
)

RES = Authorization("S/RES/1590 (2005)", dt.date(2005, 3, 24), domains=frozenset({"police"}))
STATUSES = ["alerted", "standing_by", "active", "deactivated", "unable_to_act"]


def _53(*, enforcement=True, chapter_viii=True, domain="police", authorizations=(RES,)):
    return article_53(
        enforcement=enforcement,
        chapter_viii=chapter_viii,
        domain=domain,
        organization="AU",
        authorizations=authorizations,
    )


def test_enforcement_by_a_chapter_viii_organization_needs_an_authorization_that_covers_it():
    assert _53()
    assert "S/RES/1590 (2005)" in _53().reason
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
