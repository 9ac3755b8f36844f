from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from interlock.agreements.models import AgreementKind
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
    text = forms.IntegerField(
        required=False,
        min_value=1,
        label=_("The agreement's text (document number)"),
        help_text=_("A document in the library owned by one of the parties"),
    )
    note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Note")
    )


class InstantForm(forms.Form):
    at = forms.DateTimeField(
        label=_("At (UTC)"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
