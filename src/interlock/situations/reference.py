"""Reference situations from the public record, each fact cited (issue 11, item 8).

Darfur in 2005 (the African Union's mission there, AMIS, and the Security Council's resolutions of
that year) and the Indian Ocean tsunami of 26 December 2004 (disaster relief, ¶5 of the seed).
Only facts checked against the cited source are recorded; the Council's resolutions of 2005 are
dated developments on the timeline, not authorizations under Article 53: none of them authorizes
enforcement by a regional arrangement. Organizations' capabilities are not public and are not
here (see ``situations.demo``). Engagements from the record cite their source and are loaded
without drafting Article 54 notifications; the tsunami has none: the regional organization whose
part the sources state (ASEAN, which convened the special leaders' meeting in Jakarta on
6 January 2005) is not in the registry.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from interlock.core.models import Source
from interlock.registry.models import Country, Organization
from interlock.situations.models import Engagement, Situation, TimelineEntry

ACCESSED = dt.date(2026, 12, 1)

SOURCES = {
    "sc-res-1590-2005": (
        "Security Council resolution 1590 (2005), adopted on 24 March 2005",
        "https://undocs.org/S/RES/1590(2005)",
    ),
    "sc-8346": (
        "United Nations press release SC/8346, 29 March 2005: resolution 1591 (2005)",
        "https://unis.unvienna.org/unis/en/pressrels/2005/sc8346.html",
    ),
    "sc-res-1593-2005": (
        "Security Council resolution 1593 (2005), adopted on 31 March 2005",
        "https://unscr.com/en/resolutions/1593",
    ),
    "au-psc-28-communique": (
        "Communiqué of the 28th meeting of the Peace and Security Council of the African Union, "
        "28 April 2005 (PSC/PR/Comm.(XXVIII))",
        "https://nointervention.com/archive/news/allafrica/200504290982.txt",
    ),
    "sc-prst-2005-05-12": (
        "Statement by the President of the Security Council on the Sudan, 12 May 2005, "
        "as reported by Xinhua",
        "https://sudantribune.com/?p=10194",
    ),
    "indian-ocean-tsunami-2004": (
        "2004 Indian Ocean earthquake and tsunami (encyclopaedia article)",
        "https://en.wikipedia.org/wiki/2004_Indian_Ocean_earthquake_and_tsunami",
    ),
}

SITUATIONS: list[dict[str, Any]] = [
    {
        "title": "Darfur (the Sudan), 2005",
        "kind": "armed_conflict",
        "phase": "peacekeeping",
        "countries": ["SDN"],
        "summary": "The conflict in the Darfur region of the Sudan and the African Union Mission "
        "in the Sudan (AMIS), as the Security Council's resolutions of 2005 record them.",
        "timeline": [
            (
                dt.date(2005, 3, 24),
                "The Security Council establishes the United Nations Mission in the Sudan "
                "(UNMIS) for an initial period of six months (resolution 1590 (2005)).",
                "sc-res-1590-2005",
            ),
            (
                dt.date(2005, 3, 29),
                "Acting under Chapter VII, the Security Council imposes a travel ban and an "
                "assets freeze on those impeding the peace process in Darfur and establishes a "
                "committee and a panel of experts (resolution 1591 (2005), 12 votes to none, "
                "3 abstentions).",
                "sc-8346",
            ),
            (
                dt.date(2005, 3, 31),
                "The Security Council refers the situation in Darfur since 1 July 2002 to the "
                "Prosecutor of the International Criminal Court and invites the Court and the "
                "African Union to discuss practical arrangements (resolution 1593 (2005)).",
                "sc-res-1593-2005",
            ),
            (
                dt.date(2005, 4, 28),
                "The African Union's Peace and Security Council, at its 28th meeting, adopts a "
                "communiqué on the enhancement of the AU Mission in the Sudan (AMIS), noting "
                "that the current force is extremely stretched.",
                "au-psc-28-communique",
            ),
            (
                dt.date(2005, 5, 12),
                "The President of the Security Council voices the Council's support for the "
                "Peace and Security Council's decision to expand AMIS to 7,731 personnel by the "
                "end of September 2005.",
                "sc-prst-2005-05-12",
            ),
        ],
        # Who does what where, as the record states it. AMIS is the African Union's own mission,
        # deployed and sized by its Peace and Security Council: the AU leads. The 28th meeting's
        # communiqué records the deployment of AMIS "following its decision of 20 October 2004
        # [PSC/PR/Comm(XVII)]" and the AMIS military component fully deployed by 28 April 2005:
        # active. It says nothing of a regional effort before referral to the Council
        # (Article 52(2)): unknown. No end is recorded (the situation is that of 2005).
        "engagements": [
            {
                "organization": "AU",
                "role": "lead",
                "status": "active",
                "started_on": dt.date(2004, 10, 20),
                "article_52_prior_effort": "unknown",
                "source": "au-psc-28-communique",
            },
        ],
    },
    {
        "title": "Indian Ocean earthquake and tsunami, 26 December 2004",
        "kind": "natural_disaster",
        "phase": "crisis_response",
        "countries": ["IDN", "LKA", "IND", "THA"],
        "summary": "Disaster relief (¶5 of the conclusions: disaster relief and disaster "
        "risk-reduction added to the agenda of the partnership).",
        "timeline": [
            (
                dt.date(2004, 12, 26),
                "At 00:58:53 UTC an earthquake of magnitude 9.1–9.3 strikes off the west coast "
                "of northern Sumatra; the tsunamis it triggers kill between 230,000 and 280,000 "
                "people in 14 countries. Indonesia is the hardest hit, followed by Sri Lanka, "
                "India and Thailand.",
                "indian-ocean-tsunami-2004",
            ),
        ],
    },
]


def load_reference_situations() -> int:
    """Upsert the reference situations (idempotent). Returns how many were created."""
    for key, (title, url) in SOURCES.items():
        Source.objects.update_or_create(
            key=key, defaults={"title": title, "url": url, "accessed_on": ACCESSED}
        )
    un = Organization.objects.filter(acronym="UN").first()
    if un is None:
        return 0
    created = 0
    for spec in SITUATIONS:
        situation, new = Situation.objects.get_or_create(
            title=spec["title"],
            owner=un,
            defaults={
                "kind": spec["kind"],
                "phase": spec["phase"],
                "classification": "public",
                "summary": spec["summary"],
            },
        )
        if new:
            created += 1
            situation.countries.set(Country.objects.filter(alpha3__in=spec["countries"]))
        for occurred_on, text, source in spec["timeline"]:
            TimelineEntry.objects.get_or_create(
                situation=situation,
                occurred_on=occurred_on,
                source_id=source,
                defaults={"text": text},
            )
        for engagement in spec.get("engagements", []):
            _record_engagement(situation, engagement)
    return created


def _record_engagement(situation: Situation, spec: dict[str, Any]) -> None:
    """A cited engagement, written straight to the table: it is a fact from the record, not a
    plan's decision, so it neither goes through plan adoption nor drafts an Article 54
    notification (that is drafted when an engagement starts or changes in Interlock). Never
    overwrites: a status later changed in Interlock stays as changed."""
    organization = Organization.objects.filter(acronym=spec["organization"]).first()
    if organization is None:
        return
    Engagement.objects.get_or_create(
        situation=situation,
        organization=organization,
        source_id=spec["source"],
        defaults={
            "role": spec["role"],
            "status": spec["status"],
            "started_on": spec["started_on"],
            "article_52_prior_effort": spec["article_52_prior_effort"],
        },
    )
