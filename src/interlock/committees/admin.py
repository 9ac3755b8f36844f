from django.contrib import admin

from interlock.committees.models import WorkingGroup
from interlock.core.admin import AuditedAdminMixin


@admin.register(WorkingGroup)
class WorkingGroupAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["position", "name_en", "name_fr"]
