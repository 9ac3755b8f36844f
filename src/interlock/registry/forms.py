from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interlock.core.forms import AsOfField, QuickSelect
from interlock.registry.models import CharterBasis, OrganizationKind


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
