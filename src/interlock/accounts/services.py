"""Writes about people: accounts and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interlock.accounts.models import ApiToken, User
from interlock.core.access import require
from interlock.core.services import audit_record
from interlock.domain.permissions import Action, Role
from interlock.registry.models import Organization

TOKEN_PREFIX = "ilk_"  # noqa: S105 - a public marker, not a secret


def user_create(
    *,
    actor: Any | None,
    username: str,
    email: str,
    organization: Organization,
    role: Role,
    password: str,
    validate: bool = True,
) -> User:
    """Create an account. ``actor`` None is the command line (an operator on the server)."""
    if actor is not None:
        require(actor, Action.MANAGE_USERS)
    if role is Role.SECRETARIAT and organization.kind != "united_nations":
        raise ValidationError(_("Secretariat accounts belong to the United Nations."))
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(_("The user name %(name)s is taken.") % {"name": username})
    user = User(username=username, email=email, organization=organization, role=role.value)
    if validate:
        validate_password(password, user)
    user.set_password(password)
    with transaction.atomic():  # the account and its audit event stand or fall together
        user.save()
        audit_record(
            actor=actor,
            action="user.create",
            target=user,
            changes={"organization": [None, organization.acronym], "role": [None, role.value]},
            organization=organization,
        )
    return user


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_issue(*, actor: User, name: str) -> tuple[ApiToken, str]:
    """Issue a token for the actor's own account. The raw token is returned once and never stored."""
    require(actor, Action.ISSUE_OWN_API_TOKEN)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name.")})
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=actor, name=name[:100], prefix=raw[:12], digest=_digest(raw)
        )
        audit_record(actor=actor, action="api_token.issue", target=token)
    return token, raw


def api_token_revoke(*, actor: User, token: ApiToken) -> None:
    if token.user_id != actor.pk:
        require(actor, Action.MANAGE_USERS)
    if token.revoked_at is not None:
        return
    with transaction.atomic():
        ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
        audit_record(actor=actor, action="api_token.revoke", target=token)


def api_token_authenticate(raw: str) -> User | None:
    """The active user holding this live token, or None."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
