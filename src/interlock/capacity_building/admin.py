from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from interlock.capacity_building.models import CapacityPlan, Contribution, Milestone, Pillar


@admin.register(CapacityPlan, Pillar, Milestone, Contribution)
class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read only: writes go through the services (permissions, optimistic lock, audit)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
