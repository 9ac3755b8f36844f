"""The information-sharing policy (DESIGN.md §3), in plain Python.

Who may read an item depends on its classification, its owner, the reader's organization and role,
and the agreements in force *at that instant* between the reader's organization and the owner:

- ``public``: anyone, signed in or not;
- ``partnership``: every signed-in user of a participating organization;
- ``restricted``: the owner, the secretariat, and organizations holding an agreement in force with
  the owner that covers one of the item's topics at the level ``restricted`` or above;
- ``confidential``: the owner and the organizations it names.

The research partner (¶7f) reads as a participant does, except restricted items of others: those
travel by agreements between participants (¶6), to which it is not a party.

``documents.selectors.readable_documents`` writes the same rules as one SQL filter; the property
tests generate random worlds and check that the two always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum

from interlock.domain.decisions import Allowed, Decision, Denied


class Level(IntEnum):
    """Classifications, ordered: an agreement covering a level covers those below it."""

    PUBLIC = 0
    PARTNERSHIP = 1
    RESTRICTED = 2
    CONFIDENTIAL = 3

    @classmethod
    def named(cls, name: str) -> Level:
        return cls[name.upper()]

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class AgreementTerms:
    """What the policy needs to know of one agreement."""

    name: str
    parties: frozenset[int]
    in_force_from: dt.datetime | None
    ends_at: dt.datetime | None  # the earlier of expiry and termination
    coverage: frozenset[tuple[str, Level]] = field(default_factory=frozenset)

    def in_force_at(self, instant: dt.datetime) -> bool:
        return (
            self.in_force_from is not None
            and self.in_force_from <= instant
            and (self.ends_at is None or instant < self.ends_at)
        )

    def covers(self, topics: Iterable[str], level: Level) -> str | None:
        """The first of ``topics`` this agreement covers at ``level`` or above, or None."""
        wanted = set(topics)
        for topic, up_to in sorted(self.coverage):
            if topic in wanted and up_to >= level:
                return topic
        return None


@dataclass(frozen=True)
class Item:
    owner: int
    level: Level
    topics: frozenset[str] = frozenset()
    named: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Reader:
    """A reader: anonymous (``organization`` None) or a user of an organization."""

    organization: int | None
    is_secretariat: bool = False
    is_research_partner: bool = False

    @classmethod
    def anonymous(cls) -> Reader:
        return cls(organization=None)


def may_read(
    reader: Reader, item: Item, agreements: Iterable[AgreementTerms], at: dt.datetime
) -> Decision:
    """May ``reader`` read ``item`` at the instant ``at``, given the agreements that exist?"""
    if item.level is Level.PUBLIC:
        return Allowed("the item is public")
    if reader.organization is None:
        return Denied("the item is not public; sign in")
    if reader.organization == item.owner:
        return Allowed("the reader's organization owns the item")
    if item.level is Level.PARTNERSHIP:
        return Allowed("the item is shared with every participating organization")
    if item.level is Level.CONFIDENTIAL:
        if reader.organization in item.named:
            return Allowed("the owner names the reader's organization as a recipient")
        return Denied("the item is confidential to its owner and the organizations it names")
    if reader.is_research_partner:
        return Denied(
            "the research partner reads partnership material; restricted items travel by "
            "agreements between participants"
        )
    if reader.is_secretariat:
        return Allowed("the secretariat reads restricted items of the partnership")
    return _by_agreement(reader.organization, item, agreements, at)


def _by_agreement(
    organization: int, item: Item, agreements: Iterable[AgreementTerms], at: dt.datetime
) -> Decision:
    between = [a for a in agreements if a.parties == frozenset({organization, item.owner})]
    for agreement in sorted(between, key=lambda a: a.name):
        if not agreement.in_force_at(at):
            continue
        topic = agreement.covers(item.topics, item.level)
        if topic is not None:
            since = agreement.in_force_from.date().isoformat() if agreement.in_force_from else "?"
            return Allowed(
                f"agreement “{agreement.name}” (in force since {since}) covers the topic "
                f"“{topic}” up to the level {item.level.label}"
            )
    if not between:
        return Denied("no agreement between the reader's organization and the owner")
    if not any(a.in_force_at(at) for a in between):
        return Denied("no agreement with the owner is in force at this time")
    return Denied("no agreement in force with the owner covers the item's topics at this level")
