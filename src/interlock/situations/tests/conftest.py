"""A small world for the situations' tests: capabilities for the AU, EU and UN, the AU and EU
recorded as acting under Chapter VIII (set here, so the tests do not rest on the reference data)."""

from decimal import Decimal
from typing import Any

import pytest


@pytest.fixture
def world(cast: dict[str, Any]) -> dict[str, Any]:
    import datetime as dt

    from interlock.core.models import Source
    from interlock.registry.models import CharterBasis, Organization
    from interlock.situations.models import CapabilityDomain
    from interlock.situations.services import capability_set

    orgs = {o.acronym: o for o in Organization.objects.filter(acronym__in=["AU", "EU", "UN"])}
    # A declared basis needs its source and date (a check constraint): this world's own.
    declared, _ = Source.objects.get_or_create(
        key="test-world-chapter-viii",
        defaults={"title": "Test world: recorded as acting under Chapter VIII", "locator": "-"},
    )
    Organization.objects.filter(acronym__in=["AU", "EU"]).update(
        charter_basis=CharterBasis.CHAPTER_VIII,
        charter_basis_source=declared,
        charter_basis_on=dt.date(2000, 1, 1),
    )
    Organization.objects.filter(acronym="UN").update(charter_basis=CharterBasis.THE_CHARTER)
    for org in orgs.values():
        org.refresh_from_db()
    keeping = CapabilityDomain.objects.get(key="military-peacekeeping")
    mediation = CapabilityDomain.objects.get(key="mediation")
    table = [
        ("AU", keeping, "0.650", "7000", "region"),
        ("AU", mediation, "0.900", "3", "region"),
        ("EU", keeping, "0.800", "2000", "global"),
        ("UN", keeping, "0.700", "10000", "global"),
        ("UN", mediation, "0.800", "5", "global"),
    ]
    for acronym, domain, effectiveness, capacity, reach in table:
        capability_set(
            actor=None,
            organization=orgs[acronym],
            domain=domain,
            effectiveness=Decimal(effectiveness),
            capacity=Decimal(capacity),
            unit=domain.unit,
            readiness_days=10,
            reach=reach,
        )
    return {"orgs": orgs, "keeping": keeping, "mediation": mediation}


@pytest.fixture
def darfur(cast: dict[str, Any], world: dict[str, Any]) -> Any:
    from interlock.documents.models import Topic
    from interlock.registry.models import Country
    from interlock.situations.services import situation_create

    return situation_create(
        actor=cast["owner"],
        title="Darfur (test)",
        kind="armed_conflict",
        phase="peacekeeping",
        owner=world["orgs"]["AU"],
        classification="restricted",
        countries=Country.objects.filter(alpha3="SDN"),
        topics=Topic.objects.filter(key="peacekeeping"),
    )
