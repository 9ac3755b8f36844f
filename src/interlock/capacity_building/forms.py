"""Forms of capacity-building plans: they parse; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interlock.capacity_building.models import (
    ContributionKind,
    MilestoneStatus,
    Pillar,
    PlanStatus,
)
from interlock.documents.forms import ReadableDocumentField
from interlock.documents.models import Classification, Topic
from interlock.registry.models import Organization
from interlock.situations.models import CapabilityDomain


def _year(label: Any, help_text: Any = "") -> forms.IntegerField:
    return forms.IntegerField(
        min_value=1945, max_value=2100, required=False, label=label, help_text=help_text
    )


TITLE_LABELS = {
    "title_en": _("Title (English)"),
    "title_fr": _("Title (French)"),
    "title_es": _("Title (Spanish)"),
    "title_ru": _("Title (Russian)"),
    "title_zh_hans": _("Title (Chinese)"),
    "title_ar": _("Title (Arabic)"),
}
SUMMARY_LABELS = {
    "summary_en": _("Summary (English)"),
    "summary_fr": _("Summary (French)"),
    "summary_es": _("Summary (Spanish)"),
    "summary_ru": _("Summary (Russian)"),
    "summary_zh_hans": _("Summary (Chinese)"),
    "summary_ar": _("Summary (Arabic)"),
}
DESCRIPTION_LABELS = {
    "description_en": _("Description (English)"),
    "description_fr": _("Description (French)"),
    "description_es": _("Description (Spanish)"),
    "description_ru": _("Description (Russian)"),
    "description_zh_hans": _("Description (Chinese)"),
    "description_ar": _("Description (Arabic)"),
}


def _add_texts(
    form: forms.Form, labels: dict[str, Any], *, max_length: int | None, rows: int = 0
) -> None:
    for name, label in labels.items():
        widget = forms.Textarea(attrs={"rows": rows}) if rows else None
        form.fields[name] = forms.CharField(
            max_length=max_length,
            required=name.endswith("_en") and rows == 0,
            label=label,
            widget=widget,
        )


def texts(data: dict[str, Any], field: str) -> dict[str, str]:
    """The six languages' values of ``field`` from a form's cleaned data."""
    return {name: data[name] for name in data if name.startswith(f"{field}_")}


class PlanForm(forms.Form):
    beneficiary = forms.ModelChoiceField(
        queryset=Organization.objects.order_by("short_name_en"), label=_("Beneficiary")
    )
    start_year = _year(_("First year"), _("Leave blank where the source does not say"))
    end_year = _year(_("Last year"), _("Leave blank where the source does not say"))
    status = forms.ChoiceField(choices=PlanStatus.choices, label=_("Status"))
    classification = forms.ChoiceField(
        choices=Classification.choices, label=_("Classification"), initial="partnership"
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Topics (for sharing at the level restricted)"),
    )

    def __init__(self, *args: Any, reader: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_texts(self, TITLE_LABELS, max_length=300)
        _add_texts(self, SUMMARY_LABELS, max_length=5000, rows=3)
        if getattr(reader, "role", None) != "secretariat":
            # A liaison official records plans of their own organization only.
            own = getattr(reader, "organization_id", None) or 0
            self.fields["beneficiary"].queryset = Organization.objects.filter(pk=own)  # type: ignore[attr-defined]
        self.order_fields(["beneficiary", *TITLE_LABELS, *SUMMARY_LABELS])


class PlanEditForm(PlanForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["beneficiary"]  # a plan keeps its beneficiary


class PillarChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A pillar of the plan, named with its number in the plan's order."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.position}. {obj.title}"


def _pillars(plan: Any) -> Any:
    return Pillar.objects.filter(plan=plan).order_by("position")


class PillarForm(forms.Form):
    domains = forms.ModelMultipleChoiceField(
        queryset=CapabilityDomain.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Capability domains it builds"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_texts(self, TITLE_LABELS, max_length=300)
        self.order_fields([*TITLE_LABELS, "domains"])


class PillarMoveForm(forms.Form):
    to = forms.IntegerField(min_value=1, max_value=32767, label=_("Position"))
    version = forms.IntegerField(widget=forms.HiddenInput)


class PillarEditForm(PillarForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class MilestoneForm(forms.Form):
    pillar = PillarChoiceField(queryset=Pillar.objects.none(), label=_("Pillar"))
    target_year = _year(_("Target year"), _("Leave blank where it is not known"))
    status = forms.ChoiceField(
        choices=MilestoneStatus.choices, label=_("Status"), initial=MilestoneStatus.PLANNED
    )
    evidence = ReadableDocumentField(
        label=_("Evidence"),
        required=False,
        help_text=_("Search the library: a report or a record that you may read"),
    )

    def __init__(self, *args: Any, plan: Any, reader: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pillar"].queryset = _pillars(plan)  # type: ignore[attr-defined]
        self.fields["evidence"].for_reader(reader, at=timezone.now())  # type: ignore[attr-defined]
        _add_texts(self, DESCRIPTION_LABELS, max_length=500)
        self.order_fields(["pillar", "target_year", *DESCRIPTION_LABELS, "status", "evidence"])


class MilestoneEditForm(MilestoneForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ContributionForm(forms.Form):
    partner = forms.ModelChoiceField(
        queryset=Organization.objects.order_by("short_name_en"), label=_("Partner")
    )
    pillar = PillarChoiceField(
        queryset=Pillar.objects.none(),
        required=False,
        label=_("Pillar"),
        empty_label=_("The whole plan"),
    )
    kind = forms.ChoiceField(choices=ContributionKind.choices, label=_("Kind"))
    amount = forms.DecimalField(
        max_digits=16,
        decimal_places=2,
        min_value=0,
        required=False,
        label=_("Amount"),
        help_text=_("Leave blank where it is not known"),
    )
    unit = forms.CharField(
        max_length=40, required=False, label=_("Unit"), help_text=_("USD, experts, courses, …")
    )
    start_year = _year(_("First year"))
    end_year = _year(_("Last year"))

    def __init__(self, *args: Any, plan: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pillar"].queryset = _pillars(plan)  # type: ignore[attr-defined]


class ContributionEditForm(ContributionForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
