"""Scale data for benchmarks and query-count tests: many synthetic organizations with dated
memberships. Synthetic rows are marked (acronym prefix ``SCALE-``, source ``scale-synthetic``) and
never mixed into the reference data."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from interlock.core.models import Source
from interlock.core.services import data_version_bump
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
                charter_basis="not_declared",  # synthetic: nothing is declared for it
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
        data_version_bump()  # cached public pages no longer stand
    return len(memberships)


WORDS = [
    "ceasefire",
    "mediation",
    "monitoring",
    "election",
    "observers",
    "humanitarian",
    "corridor",
    "refugees",
    "drought",
    "flood",
    "earthquake",
    "relief",
    "logistics",
    "sanctions",
    "arms",
    "embargo",
    "border",
    "patrol",
    "training",
    "police",
    "justice",
    "reconciliation",
    "demobilization",
    "reintegration",
    "mission",
    "mandate",
    "budget",
    "report",
    "review",
]


def scale_documents(*, count: int, seed: int = 7, batch: int = 20_000) -> int:
    """Add ``count`` synthetic documents spread over the organizations, classifications and topics,
    with searchable titles and texts. Returns how many were made."""
    from django.utils import timezone

    from interlock.accounts.models import User
    from interlock.documents.models import Classification, Document, DocumentTopic, Topic

    rng = random.Random(seed)
    owners = list(
        Organization.objects.filter(
            acronym__in=["AU", "EU", "OSCE", "UN", "NATO", "OAS", "LAS"]
        ).values_list("pk", flat=True)
    )
    topics = list(Topic.objects.values_list("key", flat=True))
    creator = User.objects.order_by("pk").first()
    if creator is None:
        raise ValueError("scale documents need at least one user")
    levels = [c.value for c in Classification]
    now = timezone.now()
    made = 0
    while made < count:
        size = min(batch, count - made)
        with transaction.atomic():  # one batch at a time, each whole
            documents = Document.objects.bulk_create(
                Document(
                    owner_id=rng.choice(owners),
                    classification=rng.choices(levels, weights=[3, 4, 2, 1])[0],
                    title=" ".join(rng.sample(WORDS, 5)).capitalize(),
                    search_title="",
                    # One document in a thousand mentions a tsunami (a term whose matches grow with
                    # the library); the first ten of a seed-1 run mention a cyclone (a term whose
                    # matches do not).
                    search_text=" ".join(rng.choices(WORDS, k=40))
                    + (" tsunami" if (made + i) % 1000 == 0 else "")
                    + (" cyclone" if made + i < 10 and seed == 1 else ""),
                    created_at=now - dt.timedelta(minutes=made + i),
                    updated_at=now,
                    created_by=creator,
                )
                for i in range(size)
            )
            DocumentTopic.objects.bulk_create(
                DocumentTopic(document=d, topic_id=t)
                for d in documents
                for t in rng.sample(topics, rng.randint(1, 2))
            )
        made += size
    return made
