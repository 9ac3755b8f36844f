from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from interlock.core.admin import AuditedAdminMixin
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
class MeetingAdmin(AuditedAdminMixin, TranslationAdmin):
    list_display = ["series", "number", "title", "starts_on", "status"]
    list_filter = ["series", "status"]
    inlines = [InvitationInline, DelegationInline]
