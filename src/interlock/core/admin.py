from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest

from interlock.core.models import AuditEvent, Source
from interlock.core.services import audit_record, changes_between


class AuditedAdminMixin:
    """Writes made in the Django admin reach the audit trail like any other write, and nothing the
    mechanism must keep can be deleted there."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # Atomic: the record and its audit event stand or fall together.
        with transaction.atomic():
            super().save_model(request, obj, form, change)  # type: ignore[misc]
            audit_record(
                actor=request.user,
                action=f"admin.{'change' if change else 'add'}",
                target=obj,
                changes=changes_between(form.initial, form.cleaned_data, form.changed_data),
            )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Source)
class SourceAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["key", "title", "locator", "url"]
    search_fields = ["key", "title"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit trail is append-only."""

    list_display = ["at", "actor_label", "organization", "action", "target_label"]
    list_filter = ["action", "target_type"]
    search_fields = ["actor_label", "target_label"]
    list_select_related = ["organization"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
