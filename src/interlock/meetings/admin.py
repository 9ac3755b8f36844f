from django.contrib import admin

from interlock.core.admin import AuditedAdminMixin
from interlock.meetings.models import Delegation, Meeting


class DelegationInline(admin.TabularInline):
    model = Delegation
    extra = 0
    can_delete = False


@admin.register(Meeting)
class MeetingAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["number", "title_en", "starts_on", "venue"]
    inlines = [DelegationInline]
