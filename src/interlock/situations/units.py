"""The units capacities and tasks are counted in, named in the reader's language.

A unit is stored once, as a key (``CapabilityDomain.unit``, copied onto each capability and task,
and compared by the engine: a capacity in the wrong unit is refused), so it is never translated in
the database. Its words are gettext messages (context "unit"), like the places of
``registry/places.py``: :func:`unit_name` names the unit alone ("experts", as a column or a
message says it), :func:`in_unit` says an amount in it with the plural form the language gives
that number ("1 expert", "2 experts"; Russian and Arabic have more forms). A unit typed in later
and not listed here is shown as it was typed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import npgettext, pgettext_lazy

NAMES: dict[str, Promise] = {
    "teams": pgettext_lazy("unit", "teams"),
    "personnel": pgettext_lazy("unit", "personnel"),
    "officers": pgettext_lazy("unit", "officers"),
    "experts": pgettext_lazy("unit", "experts"),
    "monitors": pgettext_lazy("unit", "monitors"),
    "inspectors": pgettext_lazy("unit", "inspectors"),
    "tonnes": pgettext_lazy("unit", "tonnes"),
    "USD millions": pgettext_lazy("unit", "USD millions"),
}

# Each unit's amount as a plural message; the literal strings are what makemessages extracts.
AMOUNTS: dict[str, Callable[[int], str]] = {
    "teams": lambda n: npgettext("unit", "%(counter)s team", "%(counter)s teams", n),
    "personnel": lambda n: npgettext("unit", "%(counter)s personnel", "%(counter)s personnel", n),
    "officers": lambda n: npgettext("unit", "%(counter)s officer", "%(counter)s officers", n),
    "experts": lambda n: npgettext("unit", "%(counter)s expert", "%(counter)s experts", n),
    "monitors": lambda n: npgettext("unit", "%(counter)s monitor", "%(counter)s monitors", n),
    "inspectors": lambda n: npgettext("unit", "%(counter)s inspector", "%(counter)s inspectors", n),
    "tonnes": lambda n: npgettext("unit", "%(counter)s tonne", "%(counter)s tonnes", n),
    "USD millions": lambda n: npgettext(
        "unit", "US$%(counter)s million", "US$%(counter)s million", n
    ),
}


def unit_name(unit: str) -> str:
    """The unit alone, in the active language (as typed where it is not listed)."""
    name = NAMES.get(unit)
    return str(name) if name is not None else unit


def in_unit(amount: Decimal | float | int, unit: str) -> str:
    """``amount`` of ``unit`` in the active language: the number localized, the unit in the
    plural form for that number. A fraction takes the form of the next whole number (2.5 reads
    as 3 does), which is what English, Spanish and Russian write."""
    value = Decimal(str(amount)).normalize()
    shown = number_format(value if value % 1 else int(value), use_l10n=True)
    words = AMOUNTS.get(unit)
    if words is None:
        return f"{shown} {unit}"
    return words(math.ceil(value)) % {"counter": shown}
