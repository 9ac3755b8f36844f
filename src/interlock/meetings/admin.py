from django.contrib import admin

from interlock.meetings.models import Delegation, Meeting


class DelegationInline(admin.TabularInline):
    model = Delegation
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["number", "title_en", "starts_on", "venue"]
    inlines = [DelegationInline]
