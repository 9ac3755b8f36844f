"""Seats for regional organizations in a Peacebuilding Commission country configuration.

Annex II of the seed: the Peacebuilding Commission should give regional organizations "a seat and a
voice at the table" (¶8 of the conclusions). The 2005 World Summit Outcome (A/RES/60/1, ¶100(b))
has its country-specific meetings include "relevant regional and subregional organizations"; the
Commission was established on 20 December 2005 by A/RES/60/180 and S/RES/1645 (2005).

Which regional organizations are *relevant* is proposed from the record, never invented: a
regional or subregional organization (by its recorded kind) of the place (the country is among its
members in force, or lies in a subregion where it has members) is proposed when it is engaged in
the situation the configuration follows, or when it has a comparative advantage in peacebuilding
(a recorded capability in a peacebuilding domain). Engaged organizations come first, then by their
best peacebuilding effectiveness, then by key. The secretariat adopts the seats it agrees with.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

Param = str | float | int


class SeatCode(StrEnum):
    MEMBER_COUNTRY = "member_country"
    SAME_SUBREGION = "same_subregion"
    ENGAGED = "engaged"
    COMPARATIVE_ADVANTAGE = "comparative_advantage"


@dataclass(frozen=True)
class SeatReason:
    code: SeatCode
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(cls, code: SeatCode, **params: Param) -> SeatReason:
        return cls(code, tuple(sorted(params.items())))

    @property
    def values(self) -> dict[str, Param]:
        return dict(self.params)


@dataclass(frozen=True)
class Candidate:
    key: str
    regional: bool  # a regional or subregional organization, as its kind is recorded
    members: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    engaged_roles: tuple[str, ...] = ()  # roles of its standing engagements in the situation
    # Effectiveness (0..1) in each peacebuilding domain where it records a capability.
    effectiveness: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class SeatProposal:
    organization: str
    rank: int
    reasons: tuple[SeatReason, ...]


def _of_the_place(candidate: Candidate, *, country: str, region: str) -> SeatReason | None:
    if country in candidate.members:
        return SeatReason.of(SeatCode.MEMBER_COUNTRY, country=country)
    if region and region in candidate.regions:
        return SeatReason.of(SeatCode.SAME_SUBREGION, region=region)
    return None


def propose_seats(
    candidates: Iterable[Candidate], *, country: str, region: str
) -> tuple[SeatProposal, ...]:
    """The regional organizations proposed for seats in the configuration of ``country``, ranked,
    each with its reasons. Same input, same proposal, whatever the order of the candidates."""
    scored: list[tuple[tuple[bool, float, str], list[SeatReason]]] = []
    for candidate in candidates:
        place = _of_the_place(candidate, country=country, region=region)
        if not candidate.regional or place is None:
            continue
        reasons = [place]
        if candidate.engaged_roles:
            reasons.append(
                SeatReason.of(
                    SeatCode.ENGAGED, roles=", ".join(sorted(set(candidate.engaged_roles)))
                )
            )
        best_domain, best = max(
            sorted(candidate.effectiveness.items()), key=lambda item: item[1], default=("", 0.0)
        )
        if best > 0:
            reasons.append(
                SeatReason.of(
                    SeatCode.COMPARATIVE_ADVANTAGE, domain=best_domain, effectiveness=round(best, 3)
                )
            )
        if len(reasons) == 1:  # of the place, but neither engaged nor able: not proposed
            continue
        scored.append(((not candidate.engaged_roles, -best, candidate.key), reasons))
    scored.sort(key=lambda item: item[0])
    return tuple(
        SeatProposal(organization=key[2], rank=rank, reasons=tuple(reasons))
        for rank, (key, reasons) in enumerate(scored, start=1)
    )
