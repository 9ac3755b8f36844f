from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from interlock.committees.models import CommitteeMember, TermsOfReference, WorkingGroup
from interlock.core.admin import AuditedAdminMixin


@admin.register(WorkingGroup)
class WorkingGroupAdmin(AuditedAdminMixin, TranslationAdmin):
    list_display = ["position", "name"]


@admin.register(CommitteeMember)
class CommitteeMemberAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Seats on the standing committee: the source names none, so the secretariat records them."""

    list_display = ["organization", "person_name", "started_on", "ended_on"]
    list_select_related = ["organization"]


@admin.register(TermsOfReference)
class TermsOfReferenceAdmin(admin.ModelAdmin):
    """Read here; put to the participants and adopted on the committee's page (consent)."""

    list_display = ["title", "meeting", "adopted_at"]
    readonly_fields = ["adopted_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
