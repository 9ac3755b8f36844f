"""Writes of the liaison network: an official's own contact details. (Appointing, handing over
and ending the post are the registry's: ``registry.services``.)"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from interlock.core.services import audit_record, changes_between
from interlock.liaison.models import OFFICIAL_LANGUAGES, LiaisonContact
from interlock.registry.models import LiaisonAppointment
from interlock.registry.services import ConflictError, require_the_holder

CONTACT_FIELDS = ("email", "telephone", "working_languages")


def clean_telephone(raw: str) -> str:
    """The number in E.164 form (``+3225550123``), or ``ValidationError`` saying what to type."""
    raw = raw.strip()
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(raw, None)  # no default region: the country code is required
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            {
                "telephone": _(
                    "Enter the telephone number in international form: + and the country code, "
                    "then the number (for example +32 2 555 01 23)."
                )
            }
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def clean_email(raw: str) -> str:
    email = raw.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                {"email": _("Enter an e-mail address such as name@example.org.")}
            ) from None
    return email


def clean_languages(codes: Iterable[str]) -> str:
    chosen = set(codes)
    unknown = chosen - set(OFFICIAL_LANGUAGES)
    if unknown:
        raise ValidationError(
            {
                "working_languages": _(
                    "Working languages are among the six official languages; %(codes)s is not."
                )
                % {"codes": ", ".join(sorted(unknown))}
            }
        )
    return " ".join(code for code in OFFICIAL_LANGUAGES if code in chosen)


def contact_of(appointment: LiaisonAppointment) -> LiaisonContact:
    """The appointment's contact details; unsaved and empty (version 1) before the first edit."""
    try:
        return appointment.contact  # type: ignore[attr-defined,no-any-return]  # reverse one-to-one
    except LiaisonContact.DoesNotExist:
        return LiaisonContact(appointment=appointment)


def liaison_contact_update(
    *,
    actor: Any,
    appointment: LiaisonAppointment,
    expected_version: int,
    email: str,
    telephone: str,
    working_languages: Iterable[str],
) -> LiaisonContact:
    """Update the official's contact details, by the official or the secretariat. Every value is
    checked before anything is written; a stale ``expected_version`` raises ``ConflictError``."""
    require_the_holder(actor, appointment)
    if appointment.ended_on is not None:
        raise ValidationError(_("This appointment has ended: its contacts are kept as they were."))
    errors: dict[str, list[str]] = {}
    after: dict[str, str] = {}
    checks: tuple[tuple[str, Callable[[], str]], ...] = (
        ("email", lambda: clean_email(email)),
        ("telephone", lambda: clean_telephone(telephone)),
        ("working_languages", lambda: clean_languages(working_languages)),
    )
    for field, check in checks:
        try:
            after[field] = check()
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    # Atomic because the row is created on the first edit and then updated under the version
    # check: two first edits at once must not both win.
    with transaction.atomic():
        contact, _created = LiaisonContact.objects.select_for_update().get_or_create(
            appointment=appointment
        )
        if contact.version != expected_version:
            raise ConflictError(
                _("Someone else changed these contacts while you were editing them. Reload.")
            )
        before = {field: getattr(contact, field) for field in CONTACT_FIELDS}
        changes = changes_between(before, after)
        if not changes:
            return contact
        LiaisonContact.objects.filter(pk=contact.pk).update(**after, version=expected_version + 1)
        contact.refresh_from_db()
        audit_record(
            actor=actor,
            action="liaison.contact",
            target=appointment,
            changes=changes,
            organization=appointment.organization,
        )
    return contact
