"""How capacity-building plans are named elsewhere (the audit trail, notifications): through the
information-sharing policy, like every read of a plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from interlock.capacity_building.models import CapacityPlan
from interlock.capacity_building.selectors import readable_plans
from interlock.core.references import register


def _plans(user: Any, at: dt.datetime) -> QuerySet[CapacityPlan]:
    return readable_plans(user, at=at)


register(CapacityPlan, noun=_("a capacity-building plan"), readable=_plans)
