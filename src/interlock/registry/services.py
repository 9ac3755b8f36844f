"""Writes of the registry. Each goes through one function that validates, writes and audits."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from interlock.core.access import require
from interlock.core.i18n import CONTENT_LANGUAGES, FALLBACK, column, translated_fields
from interlock.core.models import Source
from interlock.core.services import audit_record, changes_between
from interlock.domain.permissions import Action, Role
from interlock.registry.models import (
    PARTICIPANT_KINDS,
    CharterBasis,
    LiaisonAppointment,
    Organization,
)


class ConflictError(Exception):
    """Someone else changed the record since it was read; nothing was written."""


def liaison_appoint(
    *,
    actor: Any,
    organization: Organization,
    person_name: str,
    title: str = "",
    started_on: dt.date,
    user: Any | None = None,
    replace_current: bool = False,
) -> LiaisonAppointment:
    """Appoint the organization's liaison official (¶7d).

    An organization has one liaison official at a time. With ``replace_current`` the current
    official's appointment ends the day the new one starts; without it, a second official is
    refused with a ``ValidationError`` and nothing changes.
    """
    require(actor, Action.APPOINT_LIAISON, organization_id=organization.pk)
    return _appoint(
        actor=actor,
        organization=organization,
        person_name=person_name,
        title=title,
        started_on=started_on,
        user=user,
        replace_current=replace_current,
    )


def _appoint(
    *,
    actor: Any,
    organization: Organization,
    person_name: str,
    title: str,
    started_on: dt.date,
    user: Any | None,
    replace_current: bool,
) -> LiaisonAppointment:
    person_name = person_name.strip()
    if not person_name:
        raise ValidationError({"person_name": _("Name the liaison official.")})
    if user is not None and user.organization_id != organization.pk:
        raise ValidationError({"user": _("The liaison official must belong to the organization.")})
    # Atomic because ending the current appointment and starting the next are one handover:
    # a failure of the second must not leave the organization without its official.
    with transaction.atomic():
        current = (
            LiaisonAppointment.objects.select_for_update()
            .filter(organization=organization, ended_on__isnull=True)
            .first()
        )
        if current is not None:
            if not replace_current:
                raise ValidationError(
                    _(
                        "%(organization)s already has a liaison official (%(name)s). "
                        "End that appointment or replace it."
                    )
                    % {"organization": organization.short_name, "name": current.person_name}
                )
            if started_on < current.started_on:
                raise ValidationError(
                    {"started_on": _("The new appointment cannot start before the current one.")}
                )
            current.ended_on = started_on
            current.save(update_fields=["ended_on"])
            audit_record(
                actor=actor,
                action="liaison.end",
                target=current,
                changes={"ended_on": [None, started_on.isoformat()]},
                organization=organization,
            )
            _role_follows_the_post(actor=actor, user=current.user)
        try:
            with transaction.atomic():
                appointment = LiaisonAppointment.objects.create(
                    organization=organization,
                    person_name=person_name,
                    title=title.strip(),
                    user=user,
                    started_on=started_on,
                )
        except IntegrityError:
            # Two secretariat officials appointing at the same instant: the constraint decides.
            raise ValidationError(
                _("%(organization)s already has a liaison official.")
                % {"organization": organization.short_name}
            ) from None
        audit_record(
            actor=actor,
            action="liaison.appoint",
            target=appointment,
            changes={
                "person_name": [None, person_name],
                "started_on": [None, started_on.isoformat()],
            },
            organization=organization,
        )
        _role_follows_the_post(actor=actor, user=user)
    return appointment


# Whoever holds the post holds the role: the account of the official appointed becomes a liaison
# official's, and an official's account whose post ends goes back to an organization member's.
# The secretariat keeps its own role (it already may do all a liaison official may).
_ROLES_THAT_FOLLOW_THE_POST = (Role.MEMBER, Role.OBSERVER, Role.LIAISON_OFFICIAL)


def _role_follows_the_post(*, actor: Any, user: Any | None) -> None:
    if user is None or user.role not in _ROLES_THAT_FOLLOW_THE_POST:
        return
    holds = LiaisonAppointment.objects.filter(user=user, ended_on__isnull=True).exists()
    role = Role.LIAISON_OFFICIAL if holds else Role.MEMBER
    if user.role == role:
        return
    before, user.role = user.role, role.value
    user.save(update_fields=["role"])
    audit_record(
        actor=actor,
        action="user.role",
        target=user,
        changes={"role": [before, role.value]},
        organization=user.organization,
    )


def require_the_holder(actor: Any, appointment: LiaisonAppointment) -> None:
    """The post's own business is done by the secretariat or by the official who holds it."""
    require(actor, Action.HOLD_LIAISON_POST, organization_id=appointment.organization_id)
    if actor.role != Role.SECRETARIAT and appointment.user_id != actor.pk:
        raise PermissionDenied(_("Only the official who holds the post, or the secretariat, may."))


