"""Writes about people: accounts and API tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from interlock.accounts.models import ApiToken, TokenScope, User
from interlock.accounts.two_factor import code_matches
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
    # The research partner's people hold its role, and only they do (¶7f): the role's rights are
    # read across organizations, so they must not come with a participant's own material.
    if (role is Role.RESEARCH_PARTNER) != (organization.kind == "research_partner"):
        raise ValidationError(
            _("Research partner accounts, and only they, belong to the research partner.")
        )
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


RECOVERY_CODES = 10


def _recovery_codes_replace(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()  # the old codes stop working
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def two_factor_enroll(*, actor: User, key_hex: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the actor's authenticator by a code it shows, and issue recovery codes (returned
    once; only they can sign in if the authenticator is lost)."""
    if TOTPDevice.objects.filter(user=actor, confirmed=True).exists():
        raise ValidationError(_("Two-factor sign-in is already on for this account."))
    if not code_matches(key_hex, code):
        raise ValidationError(
            {"code": _("That code is not right. Check the time on your device and try again.")}
        )
    with transaction.atomic():  # the authenticator, its recovery codes and the event together
        device = TOTPDevice.objects.create(user=actor, key=key_hex, name="authenticator")
        codes = _recovery_codes_replace(actor)
        audit_record(actor=actor, action="user.two_factor_enroll", target=actor)
    return device, codes


def recovery_codes_renew(*, actor: User) -> list[str]:
    """New recovery codes for an enrolled account; the old ones stop working."""
    if not TOTPDevice.objects.filter(user=actor, confirmed=True).exists():
        raise ValidationError(_("Turn on two-factor sign-in first."))
    with transaction.atomic():  # old codes go only if the new ones are kept
        codes = _recovery_codes_replace(actor)
        audit_record(actor=actor, action="user.recovery_codes_renew", target=actor)
    return codes


def two_factor_device_remove(*, actor: User, device: TOTPDevice | StaticDevice) -> None:
    """Remove a person's authenticator or recovery codes (a lost phone), as staff do in the admin;
    the person then enrolls again at the next sign-in where the second factor is required."""
    kind = "authenticator" if isinstance(device, TOTPDevice) else "recovery codes"
    with transaction.atomic():  # the device goes only with its event
        owner = device.user
        device.delete()
        audit_record(
            actor=actor,
            action="user.two_factor_remove",
            target=owner,
            changes={"device": [f"{kind}: {device.name}", None]},
            organization=owner.organization,
        )


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_issue(
    *,
    actor: User,
    name: str,
    days: int | None = None,
    scope: TokenScope = TokenScope.READ,
) -> tuple[ApiToken, str]:
    """Issue a token for the actor's own account, valid for ``days`` (``API_TOKEN_DAYS`` unless
    given, at most ``API_TOKEN_MAX_DAYS``). The raw token is returned once and never stored."""
    require(actor, Action.ISSUE_OWN_API_TOKEN)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name.")})
    days = settings.API_TOKEN_DAYS if days is None else days
    if not 1 <= days <= settings.API_TOKEN_MAX_DAYS:
        raise ValidationError(
            {
                "days": _("A token lasts from 1 to %(most)s days.")
                % {"most": settings.API_TOKEN_MAX_DAYS}
            }
        )
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():  # the token and its audit event stand or fall together
        token = ApiToken.objects.create(
            created_at=now,
            user=actor,
            name=name[:100],
            prefix=raw[:12],
            digest=_digest(raw),
            expires_at=now + dt.timedelta(days=days),
            scope=TokenScope(scope),
        )
        audit_record(
            actor=actor,
            action="api_token.issue",
            target=token,
            changes={
                "scope": [None, token.scope],
                "expires_at": [None, token.expires_at.isoformat()],
            },
        )
    return token, raw


def api_token_revoke(*, actor: User, token: ApiToken) -> None:
    if token.user_id != actor.pk:
        require(actor, Action.MANAGE_USERS)
    if token.revoked_at is not None:
        return
    with transaction.atomic():
        ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
        audit_record(actor=actor, action="api_token.revoke", target=token)


class TokenRefusedError(Exception):
    """A bearer token that does not authenticate, with the reason to tell its holder."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def api_token_authenticate(raw: str) -> ApiToken:
    """The live token (its user active) for this raw value; else :class:`TokenRefusedError`. A token
    keeps working while its account's sign-in is paused (docs/operations.md, sign-in throttling)."""
    token = None
    if raw.startswith(TOKEN_PREFIX):
        token = ApiToken.objects.select_related("user").filter(digest=_digest(raw)).first()
    if token is None or token.revoked_at is not None or not token.user.is_active:
        raise TokenRefusedError(_("This token is not valid."))
    now = timezone.now()
    if token.expires_at <= now:
        raise TokenRefusedError(
            _("This token expired on %(day)s; issue a new one on your profile page.")
            % {"day": token.expires_at.date().isoformat()}
        )
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def home_visit_record(*, user: User, at: dt.datetime) -> None:
    """Note when ``user`` opened their home, so that the next session's home shows what was shared
    since then. A reading aid, not an act: no audit event, no version."""
    User.objects.filter(pk=user.pk).update(home_seen_at=at)
    user.home_seen_at = at
