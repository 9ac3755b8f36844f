from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from interlock.core.admin import AuditedAdminMixin, NamedReferenceMixin
from interlock.meetings.models import Delegation, Invitation, Meeting, MeetingSeries


class DelegationInline(admin.TabularInline):
    model = Delegation
    extra = 0
    can_delete = False


class InvitationInline(admin.TabularInline):
    model = Invitation
    extra = 0
    can_delete = False


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["key", "kind", "name"]


@admin.register(Meeting)
class MeetingAdmin(NamedReferenceMixin, AuditedAdminMixin, TranslationAdmin):
    list_display = ["series", "number", "title", "starts_on", "status"]
    list_filter = ["series", "status"]
    inlines = [InvitationInline, DelegationInline]
    # The conclusions are a document: named through the reading policy, never by their __str__.
    named_reference = "outcome"
    readonly_fields = ["outcome_named"]

    @admin.display(description=_("Conclusions"))
    def outcome_named(self, meeting: Meeting) -> str:
        return self.named(meeting, "outcome")
