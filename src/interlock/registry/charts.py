"""Figures drawn as inline SVG on the server: no script, no internet, readable by screen readers
(each figure has a table twin or a text alternative)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count
from django.utils.safestring import mark_safe

from interlock.registry.models import COUNTED_AS_MEMBER, Membership, Organization
from interlock.registry.selectors import RegionCount, membership_in_force


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    percent: float


def region_bars(counts: Sequence[RegionCount]) -> list[Bar]:
    largest = max((c.members for c in counts), default=0)
    return [
        Bar(
            label=c.name or "—",
            value=c.members,
            percent=100 * c.members / largest if largest else 0,
        )
        for c in counts
    ]


@dataclass(frozen=True)
class FootprintRow:
    organization: Organization
    cells: list[tuple[int, int]]  # (members in region, shade 0–5)

    @property
    def cells_html(self) -> str:
        """The row's cells, written once here rather than by a template loop per cell (integers
        only: nothing to escape; an integer is written alike in every language)."""
        return mark_safe(  # noqa: S308 (integers only)
            "".join(
                f'<td class="num shade-{shade:d}">{count:d}</td>' for count, shade in self.cells
            )
        )


@dataclass(frozen=True)
class Footprint:
    regions: list[tuple[str, str]]
    rows: list[FootprintRow]


def footprint_matrix(
    *, organizations: Sequence[Organization], regions: list[tuple[str, str]], as_of: dt.date
) -> Footprint:
    """Members of each organization in each M49 region on the day: one grouped query."""
    counts: dict[tuple[int, str], int] = defaultdict(int)
    rows = (
        Membership.objects.filter(
            membership_in_force(as_of),
            status__in=COUNTED_AS_MEMBER,
            organization__in=[o.pk for o in organizations],
        )
        .values("organization_id", "country__region_code")
        .annotate(n=Count("id"))
    )
    for row in rows:
        counts[(row["organization_id"], row["country__region_code"])] = row["n"]
    largest = max(counts.values(), default=0)

    def shade(n: int) -> int:
        return 0 if n == 0 or largest == 0 else 1 + min(4, int(5 * n / (largest + 1)))

    return Footprint(
        regions=regions,
        rows=[
            FootprintRow(
                organization=o,
                cells=[(counts[(o.pk, code)], shade(counts[(o.pk, code)])) for code, _ in regions],
            )
            for o in organizations
            # Only exact counts are drawn: not where the list is missing or incomplete that day.
            if o.membership_recorded and not getattr(o, "count_uncertain", False)
        ],
    )
