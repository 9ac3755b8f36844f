from __future__ import annotations

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import get_translation_fields

from interlock.core.admin import AuditedAdminMixin, VersionedAdminMixin
from interlock.registry.models import (
    Country,
    LiaisonAppointment,
    Membership,
    Organization,
    ReportedMemberCount,
)


@admin.register(Country)
class CountryAdmin(AuditedAdminMixin, TranslationAdmin):
    list_display = ["alpha3", "name", "region", "subregion"]
    list_filter = ["region"]
    search_fields = ["alpha3", *get_translation_fields("name")]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    can_delete = False  # memberships end with a date; they are never deleted
    autocomplete_fields = ["country"]


@admin.register(Organization)
class OrganizationAdmin(VersionedAdminMixin, TranslationAdmin):
    list_display = ["acronym", "name", "kind", "charter_basis", "membership_recorded"]
    list_filter = ["kind", "charter_basis"]
    search_fields = ["acronym", *get_translation_fields("short_name", "name")]
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
class ReportedMemberCountAdmin(AuditedAdminMixin, TranslationAdmin):
    """Figures reported by cited records; corrected, never deleted (the reference data loads them)."""

    list_display = ["organization", "on", "precision", "count", "counted", "source"]
    list_filter = ["organization"]
    list_select_related = ["organization", "source"]
    autocomplete_fields = ["source"]
