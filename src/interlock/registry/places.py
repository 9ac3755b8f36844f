"""Cities and venues of the reference data, named in the reader's language.

CLDR (Babel) names countries and languages but not cities, and a city is stored once, as the
source gives it (``Organization.headquarters_city``, ``Meeting.venue``): the places of the
reference data are gettext messages (context "place"), so each reads in the reader's language. A
place typed in later and not listed here is shown as it was typed.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

PLACES: dict[str, Promise] = {
    "Addis Ababa": pgettext_lazy("place", "Addis Ababa"),
    "Beijing": pgettext_lazy("place", "Beijing"),
    "Bruges": pgettext_lazy("place", "Bruges"),
    "Brussels": pgettext_lazy("place", "Brussels"),
    "Cairo": pgettext_lazy("place", "Cairo"),
    "Gaborone": pgettext_lazy("place", "Gaborone"),
    "Georgetown": pgettext_lazy("place", "Georgetown"),
    "Jeddah": pgettext_lazy("place", "Jeddah"),
    "Libreville": pgettext_lazy("place", "Libreville"),
    "Lisbon": pgettext_lazy("place", "Lisbon"),
    "London": pgettext_lazy("place", "London"),
    "Lyon": pgettext_lazy("place", "Lyon"),
    "Minsk": pgettext_lazy("place", "Minsk"),
    "Moscow": pgettext_lazy("place", "Moscow"),
    "New York": pgettext_lazy("place", "New York"),
    "Paris": pgettext_lazy("place", "Paris"),
    "Strasbourg": pgettext_lazy("place", "Strasbourg"),
    "Suva": pgettext_lazy("place", "Suva"),
    "The Hague": pgettext_lazy("place", "The Hague"),
    "Vienna": pgettext_lazy("place", "Vienna"),
    "Washington": pgettext_lazy("place", "Washington"),
    "United Nations Headquarters, New York": pgettext_lazy(
        "place", "United Nations Headquarters, New York"
    ),
}


def place_name(stored: str) -> str:
    """``stored`` (a city or venue as recorded) in the active language, where it is known."""
    name = PLACES.get(stored)
    return str(name) if name is not None else stored
