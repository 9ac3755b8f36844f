from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from interlock.documents.models import Classification, Topic
from interlock.registry.models import Country, Organization
from interlock.situations.models import (
    AddressedTo,
    CapabilityDomain,
    EngagementStatus,
    Kind,
    Phase,
    PriorEffort,
    Reach,
    Situation,
)

DATE = forms.DateInput(attrs={"type": "date"})


def _countries() -> forms.ModelChoiceField:  # type: ignore[type-arg]
    return forms.ModelChoiceField(
        queryset=Country.objects.order_by("name_en"), required=False, label=_("Country")
    )


class SituationForm(forms.Form):
    title = forms.CharField(max_length=300, label=_("Title"))
    kind = forms.ChoiceField(choices=Kind.choices, label=_("Kind"))
    phase = forms.ChoiceField(choices=Phase.choices, label=_("Phase"))
    countries = forms.ModelMultipleChoiceField(
        queryset=Country.objects.order_by("name_en"), label=_("Countries")
    )
    classification = forms.ChoiceField(
        choices=Classification.choices, label=_("Classification"), initial="partnership"
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Topics (for sharing at the level restricted)"),
    )
    summary = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Summary")
    )


class TimelineForm(forms.Form):
    occurred_on = forms.DateField(label=_("Date"), widget=DATE)
    text = forms.CharField(max_length=2000, label=_("What happened"))


class AuthorizationForm(forms.Form):
    symbol = forms.CharField(
        max_length=40, label=_("Resolution symbol"), help_text=_("Such as S/RES/1590 (2005)")
    )
    adopted_on = forms.DateField(label=_("Adopted on"), widget=DATE)
    authorizes = forms.CharField(max_length=2000, label=_("What it authorizes"))
    domains = forms.ModelMultipleChoiceField(
        queryset=CapabilityDomain.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Domains it covers (none: all)"),
    )
    addressed_to = forms.ChoiceField(
        choices=AddressedTo.choices,
        initial=AddressedTo.ALL,
        required=False,
        widget=forms.RadioSelect,
        label=_("Whom it authorizes"),
    )
    organizations = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.order_by("acronym"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("The organizations it names"),
    )
    in_force_until = forms.DateField(
        required=False,
        label=_("In force until"),
        help_text=_("Empty when the resolution states no end"),
        widget=DATE,
    )

    def clean_addressed_to(self) -> str:
        # Not chosen: addressed to all, as the Council's general authorizations are.
        return self.cleaned_data["addressed_to"] or AddressedTo.ALL


class TaskForm(forms.Form):
    domain = forms.ModelChoiceField(queryset=CapabilityDomain.objects.all(), label=_("Domain"))
    description = forms.CharField(max_length=300, label=_("Task"))
    amount = forms.DecimalField(
        max_digits=12, decimal_places=2, label=_("Amount needed (in the domain's unit)")
    )
    priority = forms.IntegerField(min_value=1, max_value=5, initial=3, label=_("Priority (1–5)"))
    country = _countries()
    enforcement = forms.BooleanField(required=False, label=_("Enforcement action (Article 53)"))
    needed_within_days = forms.IntegerField(
        required=False, min_value=0, max_value=3650, label=_("Needed within (days)")
    )


class CapabilityForm(forms.Form):
    domain = forms.ModelChoiceField(queryset=CapabilityDomain.objects.all(), label=_("Domain"))
    effectiveness = forms.DecimalField(
        min_value=0, max_value=1, max_digits=4, decimal_places=3, label=_("Effectiveness (0–1)")
    )
    capacity = forms.DecimalField(
        min_value=0, max_digits=12, decimal_places=2, label=_("Capacity (in the domain's unit)")
    )
    readiness_days = forms.IntegerField(min_value=0, max_value=3650, label=_("Ready within (days)"))
    reach = forms.ChoiceField(choices=Reach.choices, label=_("Reach"))
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=EngagementStatus.choices, label=_("Status"))


class Article52Form(forms.Form):
    prior_effort = forms.ChoiceField(
        choices=PriorEffort.choices, label=_("Regional effort before referral (Article 52(2))")
    )
    note = forms.CharField(max_length=300, required=False, label=_("Note"))


class WhatIfForm(forms.Form):
    """A change to try against the current plan: nothing is stored."""

    remove = forms.ModelChoiceField(
        queryset=Organization.objects.filter(capabilities__isnull=False).distinct(),
        required=False,
        to_field_name="acronym",
        label=_("Without the organization"),
    )
    capacity_of = forms.ModelChoiceField(
        queryset=Organization.objects.filter(capabilities__isnull=False).distinct(),
        required=False,
        to_field_name="acronym",
        label=_("Change the capacity of"),
    )
    capacity_domain = forms.ModelChoiceField(
        queryset=CapabilityDomain.objects.all(), required=False, label=_("in the domain")
    )
    capacity = forms.DecimalField(
        required=False, min_value=0, max_digits=12, decimal_places=2, label=_("to")
    )
    add_domain = forms.ModelChoiceField(
        queryset=CapabilityDomain.objects.all(), required=False, label=_("Add a task in")
    )
    add_amount = forms.DecimalField(
        required=False, max_digits=12, decimal_places=2, label=_("Amount needed")
    )
    add_priority = forms.IntegerField(
        required=False, min_value=1, max_value=5, initial=3, label=_("Priority (1–5)")
    )


class NotificationTextForm(forms.Form):
    """One language's text of an Article 54 notification, as the secretariat edits it."""

    language = forms.ChoiceField(choices=settings.LANGUAGES, widget=forms.HiddenInput)
    text = forms.CharField(
        max_length=20000, widget=forms.Textarea(attrs={"rows": 10}), label=_("Text")
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ConfigurationForm(forms.Form):
    country = forms.ModelChoiceField(
        queryset=Country.objects.order_by("name_en"), label=_("Country")
    )
    situation = forms.ModelChoiceField(
        queryset=Situation.objects.order_by("title"),
        required=False,
        label=_("The situation it follows"),
    )
    established_on = forms.DateField(
        required=False,
        widget=DATE,
        label=_("On the Commission's agenda since"),
        help_text=_("Empty where it is not recorded"),
    )
