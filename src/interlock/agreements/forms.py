from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interlock.agreements.models import AgreementKind
from interlock.documents.forms import ReadableDocumentField
from interlock.documents.models import Topic
from interlock.registry.models import Organization


class AgreementForm(forms.Form):
    title = forms.CharField(max_length=300, label=_("Title"))
    kind = forms.ModelChoiceField(queryset=AgreementKind.objects.all(), label=_("Kind"))
    party_a = forms.ModelChoiceField(
        queryset=Organization.objects.order_by("short_name_en"), label=_("First party")
    )
    party_b = forms.ModelChoiceField(
        queryset=Organization.objects.order_by("short_name_en"), label=_("Second party")
    )
    signed_on = forms.DateField(
        required=False, label=_("Signed on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    in_force_from = forms.DateTimeField(
        required=False,
        label=_("In force from (UTC)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    expires_at = forms.DateTimeField(
        required=False,
        label=_("Expires at (UTC)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    restricted_topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Information opened up to restricted, by topic"),
    )
    covers_expertise = forms.BooleanField(required=False, label=_("Covers expertise"))
    covers_resources = forms.BooleanField(required=False, label=_("Covers resources"))
    text = ReadableDocumentField(
        required=False,
        label=_("The agreement's text"),
        help_text=_("Search the library: a document of one of the parties that you may read"),
    )
    note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Note")
    )

    def __init__(self, *args: Any, reader: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].for_reader(reader, at=timezone.now())  # type: ignore[attr-defined]


class InstantForm(forms.Form):
    at = forms.DateTimeField(
        label=_("At (UTC)"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
