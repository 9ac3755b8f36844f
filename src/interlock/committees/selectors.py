from __future__ import annotations

from django.db.models import QuerySet

from interlock.committees.models import WorkingGroup


def working_group_list() -> QuerySet[WorkingGroup]:
    return WorkingGroup.objects.select_related("source").order_by("position")
