"""Writes of the registry. Each goes through one function that validates, writes and audits."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from interlock.core.access import require
from interlock.core.i18n import CONTENT_LANGUAGES, FALLBACK, column, translated_fields
from interlock.core.services import audit_record, changes_between
from interlock.domain.permissions import Action
from interlock.registry.models import LiaisonAppointment, Organization


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
    return appointment


def liaison_end(*, actor: Any, appointment: LiaisonAppointment, ended_on: dt.date) -> None:
    require(actor, Action.APPOINT_LIAISON, organization_id=appointment.organization_id)
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
            raise ConflictError(
                _("Someone else changed this profile while you were editing it. Reload and retry.")
            )
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
