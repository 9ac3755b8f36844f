"""Scale data for benchmarks and query-count tests: many synthetic organizations with dated
memberships. Synthetic rows are marked (acronym prefix ``SCALE-``, source ``scale-synthetic``) and
never mixed into the reference data."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from interlock.core.models import Source
from interlock.registry.models import Country, Membership, Organization

SCALE_SOURCE = "scale-synthetic"


def scale_generate(
    *, organizations: int, memberships_per_organization: int, seed: int = 2005
) -> int:
    """Add ``organizations`` synthetic organizations; returns the number of memberships made."""
    rng = random.Random(seed)
    countries = list(Country.objects.values_list("alpha3", flat=True))
    with transaction.atomic():  # all the scale data or none
        source, _ = Source.objects.get_or_create(
            key=SCALE_SOURCE, defaults={"title": "Synthetic data for benchmarks (not a fact)"}
        )
        start = Organization.objects.filter(acronym__startswith="scale-").count()
        made = Organization.objects.bulk_create(
            Organization(
                acronym=f"scale-{start + i}",
                short_name_en=f"Scale {start + i}",
                short_name_fr=f"Échelle {start + i}",
                name_en=f"Synthetic organization {start + i}",
                name_fr=f"Organisation synthétique {start + i}",
                kind=rng.choice(["regional", "subregional", "other_intergovernmental"]),
                charter_basis="chapter_viii",
                charter_basis_source=source,
                kind_source=source,
                membership_recorded=True,
                membership_source=source,
            )
            for i in range(organizations)
        )
        memberships = []
        for organization in made:
            for country in rng.sample(countries, min(memberships_per_organization, len(countries))):
                joined = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 27_000))
                left = (
                    joined + dt.timedelta(days=rng.randrange(1, 9_000))
                    if rng.random() < 0.3
                    else None
                )
                memberships.append(
                    Membership(
                        organization=organization,
                        country_id=country,
                        status="member",
                        started_on=joined,
                        ended_on=left,
                        source=source,
                    )
                )
        Membership.objects.bulk_create(memberships, batch_size=5_000)
    return len(memberships)
