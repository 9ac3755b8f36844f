from django.contrib import admin

from interlock.core.admin import AuditedAdminMixin
from interlock.decisions.models import (
    Action,
    Decision,
    Indicator,
    Modification,
    ProgressReport,
    Proposal,
    Support,
)


@admin.register(Decision)
class DecisionAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["meeting", "number", "title", "locator"]
    list_select_related = ["meeting"]
    search_fields = ["title"]


@admin.register(Proposal)
class ProposalAdmin(AuditedAdminMixin, admin.ModelAdmin):
    # The workflow and the text belong to the services (optimistic lock, audit): read here.
    list_display = ["title", "status", "organization"]
    list_select_related = ["organization"]
    readonly_fields = ["status", "paragraphs", "final_paragraphs", "version"]


for model in (Action, Indicator, Modification, Support):
    admin.site.register(
        model, type(f"{model.__name__}Admin", (AuditedAdminMixin, admin.ModelAdmin), {})
    )


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    """Read-only: reports are written by the responsible organization and never deleted."""

    list_display = ["indicator", "due_on", "organization", "state", "status"]
    list_select_related = ["indicator", "organization"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
