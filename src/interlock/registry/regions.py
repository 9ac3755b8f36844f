"""The UN M49 regions and subregions, named in the reader's language.

Countries keep the codes (``region_code``, ``subregion_code``) and the English names as loaded;
pages name a region by its code through :func:`region_name`. The names in the six languages are
the UN Statistics Division's (Standard country or area codes for statistical use, M49:
https://unstats.un.org/unsd/methodology/m49/), read from its tables in Arabic, Chinese, English,
French, Russian and Spanish as republished in the public repository datasets/country-codes
(``tmp/UNSD-*.csv``); the catalogues carry them under the context "M49 region".
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

NAMES: dict[str, Promise] = {
    "002": pgettext_lazy("M49 region", "Africa"),
    "005": pgettext_lazy("M49 region", "South America"),
    "009": pgettext_lazy("M49 region", "Oceania"),
    "011": pgettext_lazy("M49 region", "Western Africa"),
    "013": pgettext_lazy("M49 region", "Central America"),
    "014": pgettext_lazy("M49 region", "Eastern Africa"),
    "015": pgettext_lazy("M49 region", "Northern Africa"),
    "017": pgettext_lazy("M49 region", "Middle Africa"),
    "018": pgettext_lazy("M49 region", "Southern Africa"),
    "019": pgettext_lazy("M49 region", "Americas"),
    "021": pgettext_lazy("M49 region", "Northern America"),
    "029": pgettext_lazy("M49 region", "Caribbean"),
    "030": pgettext_lazy("M49 region", "Eastern Asia"),
    "034": pgettext_lazy("M49 region", "Southern Asia"),
    "035": pgettext_lazy("M49 region", "South-eastern Asia"),
    "039": pgettext_lazy("M49 region", "Southern Europe"),
    "053": pgettext_lazy("M49 region", "Australia and New Zealand"),
    "054": pgettext_lazy("M49 region", "Melanesia"),
    "057": pgettext_lazy("M49 region", "Micronesia"),
    "061": pgettext_lazy("M49 region", "Polynesia"),
    "142": pgettext_lazy("M49 region", "Asia"),
    "143": pgettext_lazy("M49 region", "Central Asia"),
    "145": pgettext_lazy("M49 region", "Western Asia"),
    "150": pgettext_lazy("M49 region", "Europe"),
    "151": pgettext_lazy("M49 region", "Eastern Europe"),
    "154": pgettext_lazy("M49 region", "Northern Europe"),
    "155": pgettext_lazy("M49 region", "Western Europe"),
}


def region_name(code: str, stored: str = "") -> str:
    """The region or subregion ``code`` in the active language; ``stored`` (the name loaded with
    the country) for a code not listed here."""
    name = NAMES.get(code)
    return str(name) if name is not None else stored
