"""Words for a plan's period and progress, made once here (no template include per row)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


def _unknown(words: str) -> SafeString:
    return format_html('<span class="unknown">{}</span>', words)


@register.filter
def period(obj: Any) -> str:
    """``2006–2016``; a year the source does not give is said to be unknown."""
    start, end = obj.start_year, obj.end_year
    if start is not None and end is not None:
        return f"{start}–{end}" if start != end else str(start)
    if start is not None:
        return _("from %(start)s; last year unknown") % {"start": start}
    if end is not None:
        return _("first year unknown; until %(end)s") % {"end": end}
    return _unknown(_("Unknown"))


@register.filter
def year(value: int | None) -> str:
    return _unknown(_("Year unknown")) if value is None else str(value)


@register.filter
def progress_words(row: Any) -> str:
    """How far a plan has come, in words: a share, or an interval where statuses are unknown."""
    p = row.progress
    if row.low is None:
        return _unknown(_("Unknown: no milestone recorded"))
    if row.low == row.high:
        words = _("%(share)s %% achieved (%(achieved)s of %(counted)s milestones)") % {
            "share": row.low,
            "achieved": p.achieved,
            "counted": p.counted,
        }
    else:
        words = _("between %(low)s %% and %(high)s %% achieved (%(unknown)s of unknown status)") % {
            "low": row.low,
            "high": row.high,
            "unknown": p.unknown,
        }
    if p.delayed:
        words += " · " + ngettext("%(counter)s delayed", "%(counter)s delayed", p.delayed) % {
            "counter": p.delayed
        }
    return words


@register.filter
def amount(contribution: Any) -> str:
    if contribution.amount is None:
        return _unknown(_("Unknown"))
    from django.utils.formats import number_format

    value = number_format(
        contribution.amount,
        decimal_pos=0 if contribution.amount == int(contribution.amount) else 2,
        use_l10n=True,
        force_grouping=True,
    )
    return f"{value} {contribution.unit}".strip()


@register.filter
def get_count(counts: dict[str, int], status: str) -> int:
    return counts.get(status, 0)
