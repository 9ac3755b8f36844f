from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from interlock.documents.models import Classification, Language, Topic
from interlock.registry.models import Organization


class DocumentFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label=_("Search"))
    owner = forms.ChoiceField(required=False, label=_("Owner"))
    topic = forms.ChoiceField(required=False, label=_("Topic"))
    classification = forms.ChoiceField(
        required=False,
        choices=[("", _("Any classification")), *Classification.choices],
        label=_("Classification"),
    )
    language = forms.ChoiceField(
        required=False, choices=[("", _("Any language")), *Language.choices], label=_("Language")
    )
    since = forms.DateField(
        required=False, label=_("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        required=False, label=_("Until"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        owners = Organization.objects.order_by("short_name_en").values_list(
            "acronym", "short_name_en"
        )
        self.fields["owner"].choices = [("", _("Any owner")), *owners]  # type: ignore[attr-defined]
        topics = [(t.key, t.name) for t in Topic.objects.all()]
        self.fields["topic"].choices = [("", _("Any topic")), *topics]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data


class DocumentForm(forms.Form):
    title = forms.CharField(max_length=400, label=_("Title"))
    symbol = forms.CharField(
        max_length=80,
        required=False,
        label=_("Symbol"),
        help_text=_("If the document has a UN-style symbol"),
    )
    classification = forms.ChoiceField(choices=Classification.choices, label=_("Classification"))
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        required=False,
        label=_("Topics"),
        widget=forms.CheckboxSelectMultiple,
    )
    named_readers = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.all(),
        required=False,
        label=_("Recipients (confidential documents only)"),
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(
        choices=Language.choices, initial=Language.ENGLISH, label=_("Language")
    )
    body = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 8}), label=_("Text")
    )
    upload = forms.FileField(
        required=False,
        label=_("File"),
        help_text=_("PDF, Word (.docx), OpenDocument (.odt) or text (.txt)"),
    )


class VersionForm(forms.Form):
    language = forms.ChoiceField(choices=Language.choices, label=_("Language"))
    title = forms.CharField(max_length=400, label=_("Title"))
    body = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 8}), label=_("Text")
    )
    note = forms.CharField(max_length=300, required=False, label=_("What changed"))
    upload = forms.FileField(required=False, label=_("File"))
