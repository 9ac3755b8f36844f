"""Writes of agreements: recorded by the secretariat, each step audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interlock.agreements.models import Agreement, AgreementKind, Coverage
from interlock.core.access import require
from interlock.core.services import audit_record
from interlock.documents.access import readable_documents
from interlock.documents.models import Document, Topic
from interlock.domain.permissions import Action
from interlock.registry.models import Organization

LEVELS = ("partnership", "restricted")


def _date_problems(
    *, signed_on: dt.date | None, in_force_from: dt.datetime | None, expires_at: dt.datetime | None
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if expires_at is not None and in_force_from is None:
        problems["expires_at"] = _("An agreement expires only after it enters into force.")
    if expires_at is not None and in_force_from is not None and expires_at <= in_force_from:
        problems["expires_at"] = _("The agreement must expire after it enters into force.")
    if signed_on is not None and in_force_from is not None and in_force_from.date() < signed_on:
        problems["in_force_from"] = _("An agreement enters into force on or after its signature.")
    return problems


def agreement_problems(
    *,
    actor: Any,
    title: str | None = None,
    party_a: Organization | None = None,
    party_b: Organization | None = None,
    signed_on: dt.date | None = None,
    in_force_from: dt.datetime | None = None,
    expires_at: dt.datetime | None = None,
    coverage: Mapping[Topic, str] | None = None,
    text: Document | None = None,
) -> dict[str, str]:
    """Every reason, by field, not to record this agreement; values not given are not judged
    (a form can ask for the reasons while some of its fields are still invalid)."""
    problems: dict[str, str] = {}
    if party_a is not None and party_b is not None and party_a.pk == party_b.pk:
        problems["party_b"] = _("An agreement needs two different parties.")
    if title is not None and not title.strip():
        problems["title"] = _("Give the agreement a title.")
    problems |= _date_problems(
        signed_on=signed_on, in_force_from=in_force_from, expires_at=expires_at
    )
    if (
        text is not None
        and not readable_documents(actor, at=timezone.now()).filter(pk=text.pk).exists()
    ):
        # The same words as for a document that does not exist: nothing about it is revealed.
        problems["text"] = _("Choose a document you may read from the search results.")
    elif (
        text is not None
        and party_a is not None
        and party_b is not None
        and text.owner_id not in (party_a.pk, party_b.pk)
    ):
        problems["text"] = _("The agreement's text must be a document of one of the parties.")
    if any(level not in LEVELS for level in (coverage or {}).values()):
        problems["coverage"] = _("Coverage goes up to partnership or restricted.")
    return problems


def agreement_create(
    *,
    actor: Any,
    title: str,
    kind: AgreementKind,
    party_a: Organization,
    party_b: Organization,
    signed_on: dt.date | None = None,
    in_force_from: dt.datetime | None = None,
    expires_at: dt.datetime | None = None,
    coverage: Mapping[Topic, str] | None = None,
    covers_expertise: bool = False,
    covers_resources: bool = False,
    text: Document | None = None,
    note: str = "",
) -> Agreement:
    require(actor, Action.MANAGE_AGREEMENTS)
    problems = agreement_problems(
        actor=actor,
        title=title,
        party_a=party_a,
        party_b=party_b,
        signed_on=signed_on,
        in_force_from=in_force_from,
        expires_at=expires_at,
        coverage=coverage,
        text=text,
    )
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():  # the agreement, what it covers and its audit event together
        agreement = Agreement.objects.create(
            title=title.strip(),
            kind=kind,
            party_a=party_a,
            party_b=party_b,
            signed_on=signed_on,
            in_force_from=in_force_from,
            expires_at=expires_at,
            covers_expertise=covers_expertise,
            covers_resources=covers_resources,
            text=text,
            note=note,
        )
        Coverage.objects.bulk_create(
            Coverage(agreement=agreement, topic=topic, up_to=level)
            for topic, level in (coverage or {}).items()
        )
        audit_record(
            actor=actor,
            action="agreement.create",
            target=agreement,
            changes={
                "parties": [None, f"{party_a.acronym}–{party_b.acronym}"],
                "coverage": [None, {t.key: level for t, level in (coverage or {}).items()}],
            },
        )
    return agreement


def _step(actor: Any, agreement: Agreement, action: str, **values: Any) -> Agreement:
    require(actor, Action.MANAGE_AGREEMENTS)
    with transaction.atomic():
        # Optimistic lock: a step taken on a stale copy is refused rather than overwriting another.
        updated = Agreement.objects.filter(pk=agreement.pk, version=agreement.version).update(
            **values, version=agreement.version + 1
        )
        if not updated:
            raise ValidationError(
                _("Someone else changed this agreement meanwhile. Reload and retry.")
            )
        audit_record(
            actor=actor,
            action=action,
            target=agreement,
            changes={
                key: [str(getattr(agreement, key)), str(value)] for key, value in values.items()
            },
        )
    agreement.refresh_from_db()
    return agreement


def agreement_sign(*, actor: Any, agreement: Agreement, signed_on: dt.date) -> Agreement:
    if agreement.signed_on is not None:
        raise ValidationError(_("The agreement is already signed."))
    return _step(actor, agreement, "agreement.sign", signed_on=signed_on)


def agreement_enter_into_force(
    *, actor: Any, agreement: Agreement, at: dt.datetime, expires_at: dt.datetime | None = None
) -> Agreement:
    if agreement.in_force_from is not None:
        raise ValidationError(_("The agreement is already in force."))
    problems = _date_problems(
        signed_on=agreement.signed_on,
        in_force_from=at,
        expires_at=expires_at or agreement.expires_at,
    )
    if problems:
        raise ValidationError(problems)
    values: dict[str, Any] = {"in_force_from": at}
    if expires_at is not None:
        values["expires_at"] = expires_at
    return _step(actor, agreement, "agreement.enter_into_force", **values)


def agreement_terminate(*, actor: Any, agreement: Agreement, at: dt.datetime) -> Agreement:
    """End the agreement at the instant ``at``: from then on it opens nothing."""
    if agreement.in_force_from is None:
        raise ValidationError(_("An agreement that never entered into force cannot be terminated."))
    if agreement.terminated_at is not None:
        raise ValidationError(_("The agreement is already terminated."))
    if at < agreement.in_force_from:
        raise ValidationError({"at": _("Termination cannot precede entry into force.")})
    return _step(actor, agreement, "agreement.terminate", terminated_at=at)
