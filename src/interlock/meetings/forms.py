from __future__ import annotations

import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from interlock.documents.models import Classification, Topic
from interlock.meetings.models import (
    DelegationLevel,
    Disposition,
    MeetingSeries,
    MeetingStatus,
    SeriesKind,
)
from interlock.registry.models import Organization

_DATE = forms.DateInput(attrs={"type": "date"})


class SeriesForm(forms.Form):
    key = forms.SlugField(max_length=60, label=_("Key (in addresses)"))
    kind = forms.ChoiceField(choices=SeriesKind.choices, label=_("Kind"))
    name = forms.CharField(max_length=200, label=_("Name"))


class MeetingFieldsForm(forms.Form):
    title_en = forms.CharField(max_length=300, label=_("Title (English)"))
    title_fr = forms.CharField(max_length=300, required=False, label=_("Title (French)"))
    theme_en = forms.CharField(max_length=300, required=False, label=_("Theme (English)"))
    theme_fr = forms.CharField(max_length=300, required=False, label=_("Theme (French)"))
    starts_on = forms.DateField(label=_("First day"), widget=_DATE)
    ends_on = forms.DateField(label=_("Last day"), widget=_DATE)
    time_zone = forms.ChoiceField(
        choices=[(name, name) for name in sorted(zoneinfo.available_timezones())],
        initial="America/New_York",
        label=_("Time zone"),
    )
    venue = forms.CharField(max_length=200, required=False, label=_("Venue"))
    online = forms.BooleanField(required=False, label=_("Held online"))
    chair = forms.CharField(max_length=200, required=False, label=_("Chair"))


class MeetingForm(MeetingFieldsForm):
    series = forms.ModelChoiceField(
        queryset=MeetingSeries.objects.all(), label=_("Series"), to_field_name="key"
    )
    number = forms.IntegerField(min_value=1, max_value=32767, label=_("Number in the series"))

    field_order = ["series", "number"]


class MeetingEditForm(MeetingFieldsForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=MeetingStatus.choices, label=_("Status"))
    version = forms.IntegerField(widget=forms.HiddenInput)


class InviteForm(forms.Form):
    organizations = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.order_by("short_name_en"),
        widget=forms.CheckboxSelectMultiple,
        label=_("Organizations to invite"),
    )


class AnswerForm(forms.Form):
    accept = forms.TypedChoiceField(
        choices=[("yes", _("We will attend")), ("no", _("We decline"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        label=_("Answer"),
    )


class DelegationForm(forms.Form):
    level = forms.ChoiceField(choices=DelegationLevel.choices, label=_("Level of the delegation"))
    head_name = forms.CharField(max_length=200, label=_("Head of the delegation"))
    head_title = forms.CharField(max_length=200, required=False, label=_("Their title"))
    members = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label=_("Members of the delegation"),
        help_text=_("One person a line"),
    )


class RecordForm(forms.Form):
    classification = forms.ChoiceField(
        choices=Classification.choices,
        initial=Classification.PARTNERSHIP,
        label=_("Classification"),
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Topics"),
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 16}),
        label=_("Text of the record"),
        help_text=_("Paragraphs separated by an empty line; comments anchor to their numbers"),
    )


class RecordEditForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 16}), label=_("Text of the record"))
    note = forms.CharField(max_length=300, required=False, label=_("What changed"))
    based_on = forms.IntegerField(widget=forms.HiddenInput)


class RecordStepForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    deadline = forms.DateTimeField(
        required=False,
        label=_("Deadline for comments (UTC)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


class CommentForm(forms.Form):
    paragraph = forms.IntegerField(min_value=1, max_value=32767, label=_("Paragraph"))
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Comment"))


class DispositionForm(forms.Form):
    disposition = forms.ChoiceField(choices=Disposition.choices, label=_("Disposition"))
    reason = forms.CharField(required=False, max_length=2000, label=_("Reason"))


class CalendarTokenForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        label=_("Name of the subscription"),
        help_text=_("Where you will use it, e.g. “Office calendar”."),
    )
