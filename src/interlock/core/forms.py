from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from interlock.core.i18n import (
    CONTENT_LANGUAGES,
    FALLBACK,
    column,
    stored_value,
    translated_fields,
)


class AsOfField(forms.DateField):
    """A day to read dated facts on; empty means today."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(
            required=False,
            label=_("As of"),
            widget=forms.DateInput(attrs={"type": "date"}),
            help_text=_("Membership on this day"),
            **kwargs,  # type: ignore[arg-type]
        )

    def clean(self, value: object) -> dt.date:
        day = super().clean(value)
        if day is None:
            return timezone.localdate()
        if day.year < 1900 or day.year > 2200:
            raise forms.ValidationError(_("Choose a day between 1900 and 2200."))
        return day


def attach_errors(form: Any, error: ValidationError) -> None:
    """Show a service's ``ValidationError`` on the form: beside its field, or above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class QuickSelect(forms.Select):
    """A single-choice <select> written in Python, the same HTML as Django's widget templates
    (which include a template per option, then one per option's attributes: a filter listing
    2,000 organizations spent ~2 s per page there). Option groups are kept."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        chosen = {str(v) for v in self.format_value(value)}
        attributes = {**self.build_attrs(self.attrs, attrs), "name": name}
        parts: list[str] = [format_html("<select{}>", flatatt(attributes))]
        for option_value, label in self.choices:
            if isinstance(label, list | tuple):  # an option group
                parts.append(format_html('<optgroup label="{}">', option_value))
                parts += [_option(v, sub, chosen) for v, sub in label]
                parts.append("</optgroup>")
            else:
                parts.append(_option(option_value, label, chosen))
        parts.append("</select>")
        return mark_safe("\n".join(parts))  # noqa: S308 (every part built by format_html)


def _option(value: Any, label: Any, chosen: set[str]) -> str:
    value = "" if value is None else str(value)
    selected = mark_safe(" selected") if value in chosen else ""
    return format_html('<option value="{}"{}>{}</option>', value, selected, label)


# Headings of the translated fields on the translations page (the models' own names otherwise).
FIELD_HEADINGS = {"short_name": _("Short name"), "name": _("Full name"), "title": _("Title")}


class TranslationsForm(forms.Form):
    """One field per official language for each translated field of ``obj`` (core/i18n.py).

    English is required (it is the fallback); a blank language falls back to English. Each input
    says its language (``lang``, and ``dir`` for Arabic) so that it is typed and read right.
    """

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, obj: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = dict(settings.LANGUAGES)
        self.groups: list[tuple[str, list[forms.BoundField]]] = []
        for field in translated_fields(type(obj)):
            model_field = obj._meta.get_field(field)
            columns = []
            for language in CONTENT_LANGUAGES:
                name = column(field, language)
                self.fields[name] = forms.CharField(
                    label=names[language],
                    required=language == FALLBACK,
                    max_length=model_field.max_length,
                    initial=stored_value(obj, field, language),
                    widget=forms.TextInput(
                        attrs={"lang": language, "dir": "rtl" if language == "ar" else "ltr"}
                    ),
                )
                columns.append(name)
            heading = FIELD_HEADINGS.get(field, model_field.verbose_name)
            self.groups.append((str(heading), [self[name] for name in columns]))
        self.fields["version"].initial = getattr(obj, "version", None)

    def values(self) -> dict[str, str]:
        return {key: value for key, value in self.cleaned_data.items() if key != "version"}


def run_service(request: Any, form: Any, call: Any, success: str) -> bool:
    """Run a service with a valid form, from a page that only takes POST: its refusal, or the
    form's errors, are shown as messages on the page it redirects to. True on success."""
    from django.contrib import messages

    from interlock.registry.services import ConflictError

    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
        return False
    try:
        call(form.cleaned_data)
    except (ValidationError, ConflictError) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
        return False
    messages.success(request, success)
    return True
