"""The progress of a capacity-building plan, computed from its milestones (¶4). Pure Python.

Nothing here is typed in by anyone: how far a plan has come is what its milestones say. A
milestone whose status is unknown could be achieved or not, so the share achieved is an interval
(``low`` counts it as not achieved, ``high`` as achieved); the two meet when every status is
known. Dropped milestones leave the count: the plan no longer aims at them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

PLANNED = "planned"
IN_PROGRESS = "in_progress"
ACHIEVED = "achieved"
DELAYED = "delayed"
DROPPED = "dropped"
UNKNOWN = "unknown"
# The order in which a year's bar stacks them, from the axis up.
STATUSES = (ACHIEVED, IN_PROGRESS, PLANNED, DELAYED, UNKNOWN, DROPPED)
# Still aimed at and not reached: late once their target year has passed.
OPEN = frozenset({PLANNED, IN_PROGRESS})


@dataclass(frozen=True)
class MilestoneFacts:
    status: str
    target_year: int | None


@dataclass(frozen=True)
class YearCount:
    """The milestones due in one year (``year`` None: the target year is unknown)."""

    year: int | None
    counts: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Progress:
    total: int
    counted: int  # all but the dropped ones
    achieved: int
    delayed: int
    unknown: int
    overdue: int  # planned or in progress, and their target year has passed
    by_year: tuple[YearCount, ...]

    @property
    def low(self) -> Fraction | None:
        """The share achieved if every milestone of unknown status is not achieved."""
        return Fraction(self.achieved, self.counted) if self.counted else None

    @property
    def high(self) -> Fraction | None:
        """The share achieved if every milestone of unknown status is achieved."""
        return Fraction(self.achieved + self.unknown, self.counted) if self.counted else None

    @property
    def exact(self) -> bool:
        return self.counted > 0 and self.unknown == 0


def progress(milestones: Iterable[MilestoneFacts], *, year: int) -> Progress:
    """How far the plan has come in ``year`` (the current year: it decides what is overdue)."""
    facts = list(milestones)
    statuses = Counter(m.status if m.status in STATUSES else UNKNOWN for m in facts)
    per_year: dict[int | None, Counter[str]] = {}
    for m in facts:
        status = m.status if m.status in STATUSES else UNKNOWN
        per_year.setdefault(m.target_year, Counter())[status] += 1
    years = sorted(y for y in per_year if y is not None) + ([None] if None in per_year else [])
    return Progress(
        total=len(facts),
        counted=len(facts) - statuses[DROPPED],
        achieved=statuses[ACHIEVED],
        delayed=statuses[DELAYED],
        unknown=statuses[UNKNOWN],
        overdue=sum(
            1
            for m in facts
            if m.status in OPEN and m.target_year is not None and m.target_year < year
        ),
        by_year=tuple(
            YearCount(year=y, counts={s: per_year[y][s] for s in STATUSES if per_year[y][s]})
            for y in years
        ),
    )


@dataclass(frozen=True)
class Segment:
    status: str
    count: int
    y: float
    height: float


@dataclass(frozen=True)
class Bar:
    year: int | None
    total: int
    x: float
    width: float
    segments: tuple[Segment, ...]

    @property
    def center(self) -> float:
        return self.x + self.width / 2

    @property
    def top(self) -> float:
        return min((s.y for s in self.segments), default=0.0)


@dataclass(frozen=True)
class Chart:
    """A stacked bar per target year, in SVG user units (y grows downwards, as in SVG)."""

    width: float
    height: float
    plot_top: float
    plot_bottom: float
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[int, float], ...]  # (count, y) on the vertical axis


def chart(p: Progress, *, width: float = 640, height: float = 240, rtl: bool = False) -> Chart:
    """Where each bar and segment goes. Right to left, the years run from the right."""
    top, bottom, left, right = 12.0, height - 36.0, 36.0, width - 12.0
    if rtl:
        left, right = 12.0, width - 36.0
    tallest = max((y.total for y in p.by_year), default=0)
    scale = (bottom - top) / tallest if tallest else 0.0
    slot = (right - left) / len(p.by_year) if p.by_year else 0.0
    bar_width = slot * 0.6
    bars = []
    for index, year in enumerate(p.by_year):
        position = len(p.by_year) - 1 - index if rtl else index
        x = left + slot * position + (slot - bar_width) / 2
        y, segments = bottom, []
        for status in STATUSES:
            count = year.counts.get(status, 0)
            if count:
                y -= count * scale
                segments.append(Segment(status=status, count=count, y=y, height=count * scale))
        bars.append(
            Bar(year=year.year, total=year.total, x=x, width=bar_width, segments=tuple(segments))
        )
    step = max(1, -(-tallest // 4))  # at most five ticks
    ticks = tuple((n, bottom - n * scale) for n in range(0, tallest + 1, step)) if tallest else ()
    return Chart(
        width=width, height=height, plot_top=top, plot_bottom=bottom, bars=tuple(bars), ticks=ticks
    )
