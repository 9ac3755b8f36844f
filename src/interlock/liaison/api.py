"""The liaison network in the API: the directory, an organization's profile (PATCH with the
version read) and its official's contacts."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import Field, Path, Router, Schema
from ninja.errors import HttpError

from interlock.core.api_access import api_require, api_signed_in, api_user
from interlock.core.api_schema import VERSION_MAX, Who, callers, refused
from interlock.domain.permissions import Action
from interlock.liaison import selectors
from interlock.liaison.services import contact_of, liaison_contact_update
from interlock.registry.models import LiaisonAppointment, Organization
from interlock.registry.services import PROFILE_FIELDS, ConflictError, organization_update_profile

router = Router(tags=["liaison network"])


class OfficialOut(Schema):
    organization: str
    name: str
    title: str
    since: dt.date
    email: str
    telephone: str = Field(description="E.164, such as +3225550123; empty when not given")
    working_languages: list[str]
    contact_version: int = Field(description="Send it back with a PATCH of the contacts")


def _official(a: LiaisonAppointment) -> OfficialOut:
    contact = contact_of(a)
    return OfficialOut(
        organization=a.organization.acronym,
        name=a.person_name,
        title=a.title,
        since=a.started_on,
        email=contact.email,
        telephone=contact.telephone,
        working_languages=contact.languages,
        contact_version=contact.version,
    )


ACRONYM = Path(..., max_length=20)


def _organization(acronym: str) -> Organization:
    organization = Organization.objects.filter(acronym=acronym).first()
    if organization is None:
        raise HttpError(404, "No organization with this acronym.")
    return organization


@router.get(
    "/liaison-officials",
    response=list[OfficialOut],
    summary="Liaison officials in post",
    openapi_extra=callers(Who.SIGNED_IN),
)
def directory(request: HttpRequest) -> list[OfficialOut]:
    api_require(request, Action.VIEW_LIAISON_DIRECTORY)
    return [_official(a) for a in selectors.directory()]


@router.get(
    "/organizations/{acronym}/liaison-official",
    response=OfficialOut,
    summary="An organization's liaison official in post, with contacts",
    openapi_extra=callers(Who.SIGNED_IN),
)
def official(request: HttpRequest, acronym: str = ACRONYM) -> OfficialOut:
    api_require(request, Action.VIEW_LIAISON_DIRECTORY)
    current = selectors.current_appointment(organization=_organization(acronym))
    if current is None:
        raise HttpError(404, "This organization has no liaison official in post.")
    return _official(current)


class ContactIn(Schema):
    version: int = Field(..., ge=1, le=VERSION_MAX)
    email: str = Field("", max_length=254)
    telephone: str = Field("", max_length=40)
    working_languages: list[Literal["ar", "zh-hans", "en", "fr", "ru", "es"]] = Field(
        [], max_length=6, description="The official languages the official works in"
    )


@router.patch(
    "/organizations/{acronym}/liaison-official",
    response=OfficialOut,
    summary="Update the official's contacts (by the official or the secretariat)",
    openapi_extra=callers(
        Who.LIAISON_OFFICIAL,
        conflict=True,
        rules_beyond_schema=[
            "email: an e-mail address Django's validator accepts",
            "telephone: a valid number in international form (+ and the country code)",
        ],
    ),
)
def official_update(
    request: HttpRequest, payload: ContactIn, acronym: str = ACRONYM
) -> OfficialOut:
    api_signed_in(request)
    organization = _organization(acronym)
    api_require(request, Action.HOLD_LIAISON_POST, organization_id=organization.pk)
    current = selectors.current_appointment(organization=organization)
    if current is None:
        raise HttpError(404, "This organization has no liaison official in post.")
    try:
        liaison_contact_update(
            actor=api_user(request),
            appointment=current,
            expected_version=payload.version,
            email=payload.email,
            telephone=payload.telephone,
            working_languages=payload.working_languages,
        )
    except (ConflictError, PermissionDenied, ValidationError) as error:
        raise refused(error) from None
    refreshed = selectors.current_appointment(organization=organization)
    assert refreshed is not None
    return _official(refreshed)


class ProfileOut(Schema):
    acronym: str
    headquarters_city: str
    website: str
    head_title: str
    head_name: str
    version: int = Field(description="Send it back with a PATCH")


class ProfileIn(Schema):
    version: int = Field(..., ge=1, le=VERSION_MAX)
    headquarters_city: str | None = Field(None, max_length=100)
    website: str | None = Field(None, max_length=200)
    head_title: str | None = Field(None, max_length=120)
    head_name: str | None = Field(None, max_length=120)


@router.get(
    "/organizations/{acronym}/profile",
    response=ProfileOut,
    summary="The profile",
    openapi_extra=callers(Who.PUBLIC),
)
def profile(request: HttpRequest, acronym: str = ACRONYM) -> Organization:
    api_require(request, Action.VIEW_REGISTRY)
    return _organization(acronym)


@router.patch(
    "/organizations/{acronym}/profile",
    response=ProfileOut,
    summary="Update the profile; refused (409) when the version is not the one stored",
    openapi_extra=callers(
        Who.LIAISON_OFFICIAL,
        conflict=True,
        rules_beyond_schema=["website: a full http or https address (Django's URL validator)"],
    ),
)
def profile_update(
    request: HttpRequest, payload: ProfileIn, acronym: str = ACRONYM
) -> Organization:
    api_signed_in(request)
    organization = _organization(acronym)
    api_require(request, Action.EDIT_ORGANIZATION_PROFILE, organization_id=organization.pk)
    values = {
        field: value for field in PROFILE_FIELDS if (value := getattr(payload, field)) is not None
    }
    try:
        return organization_update_profile(
            actor=api_user(request),
            organization=organization,
            expected_version=payload.version,
            **values,
        )
    except (ConflictError, PermissionDenied, ValidationError) as error:
        raise refused(error) from None
