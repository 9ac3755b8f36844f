"""Dated periods (memberships, appointments): half-open ranges [start, end) of calendar days."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise


@dataclass(frozen=True)
class Period:
    start: date
    end: date | None = None  # None: still running

    def __post_init__(self) -> None:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"a period must end after it starts ({self.start} → {self.end})")

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    def overlaps(self, other: Period) -> bool:
        return (other.end is None or self.start < other.end) and (
            self.end is None or other.start < self.end
        )


def first_overlap(periods: Iterable[Period]) -> tuple[Period, Period] | None:
    """The first pair of periods that overlap, in order of start, or None."""
    ordered: Sequence[Period] = sorted(periods, key=lambda p: p.start)
    for earlier, later in pairwise(ordered):
        if earlier.overlaps(later):
            return earlier, later
    return None
