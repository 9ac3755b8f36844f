from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ProfileForm(forms.Form):
    """The organization's profile (registry.services.PROFILE_FIELDS), with the version read."""

    prefix = "profile"  # the office shows every form on one page: ids stay unique

    headquarters_city = forms.CharField(max_length=100, required=False, label=_("Headquarters"))
    website = forms.URLField(max_length=200, required=False, label=_("Website"))
    head_title = forms.CharField(
        max_length=120, required=False, label=_("Title of the head of organization")
    )
    head_name = forms.CharField(
        max_length=120, required=False, label=_("Name of the head of organization")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ContactForm(forms.Form):
    prefix = "contact"  # the office shows every form on one page: ids stay unique
    # Plain text fields: the service checks them and says what is wrong, in one place.
    email = forms.CharField(max_length=254, required=False, label=_("E-mail"))
    telephone = forms.CharField(
        max_length=40,
        required=False,
        label=_("Telephone"),
        help_text=_("International form: + and the country code, then the number"),
    )
    working_languages = forms.MultipleChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        label=_("Working languages"),
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class HandOverForm(forms.Form):
    prefix = "handover"  # the office shows every form on one page: ids stay unique
    successor = forms.IntegerField(label=_("Successor (an account of the organization)"))
    person_name = forms.CharField(max_length=160, label=_("Successor's name"))
    title = forms.CharField(max_length=160, required=False, label=_("Title"))
    started_on = forms.DateField(
        label=_("Takes the post on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: object, successors: list[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # A list to choose from; any id is still checked by the service (organization, activity).
        self.fields["successor"].widget = forms.Select(choices=[("", "—"), *successors])


class EndForm(forms.Form):
    prefix = "end"  # the office shows every form on one page: ids stay unique
    ended_on = forms.DateField(
        label=_("The post ends on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
