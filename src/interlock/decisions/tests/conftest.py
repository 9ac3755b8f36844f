"""Helpers of the decisions tests: a decision of the sixth meeting with an action led by the AU
(the cast's owner organization), and a clock the tests set."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest


@pytest.fixture
def sixth() -> Any:
    from interlock.meetings.models import Meeting

    return Meeting.objects.get(number=6)


@pytest.fixture
def au_action(cast: dict[str, Any], sixth: Any) -> Any:
    """An action under the sixth meeting's decision on the AU's capacity-building plan, led by
    the AU with the EU in support, and an indicator due quarterly in 2026."""
    from interlock.decisions import services
    from interlock.decisions.models import Decision
    from interlock.registry.models import Organization

    decision = Decision.objects.get(meeting=sixth, number=2)
    au, eu = Organization.objects.get(acronym="AU"), Organization.objects.get(acronym="EU")
    action = services.action_create(
        actor=cast["secretariat"],
        decision=decision,
        title="Ten-year capacity-building plan: first phase",
        lead=au,
        supporting=[eu],
        target_date=dt.date(2027, 12, 31),
    )
    services.indicator_create(
        actor=cast["secretariat"],
        action=action,
        title="Pillars with a work plan",
        reports_from=dt.date(2026, 3, 31),
        reports_until=dt.date(2026, 12, 31),
        every_months=3,
    )
    return action
