from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from interlock.core.admin import AuditedAdminMixin
from interlock.meetings.models import Delegation, Meeting


class DelegationInline(admin.TabularInline):
    model = Delegation
    extra = 0
    can_delete = False


@admin.register(Meeting)
class MeetingAdmin(AuditedAdminMixin, TranslationAdmin):
    list_display = ["number", "title", "starts_on", "venue"]
    inlines = [DelegationInline]
