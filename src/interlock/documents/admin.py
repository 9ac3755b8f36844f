from __future__ import annotations

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from interlock.core.admin import AuditedAdminMixin
from interlock.documents.models import Topic


@admin.register(Topic)
class TopicAdmin(AuditedAdminMixin, TranslationAdmin):
    """Topics are data, not code (¶5 added disaster relief): the secretariat adds them here.

    Documents are not in the admin: the admin does not apply the information-sharing policy, and
    an organization's documents are its own."""

    list_display = ["key", "name"]
