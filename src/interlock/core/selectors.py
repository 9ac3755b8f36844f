from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from interlock.core import references
from interlock.core.changes import read_changes
from interlock.core.models import AuditEvent, Notification, NotificationKind, ReminderSent


def audit_event_list(
    *, reader: Any, action: str = "", target_type: str = "", query: str = ""
) -> QuerySet[AuditEvent]:
    """Events, newest first, narrowed as :func:`audit_event_search` says."""
    events = AuditEvent.objects.select_related("actor", "organization")
    if action:
        events = events.filter(action=action)
    if target_type:
        events = events.filter(target_type=target_type)
    return audit_event_search(events, reader=reader, query=query)


def audit_event_search(
    events: QuerySet[AuditEvent], *, reader: Any, query: str
) -> QuerySet[AuditEvent]:
    """The events matching ``query`` in who acted, the action, or the target's label, the last
    only among events whose target ``reader`` may read: a withheld label never matches."""
    if not (query := query.strip()):
        return events
    return events.filter(
        Q(actor_label__icontains=query)
        | Q(action__icontains=query)
        | (Q(target_label__icontains=query) & references.readable_q(reader))
    )


def audit_events_named(*, reader: Any, events: Sequence[AuditEvent]) -> Sequence[AuditEvent]:
    """Give each event of a page ``event.reference`` (its target named through the reading
    policy), ``event.shown_changes`` (none where the target is withheld: changes may quote
    its title) and ``event.changes_read`` (those changes as people read them, core/changes.py).
    One query per kind of target on the page, and one or two per kind of related object named."""
    references.attach(reader, events)
    for event in events:
        event.shown_changes = {} if event.reference.withheld else event.changes  # type: ignore[attr-defined]
    read_changes(reader, events)
    return events


def notification_list(*, reader: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=reader)


def unread_notification_count(*, reader: Any) -> int:
    if not getattr(reader, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=reader, read_at__isnull=True).count()


def notifications_named(
    *, reader: Any, notifications: Sequence[Notification]
) -> Sequence[Notification]:
    """Give each notification of a page ``reference`` (its target named through the reading
    policy as it is called now, in the reader's language: one query per kind of target) and
    ``message`` (in the reader's language). The label stored with the notification (English,
    as the audit trail stores labels) is kept only for a public target that is gone."""
    references.attach(reader, notifications, current=True)
    for notification in notifications:
        notification.message = notification_message(  # type: ignore[attr-defined]
            notification.kind,
            str(notification.reference),  # type: ignore[attr-defined]
        )
    return notifications


def notification_words(kind: str) -> str:
    """The sentence of a notification of ``kind`` in the reader's language, with a
    ``%(target)s`` slot for its target's name."""
    from django.utils.translation import gettext as _

    messages = {
        NotificationKind.INVITATION: _("Your organization is invited to %(target)s."),
        NotificationKind.RECORD_CIRCULATED: _("%(target)s is circulated for your comments."),
        NotificationKind.DEADLINE_NEAR: _("The deadline for comments on %(target)s is near."),
        NotificationKind.DISPOSITION: _(
            "The secretariat has disposed of your comment on %(target)s."
        ),
    }
    return str(messages.get(kind, "%(target)s"))  # type: ignore[call-overload]


def notification_message(kind: str, target: str) -> SafeString:
    # The target's name may be in another script than the sentence (an English title in an
    # Arabic sentence): <bdi> keeps each in its own direction.
    words = escape(notification_words(kind))
    return mark_safe(words % {"target": format_html("<bdi>{}</bdi>", target)})  # noqa: S308 - both parts escaped above


def reminder_list() -> QuerySet[ReminderSent]:
    return ReminderSent.objects.select_related("recipient__organization")


def reminders_named(*, reader: Any, rows: Sequence[ReminderSent]) -> Sequence[ReminderSent]:
    """Each reminder of a page with ``reference`` (its target named through the reading policy)
    and ``kind_label`` (in the reader's language)."""
    from interlock.core.reminders import kind_label

    references.attach(reader, rows)
    for row in rows:
        row.kind_label = kind_label(row.kind)  # type: ignore[attr-defined]
    return rows
