from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Q, QuerySet

from interlock.core import references
from interlock.core.changes import read_changes
from interlock.core.models import AuditEvent


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
