from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from interlock.committees.models import BodyKind
from interlock.core.models import Source
from interlock.meetings.models import Meeting
from interlock.registry.models import Organization


class WorkingGroupForm(forms.Form):
    name_en = forms.CharField(max_length=200, label=_("Name (English)"))
    name_fr = forms.CharField(max_length=200, required=False, label=_("Name (French)"))
    kind = forms.ChoiceField(choices=BodyKind.choices, label=_("Kind"))
    theme = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Theme")
    )
    convening_organization = forms.ModelChoiceField(
        queryset=Organization.objects.all(), required=False, label=_("Convening organization")
    )
    chair = forms.CharField(max_length=160, required=False, label=_("Chair"))
    source = forms.ModelChoiceField(
        queryset=Source.objects.all(),
        label=_("Source"),
        help_text=_("The decision or record that establishes the group"),
    )


class WorkingGroupDetailsForm(forms.Form):
    theme = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Theme")
    )
    convening_organization = forms.ModelChoiceField(
        queryset=Organization.objects.all(), required=False, label=_("Convening organization")
    )
    chair = forms.CharField(max_length=160, required=False, label=_("Chair"))
    organizations = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.all(),
        required=False,
        label=_("Member organizations"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class TermsForm(forms.Form):
    title = forms.CharField(max_length=300, label=_("Title"))
    meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.all(),
        label=_("Participants of the meeting"),
        help_text=_("Every organization that took part must consent before the terms are adopted"),
    )
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), label=_("Text"))
