from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    """Where a fact comes from: a paragraph of the seed document or a cited public record."""

    key = models.SlugField(max_length=80, primary_key=True)
    title = models.CharField(max_length=300)
    url = models.URLField(max_length=500, blank=True)
    locator = models.CharField(
        max_length=120, blank=True, help_text=_("Paragraph, article or page within the source")
    )
    accessed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.title}, {self.locator}" if self.locator else self.title


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    """The audit trail is append-only: bulk update and delete are refused here, and by database
    triggers (migration 0002) for anything that bypasses the ORM."""

    def update(self, **kwargs: object) -> int:
        raise TypeError("the audit trail is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise TypeError("the audit trail is append-only")


class AuditEvent(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=200, help_text=_("Who acted, as shown at the time"))
    organization = models.ForeignKey(
        "registry.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("On behalf of which organization"),
    )
    action = models.CharField(max_length=80, db_index=True)
    target_type = models.CharField(max_length=80)
    target_id = models.CharField(max_length=64)
    target_label = models.CharField(max_length=300)
    changes = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        # Never the target's label: the admin puts this in titles, and the label may name what the
        # reader may not read (core.references names targets per reader).
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"


class DataVersion(models.Model):
    """One row: a counter that every audited write bumps in its own transaction
    (``core.services.audit_record``). The public cache (``core.public_cache``) keys what it keeps by
    it, so any write invalidates every cached public page at once."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"data version {self.value}"


class NotificationKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation received")
    RECORD_CIRCULATED = "record_circulated", _("Record circulated for comment")
    DEADLINE_NEAR = "deadline_near", _("Comment deadline near")
    DISPOSITION = "disposition", _("Disposition on your comment")


class Notification(models.Model):
    """A message in one person's inbox in Interlock (invitation received, record circulated,
    deadline near, disposition made). Not Article 54's notification to the Security Council
    (``situations.Notification``), which is a letter drafted and tracked until sent.

    The target is stored as the audit trail stores it (type, id, label) and named through
    ``core.references`` when shown, so a notification never shows what its reader may no longer
    read. ``occasion`` tells apart two notifications of one kind on one target (a deadline
    moved); the unique constraint keeps each one single."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=24, choices=NotificationKind.choices)
    target_type = models.CharField(max_length=80)
    target_id = models.CharField(max_length=64)
    target_label = models.CharField(max_length=300)
    link = models.CharField(max_length=300, blank=True)
    occasion = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "target_type", "target_id", "occasion"],
                name="one_notification_per_occasion",
            )
        ]

    def __str__(self) -> str:
        # Never the target's label (see AuditEvent.__str__).
        return f"{self.kind} for user {self.recipient_id}"


class ReminderSent(models.Model):
    """A reminder e-mailed by any app (``core.reminders``): kept, so that none goes twice, and
    listed on ``/reminders/``. The target is stored as the audit trail stores it."""

    kind = models.CharField(max_length=40)
    target_type = models.CharField(max_length=80)
    target_id = models.CharField(max_length=64)
    target_label = models.CharField(max_length=300)
    occasion = models.CharField(max_length=40, help_text=_("The due date or deadline it is about"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.EmailField()
    language = models.CharField(max_length=10)
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "target_type", "target_id", "occasion", "address"],
                name="one_reminder_per_occasion_and_address",
            )
        ]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.target_type}:{self.target_id} {self.occasion}"
