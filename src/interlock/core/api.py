from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from interlock.core import selectors
from interlock.core.api_access import api_require, api_user
from interlock.core.models import AuditEvent
from interlock.core.paging import Paging
from interlock.core.references import NamedOnSlice, Reference
from interlock.domain.permissions import Action

router = Router(tags=["account and audit"])


class MeOut(Schema):
    authenticated: bool
    username: str | None
    organization: str | None
    role: str | None


@router.get("/me", response=MeOut, summary="Who the request acts as")
def me(request: HttpRequest) -> MeOut:
    user = api_user(request)
    if not getattr(user, "is_authenticated", False):
        return MeOut(authenticated=False, username=None, organization=None, role=None)
    return MeOut(
        authenticated=True,
        username=user.username,
        organization=user.organization.acronym,
        role=user.role,
    )


class ReferenceOut(Schema):
    """Another object, named through the reading policy: ``id`` and ``label`` only where the
    reader may read it; otherwise ``withheld`` and the kind ("a document (withheld)")."""

    type: str
    id: str | None
    label: str
    withheld: bool

    @staticmethod
    def of(reference: Reference | None) -> ReferenceOut | None:
        if reference is None:
            return None
        return ReferenceOut(
            type=reference.target_type,
            id=None if reference.withheld else reference.target_id,
            label=reference.label,
            withheld=reference.withheld,
        )


class AuditEventOut(Schema):
    at: dt.datetime
    actor: str
    organization: str | None
    action: str
    target_type: str
    target_id: str | None
    target: str
    target_withheld: bool
    changes: dict[str, object]

    @staticmethod
    def resolve_actor(event: AuditEvent) -> str:
        return event.actor_label

    @staticmethod
    def resolve_organization(event: AuditEvent) -> str | None:
        return event.organization.acronym if event.organization else None

    @staticmethod
    def resolve_target_id(event: AuditEvent) -> str | None:
        return None if event.reference.withheld else event.target_id  # type: ignore[attr-defined]

    @staticmethod
    def resolve_target(event: AuditEvent) -> str:
        return str(event.reference)  # type: ignore[attr-defined]  # set by audit_events_named

    @staticmethod
    def resolve_target_withheld(event: AuditEvent) -> bool:
        return bool(event.reference.withheld)  # type: ignore[attr-defined]

    @staticmethod
    def resolve_changes(event: AuditEvent) -> dict[str, object]:
        return dict(event.shown_changes)  # type: ignore[attr-defined]


@router.get("/audit", response=list[AuditEventOut], summary="The audit trail (secretariat only)")
@paginate(Paging)
def audit_events(request: HttpRequest, action: str = "", q: str = "") -> object:
    """A target its reader may not read is named only by its kind ("a document (withheld)"), and
    ``q`` never matches its label."""
    api_require(request, Action.VIEW_AUDIT)
    reader = api_user(request)
    events = selectors.audit_event_list(reader=reader, action=action[:80], query=q[:200])
    return NamedOnSlice(
        events, lambda page: selectors.audit_events_named(reader=reader, events=page)
    )
