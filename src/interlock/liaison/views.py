"""The liaison official's office (their organization's profile, their contacts, the post) and the
directory of officials. Thin: parse a form, call a service, render; a refusal re-renders the page
with the reason beside the field, and nothing is changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interlock.accounts.models import User
from interlock.core.access import require
from interlock.core.csv_files import csv_response
from interlock.core.forms import attach_errors
from interlock.domain.permissions import Action
from interlock.liaison import selectors
from interlock.liaison.forms import ContactForm, EndForm, HandOverForm, ProfileForm
from interlock.liaison.services import contact_of, liaison_contact_update
from interlock.liaison.vcard import Card, cards
from interlock.registry import services as registry_services
from interlock.registry.models import LiaisonAppointment, Organization
from interlock.registry.services import PROFILE_FIELDS, ConflictError


def _organization(acronym: str) -> Organization:
    organization = Organization.objects.filter(acronym=acronym).first()
    if organization is None:
        raise Http404(_("No organization with this acronym."))
    return organization


def _office(request: HttpRequest, organization: Organization, **bound: forms.Form) -> HttpResponse:
    current = selectors.current_appointment(organization=organization)
    contact = contact_of(current) if current is not None else None
    successors = [
        (u.pk, u.get_username())
        for u in selectors.successor_choices(organization=organization, current=current)
    ]
    context = {
        "organization": organization,
        "current": current,
        "contact": contact,
        "profile_form": bound.get("profile")
        or ProfileForm(
            initial={
                **{field: getattr(organization, field) for field in PROFILE_FIELDS},
                "version": organization.version,
            }
        ),
        "contact_form": bound.get("contact")
        or (
            ContactForm(
                initial={
                    "email": contact.email,
                    "telephone": contact.telephone,
                    "working_languages": contact.languages,
                    "version": contact.version,
                }
            )
            if contact is not None
            else None
        ),
        "hand_over_form": bound.get("hand_over") or HandOverForm(successors=successors),
        "end_form": bound.get("end") or EndForm(),
    }
    return render(request, "liaison/office.html", context)


@login_required
def office(request: HttpRequest, acronym: str) -> HttpResponse:
    organization = _organization(acronym)
    require(request.user, Action.HOLD_LIAISON_POST, organization_id=organization.pk)
    return _office(request, organization)


def _submit(
    request: HttpRequest,
    organization: Organization,
    name: str,
    form: forms.Form,
    write: Callable[[dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """Validate ``form``, call ``write`` with its data; on success go back to the office with
    ``done``; on a refusal show the office again with the reason, nothing changed."""
    if form.is_valid():
        try:
            write(form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        except ConflictError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, done)
            return redirect("liaison:office", acronym=organization.acronym)
    messages.error(request, _("Nothing was changed: see the reason below."))
    return _office(request, organization, **{name: form})


@login_required
@require_POST
def office_profile(request: HttpRequest, acronym: str) -> HttpResponse:
    organization = _organization(acronym)
    require(request.user, Action.EDIT_ORGANIZATION_PROFILE, organization_id=organization.pk)

    def write(data: dict[str, Any]) -> object:
        return registry_services.organization_update_profile(
            actor=request.user,
            organization=organization,
            expected_version=data["version"],
            **{field: data[field] for field in PROFILE_FIELDS},
        )

    return _submit(
        request, organization, "profile", ProfileForm(request.POST), write,
        _("The profile is saved."),
    )  # fmt: skip


def _current_or_404(organization: Organization) -> LiaisonAppointment:
    current = selectors.current_appointment(organization=organization)
    if current is None:
        raise Http404(_("This organization has no liaison official in post."))
    return current


@login_required
@require_POST
def office_contact(request: HttpRequest, acronym: str) -> HttpResponse:
    organization = _organization(acronym)
    require(request.user, Action.HOLD_LIAISON_POST, organization_id=organization.pk)
    current = _current_or_404(organization)

    def write(data: dict[str, Any]) -> object:
        return liaison_contact_update(
            actor=request.user,
            appointment=current,
            expected_version=data["version"],
            email=data["email"],
            telephone=data["telephone"],
            working_languages=data["working_languages"],
        )

    return _submit(
        request, organization, "contact", ContactForm(request.POST), write,
        _("Your contact details are saved."),
    )  # fmt: skip


@login_required
@require_POST
def office_hand_over(request: HttpRequest, acronym: str) -> HttpResponse:
    organization = _organization(acronym)
    require(request.user, Action.HOLD_LIAISON_POST, organization_id=organization.pk)
    current = _current_or_404(organization)
    successors = selectors.successor_choices(organization=organization, current=current)
    form = HandOverForm(request.POST, successors=[(u.pk, u.get_username()) for u in successors])

    def write(data: dict[str, Any]) -> object:
        successor = User.objects.filter(pk=data["successor"]).first()
        if successor is None:
            raise ValidationError({"successor": _("No such account.")})
        return registry_services.liaison_hand_over(
            actor=request.user,
            appointment=current,
            successor=successor,
            person_name=data["person_name"],
            title=data["title"],
            started_on=data["started_on"],
        )

    response = _submit(
        request, organization, "hand_over", form, write, _("The post is handed over.")
    )
    return _leave_if_no_longer_holding(request, organization, response)


@login_required
@require_POST
def office_end(request: HttpRequest, acronym: str) -> HttpResponse:
    organization = _organization(acronym)
    require(request.user, Action.HOLD_LIAISON_POST, organization_id=organization.pk)
    current = _current_or_404(organization)

    def write(data: dict[str, Any]) -> object:
        registry_services.liaison_end(
            actor=request.user, appointment=current, ended_on=data["ended_on"]
        )
        return None

    response = _submit(
        request, organization, "end", EndForm(request.POST), write, _("The post is ended.")
    )
    return _leave_if_no_longer_holding(request, organization, response)


def _leave_if_no_longer_holding(
    request: HttpRequest, organization: Organization, response: HttpResponse
) -> HttpResponse:
    """An official who handed the post over no longer has the office: show them the directory."""
    user: Any = request.user
    user.refresh_from_db(fields=["role"])
    if response.status_code == 302 and user.role not in ("secretariat", "liaison_official"):
        return redirect("liaison:directory")
    return response


def _cards() -> list[Card]:
    return [
        Card(
            key=str(a.pk),
            full_name=a.person_name,
            organization=a.organization.name,
            title=a.title,
            email=contact_of(a).email,
            telephone=contact_of(a).telephone,
            languages=tuple(contact_of(a).languages),
        )
        for a in selectors.directory()
    ]


@login_required
def directory(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_LIAISON_DIRECTORY)
    officials = [(a, contact_of(a)) for a in selectors.directory()]
    return render(request, "liaison/directory.html", {"officials": officials})


@login_required
def directory_vcard(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_LIAISON_DIRECTORY)
    response = HttpResponse(cards(_cards()), content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="interlock-liaison-officials.vcf"'
    return response


CSV_COLUMNS = {
    "organization": "#org+code",
    "organization_name": "#org+name",
    "name": "#contact+name",
    "title": "#contact+title",
    "email": "#contact+email",
    "telephone": "#contact+phone",
    "working_languages": "#meta+lang",
    "since": "#date+start",
}


@login_required
def directory_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The directory as CSV, cells neutralized; an HXL hashtag row follows the header when
    ``hxl=1``."""
    require(request.user, Action.VIEW_LIAISON_DIRECTORY)
    appointments = list(selectors.directory())

    def rows() -> Any:
        yield list(CSV_COLUMNS)
        if request.GET.get("hxl") == "1":
            yield list(CSV_COLUMNS.values())
        for a in appointments:
            contact = contact_of(a)
            yield [
                a.organization.acronym,
                a.organization.name,
                a.person_name,
                a.title,
                contact.email,
                contact.telephone,
                " ".join(contact.languages),
                a.started_on.isoformat(),
            ]

    return csv_response(rows(), filename="interlock-liaison-officials.csv")
