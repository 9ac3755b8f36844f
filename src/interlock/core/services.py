"""Writes of the core: the audit trail. Every service that writes calls :func:`audit_record`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.db import models

from interlock.core.models import AuditEvent, DataVersion


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    return value


def changes_between(
    before: Mapping[str, Any], after: Mapping[str, Any], fields: Iterable[str] | None = None
) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field whose value differs."""
    keys = list(fields) if fields is not None else sorted(set(before) | set(after))
    return {
        key: [_plain(before.get(key)), _plain(after.get(key))]
        for key in keys
        if _plain(before.get(key)) != _plain(after.get(key))
    }


def audit_record(
    *,
    actor: Any | None,
    action: str,
    target: models.Model,
    changes: Mapping[str, Any] | None = None,
    organization: Any | None = None,
) -> AuditEvent:
    """Append one event to the audit trail. ``actor`` None means the system (e.g. a data load)."""
    if organization is None and actor is not None:
        organization = actor.organization
    data_version_bump()
    return AuditEvent.objects.create(
        actor=actor,
        actor_label=actor.get_username() if actor is not None else "system",
        organization=organization,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:300],
        changes={key: value for key, value in (changes or {}).items()},
    )


def data_version_bump() -> None:
    """Invalidate every cached public page and list (``core.public_cache``): called by
    :func:`audit_record`, hence by every write, in the writer's transaction, so the new version
    is seen exactly when the data it stands for is. Concurrent writers queue on the one row."""
    if not DataVersion.objects.filter(pk=1).update(value=models.F("value") + 1):
        DataVersion.objects.get_or_create(pk=1, defaults={"value": 1})
