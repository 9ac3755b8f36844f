"""A plan of the AU's for the capacity-building tests, recorded by the AU's liaison official."""

from typing import Any

import pytest


@pytest.fixture
def plan(cast: dict[str, Any]) -> Any:
    from interlock.capacity_building.services import pillar_add, plan_create
    from interlock.registry.models import Organization

    plan = plan_create(
        actor=cast["owner"],
        beneficiary=Organization.objects.get(acronym="AU"),
        title={"title_en": "Standby force plan", "title_fr": "Plan de la force en attente"},
        start_year=2010,
        end_year=2015,
        status="under_way",
        classification="public",
    )
    pillar_add(actor=cast["owner"], plan=plan, title={"title_en": "Logistics"})
    pillar_add(actor=cast["owner"], plan=plan, title={"title_en": "Training"})
    return plan
