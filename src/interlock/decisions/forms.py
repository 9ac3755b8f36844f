from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from interlock.committees.models import WorkingGroup
from interlock.decisions.models import (
    MODIFICATION_KINDS,
    STATUS_CHOICES,
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
