from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interlock.domain.permissions import Role


class User(AbstractUser):
    """A person using Interlock. Every user belongs to exactly one organization and holds one role
    there (DESIGN.md §2)."""

    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="users"
    )
    role = models.CharField(
        max_length=32,
        choices=[
            (Role.SECRETARIAT.value, _("Secretariat")),
            (Role.LIAISON_OFFICIAL.value, _("Liaison official")),
            (Role.MEMBER.value, _("Organization member")),
            (Role.RESEARCH_PARTNER.value, _("Research partner")),
            (Role.OBSERVER.value, _("Observer")),
        ],
        default=Role.MEMBER.value,
    )
    preferred_language = models.CharField(max_length=10, blank=True)
    # When the user last opened their home (the first time in a session): the home shows what
    # was shared with their organization since the visit before this session's.
    home_seen_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = UserManager()  # type: ignore[assignment, misc]  # Django's manager, for this model
    REQUIRED_FIELDS = ["email", "organization"]

    class Meta:
        ordering = ["username"]


class TokenScope(models.TextChoices):
    READ = "read", _("Read only")
    READ_WRITE = "read_write", _("Read and write")


class ApiToken(models.Model):
    """A bearer token for machine clients. Only a hash is kept; the token is shown once. It works
    until ``expires_at`` (chosen at issue) or until revoked; a read-only token reads only."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()
    scope = models.CharField(max_length=16, choices=TokenScope.choices, default=TokenScope.READ)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def read_only(self) -> bool:
        return self.scope == TokenScope.READ
