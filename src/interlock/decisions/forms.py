from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from interlock.committees.models import WorkingGroup
from interlock.decisions.models import (
    MODIFICATION_KINDS,
    STATUS_CHOICES,
    Decision,
    ProposalStatus,
    ProposerKind,
)
from interlock.documents.models import Topic
from interlock.domain.implementation import Status
from interlock.meetings.models import Meeting
from interlock.registry.models import Organization

DATE = {"type": "date"}


class ProposalForm(forms.Form):
    title = forms.CharField(max_length=300, label=_("Title"))
    proposer_kind = forms.ChoiceField(choices=ProposerKind.choices, label=_("Put forward by"))
    working_group = forms.ModelChoiceField(
        queryset=WorkingGroup.objects.all(), required=False, label=_("Working group")
    )
    meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.all(), required=False, label=_("To be considered at")
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10}),
        label=_("Text"),
        help_text=_("One paragraph per block; leave a blank line between paragraphs."),
    )


class ModificationForm(forms.Form):
    kind = forms.ChoiceField(choices=MODIFICATION_KINDS, label=_("Change"))
    paragraph = forms.IntegerField(min_value=0, max_value=999, label=_("Paragraph"))
    text = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("New text")
    )


class DispositionForm(forms.Form):
    accept = forms.TypedChoiceField(
        choices=[("1", _("Accept")), ("0", _("Do not accept"))],
        coerce=lambda v: v == "1",
        label=_("Disposition"),
    )
    reason = forms.CharField(required=False, max_length=500, label=_("Reason"))


class MoveForm(forms.Form):
    to = forms.ChoiceField(choices=ProposalStatus.choices, label=_("New state"))
    version = forms.IntegerField(widget=forms.HiddenInput)


class SupportForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[("co_sponsor", _("Co-sponsor")), ("support", _("Supports"))], label=_("Support")
    )


class DecisionFilterForm(forms.Form):
    meeting = forms.TypedChoiceField(
        coerce=int, required=False, label=_("Meeting"), empty_value=None
    )
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.all(),
        required=False,
        to_field_name="acronym",
        label=_("Organization"),
    )
    status = forms.ChoiceField(
        choices=[("", _("Any status")), *STATUS_CHOICES], required=False, label=_("Status")
    )
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.all(), required=False, to_field_name="key", label=_("Topic")
    )
    overdue = forms.BooleanField(required=False, label=_("With overdue reports"))

    def __init__(self, *args: object, meetings: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["meeting"].choices = [("", _("Any meeting")), *[(n, n) for n in meetings]]  # type: ignore[attr-defined]


class ActionForm(forms.Form):
    title = forms.CharField(max_length=300, label=_("Action"))
    lead = forms.ModelChoiceField(queryset=Organization.objects.all(), label=_("Lead organization"))
    supporting = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.all(),
        required=False,
        label=_("Supporting organizations"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    target_date = forms.DateField(
        required=False, label=_("Target date"), widget=forms.DateInput(attrs=DATE)
    )


class IndicatorForm(forms.Form):
    title = forms.CharField(max_length=300, label=_("Indicator"))
    unit = forms.CharField(max_length=60, required=False, label=_("Unit"))
    target = forms.CharField(max_length=120, required=False, label=_("Target"))
    reports_from = forms.DateField(label=_("First report due"), widget=forms.DateInput(attrs=DATE))
    reports_until = forms.DateField(
        label=_("Last report due by"), widget=forms.DateInput(attrs=DATE)
    )
    every_months = forms.IntegerField(min_value=1, max_value=60, label=_("Every (months)"))


class ReportForm(forms.Form):
    due_on = forms.DateField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        choices=[c for c in STATUS_CHOICES if c[0] != Status.NOT_REPORTED],
        label=_("State of implementation"),
    )
    progress = forms.IntegerField(
        min_value=0,
        max_value=100,
        required=False,
        label=_("Progress (%)"),
        help_text=_("Blank: the state's usual share"),
    )
    value = forms.CharField(max_length=120, required=False, label=_("Value of the indicator"))
    narrative = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 4}), label=_("What was done")
    )
    submit = forms.BooleanField(required=False, label=_("Submit (a submitted report is final)"))
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


REFERENCE = re.compile(r"^\s*(?:HLM)?\s*(\d{1,3})\s*/\s*(\d{1,5})\s*$", re.IGNORECASE)


class DecisionLinkForm(forms.Form):
    other = forms.CharField(
        max_length=20, label=_("Other decision"), help_text=_("Its reference, e.g. HLM6/3")
    )
    kind = forms.ChoiceField(
        choices=[
            ("related", _("Is related to this one")),
            ("supersedes", _("Supersedes this one")),
            ("unrelated", _("Is no longer related to this one")),
        ],
        label=_("Link"),
    )

    def clean_other(self) -> Decision:
        match = REFERENCE.match(self.cleaned_data["other"])
        decision = (
            Decision.objects.select_related("meeting")
            .filter(meeting__number=int(match[1]), number=int(match[2]))
            .first()
            if match
            else None
        )
        if decision is None:
            raise forms.ValidationError(_("No decision with this reference."))
        return decision
