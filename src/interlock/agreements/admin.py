from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from interlock.agreements.models import Agreement, AgreementKind
from interlock.core.admin import AuditedAdminMixin


@admin.register(AgreementKind)
class AgreementKindAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """The secretariat adds kinds of agreement here (¶6: "agreements of appropriate kinds")."""

    list_display = ["key", "name_en", "name_fr"]


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    """Read-only: agreements are recorded and moved through their lifecycle on their own pages,
    through the services that check and audit each step."""

    list_display = ["title", "party_a", "party_b", "in_force_from", "expires_at", "terminated_at"]
    list_select_related = ["party_a", "party_b"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
