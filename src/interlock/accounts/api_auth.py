"""Who an API request acts as, what a token may do, and how often the API may be asked."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer

from interlock.accounts.addresses import client_address
from interlock.accounts.ratelimit import rate_limit_wait
from interlock.accounts.services import TokenRefusedError, api_token_authenticate

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class RateLimitedError(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


class BearerOrSession(HttpBearer):
    """A bearer token if one is sent (a wrong or expired one is refused: 401; a read-only one on a
    write: 403); else the signed-in session; else the anonymous public, which the permission
    vocabulary then judges like any actor. Every answer counts against the caller's rate limit."""

    openapi_description = "API token issued on the profile page: `Authorization: Bearer ilk_…`"

    def __call__(self, request: HttpRequest) -> Any:
        if request.headers.get("Authorization"):
            result = super().__call__(request)
        else:
            user = getattr(request, "user", None)
            result = user if user is not None and user.is_authenticated else AnonymousUser()
        api_rate_limit(request, result)
        return result

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        try:
            api_token = api_token_authenticate(token)
        except TokenRefusedError as refused:
            raise HttpError(401, refused.reason) from None
        if api_token.read_only and request.method not in SAFE_METHODS:
            raise HttpError(
                403,
                _(
                    "This token is read-only: it may not change anything. Issue a read-and-write token for this."
                ),
            )
        request.user = api_token.user
        request.api_token = api_token  # type: ignore[attr-defined]
        return api_token.user


def api_rate_limit(request: HttpRequest, user: Any) -> None:
    """Per token, else per signed-in user, else per client address; raises :class:`RateLimitedError`."""
    token = getattr(request, "api_token", None)
    if token is not None:
        key, limit = f"token:{token.pk}", settings.API_RATE_PER_MINUTE
    elif user is not None and getattr(user, "is_authenticated", False):
        key, limit = f"user:{user.pk}", settings.API_RATE_PER_MINUTE
    else:
        key, limit = f"address:{client_address(request)}", settings.API_PUBLIC_RATE_PER_MINUTE
    wait = rate_limit_wait(key=f"api:{key}", limit=limit, window_s=60)
    if wait is not None:
        raise RateLimitedError(wait)
