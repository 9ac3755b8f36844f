from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from interlock.core.forms import QuickSelect
from interlock.core.i18n import in_reader_language
from interlock.documents.access import readable_documents
from interlock.documents.models import Classification, Document, Language, Topic
from interlock.registry.models import Organization


class DocumentFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label=_("Search"))
    # Every organization may own documents: the list is long, QuickSelect writes it in one pass.
    owner = forms.ChoiceField(required=False, label=_("Owner"), widget=QuickSelect)
    topic = forms.ChoiceField(required=False, label=_("Topic"), widget=QuickSelect)
    classification = forms.ChoiceField(
        required=False,
        choices=[("", _("Any classification")), *Classification.choices],
        label=_("Classification"),
        widget=QuickSelect,
    )
    language = forms.ChoiceField(
        required=False,
        choices=[("", _("Any language")), *Language.choices],
        label=_("Language"),
        widget=QuickSelect,
    )
    since = forms.DateField(
        required=False, label=_("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        required=False, label=_("Until"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        owners = Organization.objects.order_by(in_reader_language("short_name")).values_list(
            "acronym", "short_name"
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


class DocumentSearchWidget(forms.Widget):
    """Choose a document by searching what the chooser may read (htmx asks
    ``documents:choices`` as one types); the chosen document travels as a radio button. Nothing
    is ever typed as a number, and only readable documents are ever offered or shown."""

    template_name = "documents/_document_chooser.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.queryset: QuerySet[Document] = Document.objects.none()

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        chosen = None
        if value not in (None, "") and str(value).isdigit():
            chosen = self.queryset.filter(pk=int(value)).first()
        context["chosen"] = chosen
        return context

    def id_for_label(self, id_: str) -> str:
        return f"{id_}-search" if id_ else id_

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        return data.get(name)


class ReadableDocumentField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A document the chooser may read. A hidden document and one that does not exist get the
    same answer, so the field never tells them apart. Give it the reader with :meth:`for_reader`."""

    widget = DocumentSearchWidget
    default_error_messages = {
        "invalid_choice": _("Choose a document you may read from the search results."),
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=Document.objects.none(), **kwargs)

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not (str(value).isdigit() and len(str(value)) <= 15):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)

    def for_reader(self, user: Any, *, at: dt.datetime) -> None:
        self.queryset = readable_documents(user, at=at)
        self.widget.queryset = self.queryset  # type: ignore[attr-defined]
