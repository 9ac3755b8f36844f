"""QuickSelect writes the same <select> as Django's widget templates."""

from __future__ import annotations

import pytest
from django import forms
from django.test.html import parse_html

from interlock.core.forms import QuickSelect

CHOICES = [
    ("", "Any owner"),
    ("AU", "African Union"),
    ("EU", 'European <Union> & "Co"'),
    ("Groups", [("G1", "Group one"), ("G2", "Group two")]),
]


def _form(widget: type[forms.Select], data: dict[str, str] | None) -> forms.Form:
    class Filter(forms.Form):
        owner = forms.ChoiceField(required=False, choices=CHOICES, widget=widget)
        kind = forms.ChoiceField(choices=CHOICES[:3], widget=widget(attrs={"disabled": True}))

    return Filter(data)


@pytest.mark.parametrize("data", [None, {"owner": "EU"}, {"owner": "G2", "kind": "AU"}])
def test_the_html_is_django_s(data: dict[str, str] | None) -> None:
    for name in ("owner", "kind"):
        quick = str(_form(QuickSelect, data)[name])
        django = str(_form(forms.Select, data)[name])
        assert parse_html(quick) == parse_html(django), (quick, django)
