from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from interlock.core.admin import AuditedAdminMixin
from interlock.situations.models import (
    Capability,
    CapabilityDomain,
    Engagement,
    Notification,
    Plan,
    Situation,
)


@admin.register(CapabilityDomain)
class CapabilityDomainAdmin(AuditedAdminMixin, TranslationAdmin):
    """The secretariat adds domains here: the list is data, not code."""

    list_display = ["key", "name", "unit"]


@admin.register(Situation, Capability, Engagement, Plan, Notification)
class ReadOnlyAdmin(admin.ModelAdmin):
    """Read only: writes go through the services (permissions, audit, Article 54)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
