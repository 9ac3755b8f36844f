import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from interlock.core import selectors
from interlock.core.api_access import api_require, api_user
from interlock.core.models import AuditEvent
from interlock.core.paging import Paging
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


class AuditEventOut(Schema):
    at: dt.datetime
    actor: str
    organization: str | None
    action: str
    target_type: str
    target_id: str
    target: str
    changes: dict[str, object]

    @staticmethod
    def resolve_actor(event: AuditEvent) -> str:
        return event.actor_label

    @staticmethod
    def resolve_organization(event: AuditEvent) -> str | None:
        return event.organization.acronym if event.organization else None

    @staticmethod
    def resolve_target(event: AuditEvent) -> str:
        return event.target_label


@router.get("/audit", response=list[AuditEventOut], summary="The audit trail (secretariat only)")
@paginate(Paging)
def audit_events(request: HttpRequest, action: str = "") -> object:
    api_require(request, Action.VIEW_AUDIT)
    return selectors.audit_event_list(action=action[:80])
