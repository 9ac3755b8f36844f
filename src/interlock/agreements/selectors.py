from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from interlock.agreements.models import Agreement, Coverage
from interlock.core import references


class Status(StrEnum):
    NEGOTIATION = "negotiation"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    TERMINATED = "terminated"


def status_of(agreement: Agreement, at: dt.datetime) -> Status:
    """The lifecycle stage at an instant, derived from the dates (never stored, never stale)."""
    if agreement.terminated_at is not None and agreement.terminated_at <= at:
        return Status.TERMINATED
    if agreement.expires_at is not None and agreement.expires_at <= at:
        return Status.EXPIRED
    if agreement.in_force_from is not None and agreement.in_force_from <= at:
        return Status.IN_FORCE
    if agreement.signed_on is not None:
        return Status.SIGNED
    return Status.NEGOTIATION


def agreement_list(*, organization_id: int | None = None) -> QuerySet[Agreement]:
    agreements = Agreement.objects.select_related("kind", "party_a", "party_b").prefetch_related(
        Prefetch(
            "coverage", queryset=Coverage.objects.select_related("topic").order_by("topic__name_en")
        )
    )
    if organization_id is not None:
        agreements = agreements.filter(
            Q(party_a_id=organization_id) | Q(party_b_id=organization_id)
        )
    return agreements.order_by("title", "pk")


def agreement_rows(
    *, reader: Any, organization_id: int | None = None, at: dt.datetime
) -> list[tuple[Agreement, Status]]:
    """The agreements with their status at ``at``, each with ``text_reference``: its text named
    through the reading policy (one more query for the whole list)."""
    agreements = list(agreement_list(organization_id=organization_id))
    references.attach_foreign(reader, agreements, "text", at=at)
    return [(agreement, status_of(agreement, at)) for agreement in agreements]


def agreement_get(*, pk: int) -> Agreement:
    return agreement_list().get(pk=pk)
