"""Writes of the core: the audit trail. Every service that writes calls :func:`audit_record`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from interlock.core.models import AuditEvent, DataVersion


class StateRefusedError(ValidationError):
    """The stored state refuses the request, whatever its fields say: a record already final, a
    notification already sent, a version changed meanwhile. Pages show it as any refusal; the
    API answers 409 (``core/api_schema.py``)."""


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


# In-app notifications: one mechanism for every app (core.models.Notification) ----------------


def notify(
    *,
    recipients: Iterable[Any],
    kind: str,
    target: models.Model,
    link: str = "",
    occasion: str = "",
) -> int:
    """Put a notification of ``kind`` about ``target`` in each recipient's inbox, once: a
    recipient already notified of this occasion is left as they are. Call it inside the caller's
    transaction, so the notification stands or falls with the fact it reports. Returns how many
    were new."""
    from django.utils import translation

    from interlock.core.models import Notification

    people = {user.pk: user for user in recipients if user is not None and user.is_active}
    if not people:
        return 0
    with translation.override("en"):  # the stored label, as the audit trail keeps it
        label = str(target)[:300]
    target_type, target_id = target._meta.label_lower, str(target.pk)
    already = set(
        Notification.objects.filter(
            recipient_id__in=people,
            kind=kind,
            target_type=target_type,
            target_id=target_id,
            occasion=occasion,
        ).values_list("recipient_id", flat=True)
    )
    created = Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=pk,
                kind=kind,
                target_type=target_type,
                target_id=target_id,
                target_label=label,
                link=link[:300],
                occasion=occasion[:40],
            )
            for pk in sorted(set(people) - already)
        ],
        ignore_conflicts=True,  # a notification made meanwhile by another process stays single
    )
    return len(created)


def notifications_mark_read(*, actor: Any, ids: Iterable[int] | None = None) -> int:
    """Mark the actor's own notifications read: those of ``ids``, or all of them. Nothing of
    anyone else's is touched. Returns how many changed."""
    from django.utils import timezone

    from interlock.core.access import require
    from interlock.core.models import Notification
    from interlock.domain.permissions import Action

    require(actor, Action.KEEP_OWN_INBOX)
    unread = Notification.objects.filter(recipient=actor, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


def reminders_send(*, today: dt.date, kinds: Iterable[str] | None = None) -> list[Any]:
    """Send every reminder owed ``today`` (``core.reminders``; only ``kinds`` if given), each
    once: it is recorded in the transaction that hands the e-mail over, so a second run sends
    nothing again. Written in the recipient's language. Returns the records of those sent."""
    from django.core.mail import send_mail
    from django.db import IntegrityError, transaction
    from django.utils import timezone, translation

    from interlock.core.i18n import language_of
    from interlock.core.models import ReminderSent
    from interlock.core.reminders import owed

    wanted = set(kinds) if kinds is not None else None
    sent = []
    for due in owed(today):
        if wanted is not None and due.kind not in wanted:
            continue
        language = language_of(due.recipient)
        address = getattr(due.recipient, "email", "") or ""
        target_type, target_id = due.target._meta.label_lower, str(due.target.pk)
        # Atomic per reminder: the record stands only with the message handed over (and the
        # in-app notification with it); the unique constraint decides between two workers.
        try:
            with transaction.atomic(), translation.override(language):
                if due.notification:
                    notify(
                        recipients=[due.recipient],
                        kind=due.notification,
                        target=due.target,
                        link=due.link,
                        occasion=due.occasion,
                    )
                if not address:
                    continue
                record, created = ReminderSent.objects.get_or_create(
                    kind=due.kind,
                    target_type=target_type,
                    target_id=target_id,
                    occasion=due.occasion,
                    address=address,
                    defaults={
                        "recipient": due.recipient,
                        "target_label": _label_in_english(due.target),
                        "language": language,
                        "sent_at": timezone.now(),
                    },
                )
                if created:
                    send_mail(due.subject(), due.body(), None, [address])
                    sent.append(record)
        except IntegrityError:
            continue  # another worker sent it meanwhile
    return sent


def _label_in_english(target: models.Model) -> str:
    from django.utils import translation

    with translation.override("en"):
        return str(target)[:300]


def preferred_language_keep(*, actor: Any, language: str) -> None:
    """Keep the language a signed-in user chose in the interface (one of the six), for what is
    written to them outside a request. A preference of their own, not a fact of the partnership:
    not audited."""
    from django.contrib.auth import get_user_model

    from interlock.core.i18n import CONTENT_LANGUAGES

    if not getattr(actor, "is_authenticated", False) or language not in CONTENT_LANGUAGES:
        return
    if actor.preferred_language != language:
        get_user_model().objects.filter(pk=actor.pk).update(preferred_language=language)
