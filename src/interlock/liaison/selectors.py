"""Reads of the liaison network."""

from __future__ import annotations

from django.db.models import QuerySet

from interlock.accounts.models import User
from interlock.registry.models import LiaisonAppointment, Organization


def directory() -> QuerySet[LiaisonAppointment]:
    """The liaison officials in post, one per organization, with their contacts: one query."""
    return (
        LiaisonAppointment.objects.filter(ended_on__isnull=True)
        .select_related("organization", "contact")
        .order_by("organization__short_name_en")
    )


def current_appointment(*, organization: Organization) -> LiaisonAppointment | None:
    return (
        LiaisonAppointment.objects.filter(organization=organization, ended_on__isnull=True)
        .select_related("organization", "contact", "user")
        .first()
    )


def successor_choices(
    *, organization: Organization, current: LiaisonAppointment | None
) -> QuerySet[User]:
    """Who may take the post over: the organization's other active accounts."""
    users = User.objects.filter(organization=organization, is_active=True)
    if current is not None and current.user_id is not None:
        users = users.exclude(pk=current.user_id)
    return users.order_by("username")
