"""Writes of the core: the audit trail. Every service that writes calls :func:`audit_record`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

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


def link_toggle(
    *,
    actor: Any,
    links: Any,
    item: Any,
    link: bool,
    field: str,
    already: str,
    absent: str,
    action: str,
    target: Any,
    label: Any,
) -> None:
    """Add ``item`` to the many-to-many ``links`` or take it out, refusing a link that is already
    there (``already``) or one that is not (``absent``), and audit it as ``action`` on ``target``."""
    present = links.filter(pk=item.pk).exists()
    if link and present:
        raise ValidationError({field: already})
    if not link and not present:
        raise ValidationError({field: absent})
    # Atomic: the link and its audit event are one change.
    with transaction.atomic():
        (links.add if link else links.remove)(item)
        audit_record(
            actor=actor,
            action=action,
            target=target,
            changes={field: [None, label] if link else [label, None]},
        )
