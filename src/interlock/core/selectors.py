from __future__ import annotations

from django.db.models import QuerySet

from interlock.core.models import AuditEvent


def audit_event_list(*, action: str = "", target_type: str = "") -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor", "organization")
    if action:
        events = events.filter(action=action)
    if target_type:
        events = events.filter(target_type=target_type)
    return events
