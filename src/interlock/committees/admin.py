from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from interlock.committees.models import WorkingGroup
from interlock.core.admin import AuditedAdminMixin


@admin.register(WorkingGroup)
class WorkingGroupAdmin(AuditedAdminMixin, TranslationAdmin):
    list_display = ["position", "name"]
