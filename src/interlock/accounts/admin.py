from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from interlock.accounts.models import ApiToken, User
from interlock.core.admin import AuditedAdminMixin


@admin.register(User)
class InterlockUserAdmin(AuditedAdminMixin, UserAdmin):
    list_display = ["username", "email", "organization", "role", "is_active"]
    list_filter = ["role", "organization", "is_active"]
    list_select_related = ["organization"]
    fieldsets = (*UserAdmin.fieldsets, ("Interlock", {"fields": ("organization", "role")}))  # type: ignore[misc]
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        ("Interlock", {"fields": ("email", "organization", "role")}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "digest", "created_at", "last_used_at"]
    list_select_related = ["user"]
