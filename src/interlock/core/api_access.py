"""The API's door to the permission vocabulary: refuse with the reason, as JSON."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.utils import check_csrf

from interlock.core.access import can
from interlock.core.reasons import in_words
from interlock.domain.decisions import because
from interlock.domain.permissions import Action, Why


def api_user(request: HttpRequest) -> Any:
    return getattr(request, "auth", None) or getattr(request, "user", None)


def api_signed_in(request: HttpRequest) -> Any:
    """The signed-in user; 401 for the public, before anything about the request is looked at."""
    user = api_user(request)
    if not getattr(user, "is_authenticated", False):
        raise HttpError(401, in_words(because(Why.SIGN_IN)))
    return user


def api_require(
    request: HttpRequest, action: Action, *, organization_id: int | None = None
) -> None:
    user = api_user(request)
    decision = can(user, action, organization_id=organization_id)
    if not decision:
        status = 401 if not getattr(user, "is_authenticated", False) else 403
        raise HttpError(status, in_words(decision.reason))


def api_require_write(
    request: HttpRequest, action: Action, *, organization_id: int | None = None
) -> Any:
    """As :func:`api_require`, for a write: a request signed in by its session cookie (not a
    bearer token) must also carry the CSRF token, so another site cannot write in a user's name.
    Returns the acting user."""
    api_require(request, action, organization_id=organization_id)
    if not request.headers.get("Authorization") and check_csrf(request) is not None:
        raise HttpError(403, "A write signed in by session needs the CSRF token.")
    return api_user(request)
