from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from interlock.accounts.models import User
from interlock.committees.models import BodyKind
from interlock.core.models import Source
from interlock.meetings.models import Meeting
from interlock.registry.models import Organization

DATE = {"type": "date"}


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


class GroupDocumentForm(forms.Form):
    document = forms.CharField(
        max_length=80,
        label=_("Document number or symbol"),
        help_text=_("As the library shows it, e.g. 42 or A/60/341"),
    )
    unlink = forms.BooleanField(required=False, widget=forms.HiddenInput)


class PeopleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        name = obj.get_full_name() or obj.username
        return f"{name} ({obj.organization.acronym})" if obj.organization_id else name


class GroupPeopleForm(forms.Form):
    people = PeopleField(
        queryset=User.objects.filter(is_active=True).select_related("organization"),
        required=False,
        label=_("People taking part"),
        help_text=_("Users of the group's member organizations, or of the secretariat"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )


class SeatForm(forms.Form):
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.all(), label=_("Organization")
    )
    person_name = forms.CharField(
        max_length=160, required=False, label=_("Person"), help_text=_("Blank: unknown")
    )
    started_on = forms.DateField(label=_("Seated from"), widget=forms.DateInput(attrs=DATE))


class SeatEndForm(forms.Form):
    ended_on = forms.DateField(label=_("Seat ends on"), widget=forms.DateInput(attrs=DATE))
