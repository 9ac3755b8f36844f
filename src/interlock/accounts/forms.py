from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from interlock.accounts.models import TokenScope

LIFETIMES = (7, 30, 90, 180, 365)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        max_length=100, label=_("Token name"), help_text=_("What the token is for")
    )
    # Both have defaults (the configured lifetime; read only) for a client that leaves them out.
    days = forms.TypedChoiceField(
        coerce=int, empty_value=None, required=False, label=_("Valid for (days)")
    )
    scope = forms.ChoiceField(
        choices=TokenScope.choices,
        initial=TokenScope.READ,
        required=False,
        label=_("Access"),
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        most = settings.API_TOKEN_MAX_DAYS
        days = sorted({d for d in LIFETIMES if d <= most} | {settings.API_TOKEN_DAYS})
        self.fields["days"].choices = [(d, str(d)) for d in days]  # type: ignore[attr-defined]
        self.fields["days"].initial = settings.API_TOKEN_DAYS


class TwoFactorCodeForm(forms.Form):
    code = forms.CharField(
        max_length=32,
        label=_("Code"),
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )
