"""Demo capabilities, loaded only with the demo accounts (``reference.demo``).

Organizations' real capabilities are not public: every number below is made up so that the
engine has something to divide, and every row is marked ``is_demo`` so that each page showing
them says "demo data".
"""

from __future__ import annotations

from decimal import Decimal

from interlock.registry.models import Organization
from interlock.situations.models import CapabilityDomain
from interlock.situations.services import capability_set

# organization, domain, effectiveness, capacity (in the domain's unit), readiness days, reach
DEMO_CAPABILITIES = [
    ("UN", "military-peacekeeping", "0.70", "10000", 90, "global"),
    ("UN", "mediation", "0.80", "6", 14, "global"),
    ("UN", "humanitarian-assistance", "0.80", "50000", 7, "global"),
    ("UN", "electoral-assistance", "0.75", "200", 60, "global"),
    ("UN", "disaster-relief", "0.70", "2000", 3, "global"),
    ("AU", "military-peacekeeping", "0.60", "7700", 45, "region"),
    ("AU", "mediation", "0.85", "4", 7, "region"),
    ("AU", "police", "0.50", "1500", 60, "region"),
    ("EU", "military-peacekeeping", "0.75", "2000", 30, "global"),
    ("EU", "rule-of-law", "0.85", "300", 60, "global"),
    ("EU", "humanitarian-assistance", "0.80", "30000", 7, "global"),
    ("EU", "disaster-relief", "0.75", "1500", 3, "global"),
    ("OSCE", "human-rights-monitoring", "0.85", "400", 21, "region"),
    ("OSCE", "electoral-assistance", "0.90", "300", 30, "region"),
    ("OAS", "electoral-assistance", "0.85", "150", 30, "region"),
    ("OAS", "mediation", "0.75", "3", 14, "region"),
    ("NATO", "military-peacekeeping", "0.85", "5000", 15, "global"),
    ("LAS", "mediation", "0.70", "2", 14, "region"),
    ("SADC", "disaster-relief", "0.60", "500", 7, "region"),
]


def demo_capabilities_ensure() -> int:
    """Record the demo capabilities that are not recorded yet; never overwrite a real one."""
    organizations = {o.acronym: o for o in Organization.objects.all()}
    domains = {d.pk: d for d in CapabilityDomain.objects.all()}
    created = 0
    for acronym, domain_key, effectiveness, capacity, days, reach in DEMO_CAPABILITIES:
        organization, domain = organizations.get(acronym), domains.get(domain_key)
        if organization is None or domain is None:
            continue
        if organization.capabilities.filter(domain=domain).exists():
            continue
        capability_set(
            actor=None,
            organization=organization,
            domain=domain,
            effectiveness=Decimal(effectiveness),
            capacity=Decimal(capacity),
            unit=domain.unit,
            readiness_days=days,
            reach=reach,
            is_demo=True,
        )
        created += 1
    return created