def liaison_hand_over(
    *,
    actor: Any,
    appointment: LiaisonAppointment,
    successor: Any,
    person_name: str,
    title: str = "",
    started_on: dt.date,
) -> LiaisonAppointment:
    """Hand the post over to ``successor``, a user of the same organization: the current
    appointment ends the day the successor's starts, and the roles follow the post."""
    require_the_holder(actor, appointment)
    organization = appointment.organization
    if appointment.ended_on is not None:
        raise ValidationError(_("This appointment has already ended."))
    if successor.organization_id != organization.pk:
        raise ValidationError(
            {
                "successor": _(
                    "The successor must be a user of this organization (%(organization)s); "
                    "%(user)s belongs to another organization."
                )
                % {"organization": organization.short_name, "user": successor.get_username()}
            }
        )
    if not successor.is_active or successor.pk == appointment.user_id:
        raise ValidationError(
            {"successor": _("Choose another active user of the organization as the successor.")}
        )
    return _appoint(
        actor=actor,
        organization=organization,
        person_name=person_name,
        title=title,
        started_on=started_on,
        user=successor,
        replace_current=True,
    )


def liaison_end(*, actor: Any, appointment: LiaisonAppointment, ended_on: dt.date) -> None:
    """End the appointment: by the secretariat, or by the official who holds it."""
    require_the_holder(actor, appointment)
    if appointment.ended_on is not None:
        raise ValidationError(_("This appointment has already ended."))
    if ended_on < appointment.started_on:
        raise ValidationError({"ended_on": _("An appointment cannot end before it starts.")})
    with transaction.atomic():
        updated = LiaisonAppointment.objects.filter(
            pk=appointment.pk, ended_on__isnull=True
        ).update(ended_on=ended_on)
        if not updated:
            raise ConflictError(_("This appointment was ended by someone else meanwhile."))
        appointment.ended_on = ended_on
        audit_record(
            actor=actor,
            action="liaison.end",
            target=appointment,
            changes={"ended_on": [None, ended_on.isoformat()]},
            organization=appointment.organization,
        )
        _role_follows_the_post(actor=actor, user=appointment.user)


_STALE_PROFILE = _lazy(
    "Someone else changed this profile while you were editing it. Reload and retry."
)
PROFILE_FIELDS = ("headquarters_city", "website", "head_title", "head_name")


def organization_update_profile(
    *, actor: Any, organization: Organization, expected_version: int, **values: str
) -> Organization:
    """Update the organization's profile, refusing with ``ConflictError`` if someone else saved
    it after ``expected_version`` was read (optimistic locking: no update is ever lost)."""
    require(actor, Action.EDIT_ORGANIZATION_PROFILE, organization_id=organization.pk)
    unknown = set(values) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {sorted(unknown)}")
    if organization.version != expected_version:
        raise ConflictError(_STALE_PROFILE)
    website = values.get("website", "").strip()
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError:
            raise ValidationError(
                {"website": _("Enter the website's full address, beginning with https://.")}
            ) from None
    before = {field: getattr(organization, field) for field in PROFILE_FIELDS}
    after = {**before, **{key: value.strip() for key, value in values.items()}}
    changes = changes_between(before, after)
    if not changes:
        return organization
    with transaction.atomic():
        updated = Organization.objects.filter(pk=organization.pk, version=expected_version).update(
            **after, version=expected_version + 1
        )
        if not updated:
            raise ConflictError(_STALE_PROFILE)
        audit_record(
            actor=actor,
            action="organization.update",
            target=organization,
            changes=changes,
            organization=organization,
        )
    organization.refresh_from_db()
    return organization


