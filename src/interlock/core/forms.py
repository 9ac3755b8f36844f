from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
