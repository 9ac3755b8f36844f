from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from interlock.agreements.models import Agreement, AgreementKind
from interlock.core.admin import AuditedAdminMixin, NamedReferenceMixin


@admin.register(AgreementKind)
class AgreementKindAdmin(AuditedAdminMixin, TranslationAdmin):
    """The secretariat adds kinds of agreement here (¶6: "agreements of appropriate kinds")."""

    list_display = ["key", "name"]


@admin.register(Agreement)
class AgreementAdmin(NamedReferenceMixin, admin.ModelAdmin):
    """Read-only: agreements are recorded and moved through their lifecycle on their own pages,
    through the services that check and audit each step."""

    list_display = ["title", "party_a", "party_b", "in_force_from", "expires_at", "terminated_at"]
    list_select_related = ["party_a", "party_b"]
    # The text is a document: named through the reading policy, never by its own __str__.
    named_reference = "text"
    readonly_fields = ["text_named"]

    @admin.display(description=_("Text"))
    def text_named(self, agreement: Agreement) -> str:
        return self.named(agreement, "text")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
