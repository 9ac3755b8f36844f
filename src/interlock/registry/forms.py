from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interlock.core.forms import AsOfField, QuickSelect
from interlock.registry.models import PARTICIPANT_KINDS, CharterBasis, OrganizationKind


class OrganizationFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, label=_("Name or acronym"))
    kind = forms.ChoiceField(
        required=False,
        choices=[("", _("All kinds")), *OrganizationKind.choices],
        label=_("Kind"),
        widget=QuickSelect,
    )
    charter_basis = forms.ChoiceField(
        required=False,
        choices=[("", _("Any Charter basis")), *CharterBasis.choices],
        label=_("Charter basis"),
        widget=QuickSelect,
    )
    region = forms.ChoiceField(required=False, label=_("Members in region"), widget=QuickSelect)
    as_of = AsOfField()

    def __init__(self, *args: object, regions: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["region"].choices = [("", _("Any region")), *regions]  # type: ignore[attr-defined]


class MembersAsOfForm(forms.Form):
    as_of = AsOfField()


class LiaisonAppointForm(forms.Form):
    person_name = forms.CharField(max_length=160, label=_("Name"))
    title = forms.CharField(max_length=160, required=False, label=_("Title"))
    started_on = forms.DateField(
        label=_("Starts on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    replace_current = forms.BooleanField(
        required=False,
        label=_("Replaces the current liaison official (their appointment ends that day)"),
    )


class OrganizationCreateForm(forms.Form):
    acronym = forms.SlugField(max_length=20, label=_("Acronym"))
    short_name_en = forms.CharField(max_length=30, required=False, label=_("Short name"))
    name_en = forms.CharField(max_length=200, label=_("Full name"))
    kind = forms.ChoiceField(
        choices=[
            (value, label)
            for value, label in OrganizationKind.choices
            if value in PARTICIPANT_KINDS
        ],
        label=_("Kind"),
    )
    headquarters_city = forms.CharField(max_length=100, required=False, label=_("Headquarters"))
    website = forms.URLField(required=False, label=_("Website"))
    source_title = forms.CharField(
        max_length=300, label=_("Source"), help_text=_("The record that names the organization")
    )
    source_url = forms.URLField(max_length=500, required=False, label=_("Address of the source"))
    source_locator = forms.CharField(
        max_length=120, required=False, label=_("Paragraph, article or page within the source")
    )
