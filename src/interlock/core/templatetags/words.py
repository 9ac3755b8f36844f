"""Words made from codes and values, in the reader's language (built in on every page):
``{{ decision.reason|in_words }}``, ``{{ start|date_range:end }}`` and ``{{ source|cited }}``;
and ``{{ day|date:"DATE_FORMAT" }}``, Django's own filter of that name replaced by one that writes
the French first of the month "1er" (``core/dates.py``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils.safestring import SafeString

from interlock.core import dates, reasons, sources
from interlock.core.models import Source
from interlock.domain.decisions import Reason

register = template.Library()


@register.filter
def in_words(reason: Reason | None) -> str:
    return reasons.in_words(reason) if reason is not None else ""


@register.filter
def read_reason(read: Any) -> str:
    """A kept read's reason (``DocumentRead``) in the reader's language."""
    return reasons.read_reason(read.why, read.reason)


@register.filter
def date_range(start: dt.date | None, end: Any = None) -> str:
    return dates.date_range(start, end or None) if start else ""


@register.filter(expects_localtime=True, is_safe=False)
def date(value: dt.date | dt.datetime | None, arg: str | None = None) -> str:
    """Django's ``date`` filter (this library is built in after Django's, so it takes the name
    everywhere), through ``core.dates.date_format``."""
    if value in (None, ""):
        return ""
    try:
        return dates.date_format(value, arg)  # type: ignore[arg-type]
    except AttributeError:  # as Django's filter: not a date, nothing
        return ""


@register.filter
def cited(source: Source | None) -> SafeString:
    return sources.cited_html(source)
