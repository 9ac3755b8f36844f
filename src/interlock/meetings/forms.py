from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interlock.committees.models import WorkingGroup
from interlock.decisions.models import Decision, Proposal
from interlock.decisions.selectors import visible_proposals
from interlock.documents.forms import ReadableDocumentField
from interlock.documents.models import Classification, Topic
from interlock.meetings.models import (
    DelegationLevel,
    Disposition,
    MeetingSeries,
    MeetingStatus,
    SeriesKind,
)
from interlock.meetings.selectors import FEED_EARLIEST_YEAR
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


class FeedWindowForm(forms.Form):
    """A feed's ``?since=YYYY``: the year from which it lists meetings."""

    since = forms.IntegerField(
        required=False,
        min_value=FEED_EARLIEST_YEAR,
        max_value=9999,
    )


class AgendaItemForm(forms.Form):
    title_en = forms.CharField(max_length=300, label=_("Title (English)"))
    title_fr = forms.CharField(max_length=300, required=False, label=_("Title (French)"))
    title_es = forms.CharField(max_length=300, required=False, label=_("Title (Spanish)"))
    title_ru = forms.CharField(max_length=300, required=False, label=_("Title (Russian)"))
    title_zh_hans = forms.CharField(max_length=300, required=False, label=_("Title (Chinese)"))
    title_ar = forms.CharField(max_length=300, required=False, label=_("Title (Arabic)"))
    working_group = forms.ModelChoiceField(
        queryset=WorkingGroup.objects.all(), required=False, label=_("Working group")
    )


class AgendaItemEditForm(AgendaItemForm):
    result = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Result"),
        help_text=_("What the meeting concluded on the item; empty while it is pending"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class AgendaMoveForm(forms.Form):
    to = forms.IntegerField(min_value=1, max_value=32767, label=_("Number"))
    version = forms.IntegerField(widget=forms.HiddenInput)


class AgendaRemoveForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class AgendaDocumentForm(forms.Form):
    document = ReadableDocumentField(
        label=_("Document"),
        help_text=_("Search the library: a statement, a report or a draft that you may read"),
    )

    def __init__(self, *args: Any, reader: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].for_reader(reader, at=timezone.now())  # type: ignore[attr-defined]


class OutcomeForm(forms.Form):
    """The meeting's conclusions: a document of the library the chooser may read, or none."""

    document = ReadableDocumentField(
        required=False,
        label=_("Outcome document"),
        help_text=_(
            "Search the library for the meeting's conclusions; choose “None” to clear them"
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, reader: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].for_reader(reader, at=timezone.now())  # type: ignore[attr-defined]


class AgendaLinkForm(forms.Form):
    """A proposal or a decision of the item's meeting (the reader's visible ones only)."""

    proposal = forms.ModelChoiceField(
        queryset=Proposal.objects.none(), required=False, label=_("Proposal")
    )
    decision = forms.ModelChoiceField(
        queryset=Decision.objects.none(), required=False, label=_("Decision")
    )

    def __init__(self, *args: Any, reader: Any, meeting: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        proposals = visible_proposals(reader).filter(meeting=meeting).order_by("id")
        self.fields["proposal"].queryset = proposals  # type: ignore[attr-defined]
        decisions = Decision.objects.filter(meeting=meeting).select_related("meeting")
        self.fields["decision"].queryset = decisions.order_by("number")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("proposal")) == bool(data.get("decision")):
            raise forms.ValidationError(_("Choose a proposal or a decision of this meeting."))
        return data
