"""Chapter VIII of the Charter (Articles 52, 53 and 54), as plain rules (DESIGN.md §5).

- Article 52(2): regional arrangements make every effort to settle *local* disputes peacefully
  through those arrangements before referring them to the Security Council. The engine gives
  organizations of the region a preference (:func:`is_regional_to`).
- Article 53(1): "no enforcement action shall be taken under regional arrangements or by regional
  agencies without the authorization of the Security Council". An enforcement task goes to a
  Chapter VIII organization only when the situation records an authorization that cites a
  resolution and a date and covers the task (:func:`article_53`).
- Article 54: the Security Council "shall at all times be kept fully informed of activities
  undertaken or in contemplation" under regional arrangements. Whenever a Chapter VIII
  organization's engagement starts or changes, a notification is due (:func:`article_54_due`).

The Charter basis is the organization's own recorded declaration, never inferred from its kind;
the caller passes it in as ``chapter_viii``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from interlock.domain.decisions import Allowed, Decision, Denied, because


class Why(StrEnum):
    """The reasons :func:`article_53` gives; ``core/reasons.py`` says each in words."""

    NOT_ENFORCEMENT = "chapter_viii.not_enforcement"
    NOT_CHAPTER_VIII = "chapter_viii.not_chapter_viii"
    AUTHORIZED = "chapter_viii.authorized"
    AUTHORIZED_GENERAL = "chapter_viii.authorized_general"
    NEEDS_AUTHORIZATION = "chapter_viii.needs_authorization"
    NOT_AUTHORIZED_BY_RECORDED = "chapter_viii.not_authorized_by_recorded"


@dataclass(frozen=True)
class Authorization:
    """A Security Council authorization recorded on a situation.

    ``organizations`` names the organizations it authorizes; empty means it is general (addressed
    to all Member States and regional arrangements). ``domains`` narrows what it authorizes; empty
    means "not narrowed". It is in force from ``adopted_on`` to ``until`` (inclusive; None: no
    end stated).
    """

    symbol: str
    adopted_on: dt.date | None
    domains: frozenset[str] = frozenset()
    organizations: frozenset[str] = frozenset()
    until: dt.date | None = None

    @property
    def cites_a_resolution(self) -> bool:
        return bool(self.symbol.strip()) and self.adopted_on is not None

    @property
    def general(self) -> bool:
        return not self.organizations

    def in_force(self, on: dt.date | None) -> bool:
        """In force on the day ``on`` (None: the day does not matter, as in a what-if run)."""
        if on is None:
            return True
        return (
            self.adopted_on is not None
            and self.adopted_on <= on
            and (self.until is None or on <= self.until)
        )

    def covers(self, *, domain: str, organization: str) -> bool:
        return (not self.domains or domain in self.domains) and (
            self.general or organization in self.organizations
        )


def authorizing(
    *,
    domain: str,
    organization: str,
    authorizations: Iterable[Authorization],
    on: dt.date | None = None,
) -> Authorization | None:
    """The earliest authorization that cites a resolution, is in force on ``on`` and covers the
    task for this organization (names it, or is general)."""
    for authorization in sorted(
        authorizations, key=lambda a: (a.adopted_on or dt.date.min, a.symbol)
    ):
        if (
            authorization.cites_a_resolution
            and authorization.in_force(on)
            and authorization.covers(domain=domain, organization=organization)
        ):
            return authorization
    return None


class Shortfall(StrEnum):
    """Why a recorded authorization does not authorize this organization for this task."""

    UNCITED = "uncited"
    NOT_IN_FORCE = "not_in_force"
    OTHER_DOMAINS = "other_domains"
    NOT_NAMED = "not_named"


def shortfall(
    authorization: Authorization, *, domain: str, organization: str, on: dt.date | None
) -> Shortfall | None:
    """The first reason, in this order, why ``authorization`` does not cover the task, or None."""
    if not authorization.cites_a_resolution:
        return Shortfall.UNCITED
    if not authorization.in_force(on):
        return Shortfall.NOT_IN_FORCE
    if authorization.domains and domain not in authorization.domains:
        return Shortfall.OTHER_DOMAINS
    if not authorization.general and organization not in authorization.organizations:
        return Shortfall.NOT_NAMED
    return None


def article_53(
    *,
    enforcement: bool,
    chapter_viii: bool,
    domain: str,
    organization: str,
    authorizations: Iterable[Authorization],
    on: dt.date | None = None,
) -> Decision:
    """May this organization take this task under Article 53 on the day ``on``? The reason names
    the resolution that authorizes it, or each recorded one and why it falls short."""
    if not enforcement:
        return Allowed(because(Why.NOT_ENFORCEMENT))
    if not chapter_viii:
        return Allowed(because(Why.NOT_CHAPTER_VIII))
    recorded = list(authorizations)
    found = authorizing(domain=domain, organization=organization, authorizations=recorded, on=on)
    if found is not None:
        if found.general:
            return Allowed(because(Why.AUTHORIZED_GENERAL, symbol=found.symbol))
        named = ", ".join(sorted(found.organizations))
        return Allowed(because(Why.AUTHORIZED, symbol=found.symbol, organizations=named))
    if not recorded:
        return Denied(because(Why.NEEDS_AUTHORIZATION))
    # Each recorded resolution and why it falls short: (symbol, Shortfall).
    short = tuple(
        (a.symbol, shortfall(a, domain=domain, organization=organization, on=on)) for a in recorded
    )
    return Denied(because(Why.NOT_AUTHORIZED_BY_RECORDED, recorded=short))


def uncited(authorizations: Iterable[Authorization]) -> list[Authorization]:
    """Authorizations recorded without a resolution symbol or date: they authorize nothing."""
    return [a for a in authorizations if not a.cites_a_resolution]


def is_regional_to(
    *,
    chapter_viii: bool,
    members: frozenset[str],
    regions: frozenset[str],
    country: str,
    region: str,
) -> bool:
    """Article 52(2): is this a regional arrangement of the place where the task lies?"""
    return chapter_viii and (country in members or (bool(region) and region in regions))


# The statuses of an engagement in which the organization acts or is about to act: Article 54
# speaks of activities "undertaken or in contemplation".
ACTING = frozenset({"alerted", "standing_by", "active"})


def article_54_due(*, chapter_viii: bool, before: str | None, after: str) -> bool:
    """Is a notification to the President of the Security Council due for this change?

    ``before`` is the engagement's previous status (None when it starts). Any start, and any change
    of status, of a Chapter VIII organization's engagement is reported; a change between two
    statuses outside the activities (e.g. unable to act → deactivated) is not.
    """
    if not chapter_viii or before == after:
        return False
    if before is None:
        return True
    return before in ACTING or after in ACTING
