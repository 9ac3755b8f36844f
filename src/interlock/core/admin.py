from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from interlock.core.models import AuditEvent, Source
from interlock.core.references import attach_foreign
from interlock.core.selectors import audit_event_search, audit_events_named
from interlock.core.services import audit_record, changes_between


class AuditedAdminMixin:
    """Writes made in the Django admin reach the audit trail like any other write, and nothing the
    mechanism must keep can be deleted there."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # Atomic: the record and its audit event stand or fall together.
        with transaction.atomic():
            super().save_model(request, obj, form, change)  # type: ignore[misc]
            audit_record(
                actor=request.user,
                action=f"admin.{'change' if change else 'add'}",
                target=obj,
                changes=changes_between(form.initial, form.cleaned_data, form.changed_data),
            )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class NamedReferenceMixin:
    """For admin pages of a model with a foreign key to an object only some may read (a document):
    the key is excluded from the form and shown read-only as ``<field>_named``, named through the
    reading policy for the admin's reader (``core.references``), never by the object's __str__.
    Set ``named_reference`` to the field's name and add ``<field>_named`` to ``readonly_fields``."""

    named_reference = ""

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> Any:
        # Display methods receive only the object: name the reference for this reader here.
        obj = super().get_object(request, object_id, from_field)  # type: ignore[misc]
        if obj is not None:
            attach_foreign(request.user, [obj], self.named_reference)
        return obj

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [*(super().get_exclude(request, obj) or []), self.named_reference]  # type: ignore[misc]

    @staticmethod
    def named(obj: Any, field: str) -> str:
        return str(getattr(obj, f"{field}_reference", None) or "—")


class VersionedAdminForm(forms.ModelForm):  # type: ignore[type-arg]
    """The version the editor loaded travels with the form; a save from a stale copy is refused
    with a message, like the services' optimistic lock (registry.services)."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["loaded_version"].initial = self.instance.version

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.instance.pk is None:
            return data
        # The admin's change view runs in one transaction: the row stays locked until the save.
        current = (
            type(self.instance)
            ._default_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if data.get("loaded_version") != current:
            raise forms.ValidationError(
                _(
                    "Someone else changed this record after you opened it. Reload the page "
                    "to see their change, then make yours again."
                ),
                code="stale",
            )
        return data


class VersionedAdminMixin(AuditedAdminMixin):
    """For models that carry a ``version`` (optimistic locking): the admin refuses stale saves
    and bumps the version, so that neither the admin nor a service silently reverts the other."""

    form: type[forms.ModelForm[Any]] = VersionedAdminForm

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:
            obj.version = form.cleaned_data["loaded_version"] + 1
        super().save_model(request, obj, form, change)


@admin.register(Source)
class SourceAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["key", "title", "locator", "url"]
    search_fields = ["key", "title"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit trail is append-only. Targets are named through the reading policy
    (core.references), like on the audit page: staff see "a document (withheld)" for what they
    may not read, and search never matches a withheld label."""

    list_display = ["at", "actor_label", "organization", "action", "target"]
    list_filter = ["action", "target_type"]
    search_fields = ["actor_label", "action", "target_label"]  # searched by audit_event_search
    list_select_related = ["organization"]
    fields = ("at", "actor_label", "organization", "action", "target_type", "target", "changes_")
    readonly_fields = fields

    @admin.display(description=_("What"))
    def target(self, event: AuditEvent) -> str:
        return str(event.reference)  # type: ignore[attr-defined]  # set by audit_events_named

    @admin.display(description=_("Changes"))
    def changes_(self, event: AuditEvent) -> object:
        return event.shown_changes  # type: ignore[attr-defined]

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[AuditEvent], search_term: str
    ) -> tuple[QuerySet[AuditEvent], bool]:
        return audit_event_search(queryset, reader=request.user, query=search_term), False

    def get_changelist_instance(self, request: HttpRequest) -> Any:
        changelist = super().get_changelist_instance(request)
        changelist.result_list = audit_events_named(
            reader=request.user, events=list(changelist.result_list)
        )
        return changelist

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> AuditEvent | None:
        event = super().get_object(request, object_id, from_field)
        if event is not None:
            audit_events_named(reader=request.user, events=[event])
        return event

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
