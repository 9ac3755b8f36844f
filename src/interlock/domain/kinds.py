"""Which kind of organization a membership makes: Interlock's rule, read from the UN M49 regions.

The source (¶7e, ¶11) speaks of "regional and subregional organizations" and "other
intergovernmental organizations" without saying which is which. Interlock's rule, stated here once
and tested against the recorded members on 25 July 2005 and today:

- **other intergovernmental**: its members are in four or more of the five M49 regions (a
  membership open worldwide, or defined by function, language or faith);
- **subregional**: all its members are in one region, and in only some of that region's
  subregions;
- **regional**: otherwise — members in one to three regions (a region whole, or neighbouring
  regions such as Europe and North America across the Atlantic, or Western Asia and North Africa).

An organization without a recorded member list (INTERPOL, the Francophonie) cannot be read by this
rule; its kind then rests on its source alone.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Literal

Kind = Literal["regional", "subregional", "other_intergovernmental"]

# Members in this many M49 regions or more make an organization "other intergovernmental".
WORLDWIDE_FROM_REGIONS = 4


def kind_of_membership(
    *,
    regions: Collection[str],
    subregions: Collection[str],
    subregions_of_region: Mapping[str, Collection[str]],
) -> Kind | None:
    """The kind the rule gives to members in these ``regions`` and ``subregions`` (M49 codes).

    ``subregions_of_region`` lists every subregion of each region. ``None`` without members.
    """
    present = set(regions)
    if not present:
        return None
    if len(present) >= WORLDWIDE_FROM_REGIONS:
        return "other_intergovernmental"
    if len(present) == 1:
        (region,) = present
        if set(subregions) < set(subregions_of_region.get(region, ())):
            return "subregional"
    return "regional"
