from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from interlock.core import selectors, services
from interlock.core.api_access import api_require, api_require_write, api_user
from interlock.core.api_schema import Who, callers
from interlock.core.models import AuditEvent, Notification
from interlock.core.paging import Paging
from interlock.core.references import NamedOnSlice, Reference
from interlock.domain.permissions import Action

router = Router(tags=["account and audit"])


class MeOut(Schema):
    authenticated: bool
    username: str | None
    organization: str | None
    role: str | None


@router.get(
    "/me", response=MeOut, summary="Who the request acts as", openapi_extra=callers(Who.PUBLIC)
)
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


@router.get(
    "/audit",
    response=list[AuditEventOut],
    summary="The audit trail (secretariat only)",
    openapi_extra=callers(Who.SECRETARIAT),
)
@paginate(Paging)
def audit_events(
    request: HttpRequest,
    action: str = Query("", max_length=80),
    q: str = Query("", max_length=200),
) -> object:
    """A target its reader may not read is named only by its kind ("a document (withheld)"), and
    ``q`` never matches its label."""
    api_require(request, Action.VIEW_AUDIT)
    reader = api_user(request)
    events = selectors.audit_event_list(reader=reader, action=action, query=q)
    return NamedOnSlice(
        events, lambda page: selectors.audit_events_named(reader=reader, events=page)
    )


# The reader's own inbox (core.models.Notification) ---------------------------------------------


# Named apart from situations' NotificationOut (Article 54): the schema's components are keyed
# by class name, and one would silently replace the other.
class InboxNotificationOut(Schema):
    """One notification. Its target is named through the reading policy: a target its reader may
    no longer read is named only by its kind ("a meeting's record (withheld)"), without a link."""

    id: int
    kind: str
    kind_label: str
    message: str = Field(description="The notification in words, in the reader's language")
    target: ReferenceOut
    link: str | None = Field(description="Where to read more; null while the target is withheld")
    created_at: dt.datetime
    read_at: dt.datetime | None

    @staticmethod
    def resolve_kind_label(n: Notification) -> str:
        return str(n.get_kind_display())

    @staticmethod
    def resolve_message(n: Notification) -> str:
        return selectors.notification_words(n.kind) % {"target": n.reference.label}  # type: ignore[attr-defined]  # set by notifications_named

    @staticmethod
    def resolve_target(n: Notification) -> ReferenceOut | None:
        return ReferenceOut.of(n.reference)  # type: ignore[attr-defined]

    @staticmethod
    def resolve_link(n: Notification) -> str | None:
        return None if n.reference.withheld or not n.link else n.link  # type: ignore[attr-defined]


class UnreadOut(Schema):
    unread: int


class MarkedOut(Schema):
    marked: int = Field(description="How many notifications were unread and are now read")


NOTIFICATION_ID = Path(..., ge=1, le=2**53)


@router.get(
    "/me/notifications",
    response=list[InboxNotificationOut],
    summary="Your notifications, newest first",
    openapi_extra=callers(Who.SIGNED_IN),
)
@paginate(Paging)
def notification_list(request: HttpRequest, unread: bool = False) -> object:
    """``unread=true``: only those not yet read."""
    api_require(request, Action.KEEP_OWN_INBOX)
    reader = api_user(request)
    notifications = selectors.notification_list(reader=reader)
    if unread:
        notifications = notifications.filter(read_at__isnull=True)
    return NamedOnSlice(
        notifications,
        lambda page: selectors.notifications_named(reader=reader, notifications=page),
    )


@router.get(
    "/me/notifications/unread-count",
    response=UnreadOut,
    summary="How many of your notifications are unread",
    openapi_extra=callers(Who.SIGNED_IN),
)
def notification_unread_count(request: HttpRequest) -> UnreadOut:
    api_require(request, Action.KEEP_OWN_INBOX)
    return UnreadOut(unread=selectors.unread_notification_count(reader=api_user(request)))


@router.post(
    "/me/notifications/read",
    response=MarkedOut,
    summary="Mark all your notifications read",
    openapi_extra=callers(Who.SIGNED_IN),
)
def notifications_read_all(request: HttpRequest) -> MarkedOut:
    actor = api_require_write(request, Action.KEEP_OWN_INBOX)
    return MarkedOut(marked=services.notifications_mark_read(actor=actor))


@router.post(
    "/me/notifications/{notification_id}/read",
    response=InboxNotificationOut,
    summary="Mark one of your notifications read",
    openapi_extra=callers(Who.SIGNED_IN),
)
def notification_read(request: HttpRequest, notification_id: int = NOTIFICATION_ID) -> Notification:
    """404 for a notification that is not yours, as for one that does not exist."""
    actor = api_require_write(request, Action.KEEP_OWN_INBOX)
    mine = selectors.notification_list(reader=actor).filter(pk=notification_id)
    if not mine.exists():
        raise HttpError(404, _("No such notification in your inbox."))
    services.notifications_mark_read(actor=actor, ids=[notification_id])
    (notification,) = selectors.notifications_named(reader=actor, notifications=list(mine))
    return notification
