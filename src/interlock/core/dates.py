"""Date ranges as each language writes them: CLDR's interval formats, through Babel.

"25–26 July 2005" and "July 25 – 26, 2005" are not one day and another glued by a dash: the
shared part is written once, where the language puts it ("2005年7月25日 – 26日", not
"25–2005年7月26日"). Pages show every range with ``{{ start|date_range:end }}``.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_skeleton, parse_pattern
from django.utils import translation
from django.utils.translation import get_language, gettext, to_locale

# The skeleton of a day with its month's name (CLDR "yMMMd"). A locale whose long date is its
# medium date with the month in full (July, juillet, июля) gets the full name in ranges too; the
# others (Spanish "d 'de' MMMM 'de' y") keep CLDR's own abbreviated pattern, which is correct.
_SKELETON = "yMMMd"


def date_range(start: dt.date, end: dt.date | None, *, language: str | None = None) -> str:
    """The days from ``start`` to ``end`` (inclusive); an open end reads "… – present"."""
    locale = Locale.parse(to_locale(language or get_language() or "en"))
    if end is None:
        with translation.override(language or get_language()):
            return _day(start, locale) + " – " + gettext("present")
    if end == start:
        return _day(start, locale)
    if end < start:
        start, end = end, start
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    first, second = (_widened(p, locale) for p in locale.interval_formats[_SKELETON][field])
    return parse_pattern(first).apply(start, locale) + parse_pattern(second).apply(end, locale)


def _day(day: dt.date, locale: Locale) -> str:
    return format_skeleton(_widened(_SKELETON, locale), day, locale=locale)


def _widened(pattern: str, locale: Locale) -> str:
    medium, long = locale.date_formats["medium"].pattern, locale.date_formats["long"].pattern
    if "MMM" in medium and "MMMM" not in medium + pattern and long == medium.replace("MMM", "MMMM"):
        return pattern.replace("MMM", "MMMM")
    return pattern