def organization_translate(
    *, actor: Any, organization: Organization, expected_version: int, values: dict[str, str]
) -> Organization:
    """Set the organization's names in the official languages (columns such as ``name_ar``).

    English is required; a blank language falls back to English. Refused with ``ConflictError``
    when someone else saved the organization after ``expected_version`` was read.
    """
    require(actor, Action.MANAGE_REGISTRY)
    allowed = {
        column(f, lang) for f in translated_fields(Organization) for lang in CONTENT_LANGUAGES
    }
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"not translated fields: {sorted(unknown)}")
    after = {key: value.strip() for key, value in values.items()}
    if any(not after.get(column(f, FALLBACK), "x") for f in translated_fields(Organization)):
        raise ValidationError(
            _("The English name is required: it is shown where a language has none.")
        )
    before = {key: getattr(organization, key) or "" for key in after}
    changes = changes_between(before, after)
    if not changes:
        return organization
    # Atomic: the version check, the write and its audit record stand or fall together.
    with transaction.atomic():
        updated = Organization.objects.filter(pk=organization.pk, version=expected_version).update(
            **after, version=expected_version + 1
        )
        if not updated:
            raise ConflictError(
                _(
                    "Someone else changed this organization while you were editing it. Reload and retry."
                )
            )
        audit_record(
            actor=actor,
            action="organization.translate",
            target=organization,
            changes=changes,
            organization=organization,
        )
    organization.refresh_from_db()
    return organization


# Paths under /organizations/ that are pages, not acronyms.
RESERVED_ACRONYMS = frozenset({"new"})


def organization_create(
    *,
    actor: Any,
    acronym: str,
    name_en: str,
    short_name_en: str,
    kind: str,
    source_title: str,
    source_url: str = "",
    source_locator: str = "",
    headquarters_city: str = "",
    website: str = "",
) -> Organization:
    """Add a participating organization, its kind cited to the source given. Its Charter basis is
    "not declared" until a source stating one is recorded (never inferred from the kind)."""
    require(actor, Action.MANAGE_REGISTRY)
    acronym = acronym.strip()
    errors: dict[str, str] = {}
    if acronym.lower() in RESERVED_ACRONYMS or not acronym:
        errors["acronym"] = _("Choose another acronym.")
    elif Organization.objects.filter(acronym__iexact=acronym).exists():
        errors["acronym"] = _("An organization with this acronym is already registered.")
    if kind not in PARTICIPANT_KINDS:
        errors["kind"] = _("A new participant is a regional, subregional or other organization.")
    if not source_title.strip():
        errors["source_title"] = _("Cite the source that names the organization and its kind.")
    if errors:
        raise ValidationError(errors)
    # Atomic because the source, the organization and the audit event stand or fall together.
    with transaction.atomic():
        key = f"{slugify(acronym)}-registration"
        while Source.objects.filter(key=key).exists():
            key += "-1"
        source = Source.objects.create(
            key=key,
            title=source_title.strip()[:300],
            url=source_url.strip(),
            locator=source_locator.strip()[:120],
        )
        organization = Organization.objects.create(
            acronym=acronym,
            name_en=name_en.strip(),
            name_fr=name_en.strip(),
            short_name_en=short_name_en.strip() or acronym,
            short_name_fr=short_name_en.strip() or acronym,
            kind=kind,
            kind_source=source,
            charter_basis=CharterBasis.NOT_DECLARED,
            headquarters_city=headquarters_city.strip(),
            website=website.strip(),
        )
        audit_record(
            actor=actor,
            action="organization.create",
            target=organization,
            changes={"acronym": [None, acronym], "kind": [None, kind], "source": [None, key]},
            organization=organization,
        )
    return organization
