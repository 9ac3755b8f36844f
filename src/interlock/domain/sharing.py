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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from interlock.domain.decisions import Allowed, Decision, Denied, because


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


class Why(StrEnum):
    """The reasons :func:`may_read` gives; ``core/reasons.py`` says each in the reader's language.
    ``AGREEMENT`` names the agreement, the day it came into force, the topic and the level."""

    PUBLIC = "sharing.public"
    SIGN_IN = "sharing.sign_in"
    OWNER = "sharing.owner"
    PARTNERSHIP = "sharing.partnership"
    NAMED_RECIPIENT = "sharing.named_recipient"
    CONFIDENTIAL = "sharing.confidential"
    RESEARCH_PARTNER = "sharing.research_partner"
    SECRETARIAT = "sharing.secretariat"
    AGREEMENT = "sharing.agreement"
    NO_AGREEMENT = "sharing.no_agreement"
    NOT_IN_FORCE = "sharing.not_in_force"
    NOT_COVERED = "sharing.not_covered"


@dataclass(frozen=True)
class AgreementTerms:
    """What the policy needs to know of one agreement."""

    name: str
    parties: frozenset[int]
    in_force_from: dt.datetime | None
    ends_at: dt.datetime | None  # the earlier of expiry and termination
    coverage: frozenset[tuple[str, Level]] = field(default_factory=frozenset)
    # Each covered topic's name as the reader reads it (the key where none is given).
    topic_names: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)

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
        return Allowed(because(Why.PUBLIC))
    if reader.organization is None:
        return Denied(because(Why.SIGN_IN))
    if reader.organization == item.owner:
        return Allowed(because(Why.OWNER))
    if item.level is Level.PARTNERSHIP:
        return Allowed(because(Why.PARTNERSHIP))
    if item.level is Level.CONFIDENTIAL:
        if reader.organization in item.named:
            return Allowed(because(Why.NAMED_RECIPIENT))
        return Denied(because(Why.CONFIDENTIAL))
    if reader.is_research_partner:
        return Denied(because(Why.RESEARCH_PARTNER))
    if reader.is_secretariat:
        return Allowed(because(Why.SECRETARIAT))
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
            return Allowed(
                because(
                    Why.AGREEMENT,
                    agreement=agreement.name,
                    since=agreement.in_force_from,
                    topic=agreement.topic_names.get(topic, topic),
                    level=item.level.label,
                )
            )
    if not between:
        return Denied(because(Why.NO_AGREEMENT))
    if not any(a.in_force_at(at) for a in between):
        return Denied(because(Why.NOT_IN_FORCE))
    return Denied(because(Why.NOT_COVERED))
