from __future__ import annotations

from django.contrib import admin

from interlock.core.admin import AuditedAdminMixin, VersionedAdminMixin
from interlock.registry.models import (
    Country,
    LiaisonAppointment,
    Membership,
    Organization,
    ReportedMemberCount,
)


@admin.register(Country)
class CountryAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["alpha3", "name_en", "region", "subregion"]
    list_filter = ["region"]
    search_fields = ["alpha3", "name_en", "name_fr"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    can_delete = False  # memberships end with a date; they are never deleted
    autocomplete_fields = ["country"]


@admin.register(Organization)
class OrganizationAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ["acronym", "name_en", "kind", "charter_basis", "membership_recorded"]
    list_filter = ["kind", "charter_basis"]
    search_fields = ["acronym", "name_en", "name_fr"]
    inlines = [MembershipInline]
    readonly_fields = ["version"]


@admin.register(LiaisonAppointment)
class LiaisonAppointmentAdmin(admin.ModelAdmin):
    """Appointments are made on the organization page, through the service that audits them."""

    list_display = ["organization", "person_name", "started_on", "ended_on"]
    list_select_related = ["organization"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(ReportedMemberCount)
class ReportedMemberCountAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Figures reported by cited records; corrected, never deleted (the reference data loads them)."""

    list_display = ["organization", "on", "precision", "count", "counted_en", "source"]
    list_filter = ["organization"]
    list_select_related = ["organization", "source"]
    autocomplete_fields = ["source"]
