"""Date ranges as each language writes them: CLDR's interval formats, through Babel.

"25–26 July 2005" and "July 25 – 26, 2005" are not one day and another glued by a dash: the
shared part is written once, where the language puts it ("2005年7月25日 – 26日", not
"25–2005年7月26日"). Pages show every range with ``{{ start|date_range:end }}``.

Single days and instants keep Django's formats (``{{ day|date:"DATE_FORMAT" }}``, the built-in
``date`` filter of ``core/templatetags/words.py``, and :func:`date_format` in Python), with one
correction that CLDR and Django both lack: French writes the first of a month as an ordinal,
"1er janvier 2005", not "1 janvier 2005". Both ways of writing a day go through this module.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel import Locale
from babel.dates import match_skeleton, parse_pattern, tokenize_pattern, untokenize_pattern
from django.utils import formats, translation
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
    return _apply(first, start, locale) + _apply(second, end, locale)


def date_format(value: dt.date | dt.datetime, format: str | None = None) -> str:
    """Django's ``formats.date_format`` (a format's name, "DATE_FORMAT" by default, or a format
    string), with the French first of the month written "1er" where the month is named."""
    if value.day == 1 and _writes_first_as_ordinal(get_language()):
        format = _ordinal_first(str(formats.get_format(format or "DATE_FORMAT")))
    return formats.date_format(value, format)


def _day(day: dt.date, locale: Locale) -> str:
    # Babel's format_skeleton, whose pattern is needed here for the French first of the month.
    skeleton = _widened(_SKELETON, locale)
    if skeleton not in locale.datetime_skeletons:
        skeleton = match_skeleton(skeleton, locale.datetime_skeletons) or skeleton
    return _apply(str(locale.datetime_skeletons[skeleton]), day, locale)


def _apply(pattern: str, day: dt.date, locale: Locale) -> str:
    if day.day == 1 and _writes_first_as_ordinal(str(locale)):
        tokens: list[tuple[str, Any]] = []
        for token in tokenize_pattern(pattern):
            tokens.append(token)
            if token == ("field", ("d", 1)):
                tokens.append(("chars", "er"))
        pattern = untokenize_pattern(tokens)
    return parse_pattern(pattern).apply(day, locale)


# Languages that write the first day of a month as an ordinal beside the month's name ("1er").
_ORDINAL_FIRST = {"fr"}
# Django's format characters that name a month ("janvier", "janv.").
_MONTH_NAMES = set("FENMb")


def _writes_first_as_ordinal(language: str | None) -> bool:
    return (language or "").replace("_", "-").split("-")[0] in _ORDINAL_FIRST


def _ordinal_first(format: str) -> str:
    """Django's format with its day of the month ("j") followed by the literal "er", where the
    format names the month ("1er janvier", but "1/1/2005" stays as it is)."""
    codes, escaped = [], False
    for char in format:
        codes.append("" if escaped else char)
        escaped = char == "\\" and not escaped
    if not _MONTH_NAMES & set(codes):
        return format
    return "".join(
        char + "\\e\\r" if code == "j" else char for char, code in zip(format, codes, strict=True)
    )


def _widened(pattern: str, locale: Locale) -> str:
    medium, long = locale.date_formats["medium"].pattern, locale.date_formats["long"].pattern
    if "MMM" in medium and "MMMM" not in medium + pattern and long == medium.replace("MMM", "MMMM"):
        return pattern.replace("MMM", "MMMM")
    return pattern
