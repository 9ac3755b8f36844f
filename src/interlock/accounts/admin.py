from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from interlock.accounts import services
from interlock.accounts.models import ApiToken, User
from interlock.core.admin import AuditedAdminMixin
from interlock.core.services import audit_record


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


class AuditedDeviceAdminMixin:
    """Staff remove a second factor here when its owner lost it; every removal, addition and
    change reaches the audit trail, named by the person it belongs to."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        audit_record(
            actor=request.user,
            action=f"user.two_factor_{'change' if change else 'add'}",
            target=obj.user,
            changes={"device": [None, obj.name]},
            organization=obj.user.organization,
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        services.two_factor_device_remove(actor=request.user, device=obj)  # type: ignore[arg-type]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for device in queryset.select_related("user__organization"):
            services.two_factor_device_remove(actor=request.user, device=device)  # type: ignore[arg-type]


# django-otp registers its own admins first (its apps come first in INSTALLED_APPS).
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


@admin.register(TOTPDevice)
class InterlockTOTPDeviceAdmin(AuditedDeviceAdminMixin, TOTPDeviceAdmin):
    pass


@admin.register(StaticDevice)
class InterlockStaticDeviceAdmin(AuditedDeviceAdminMixin, StaticDeviceAdmin):
    pass
