"""Sign-in throttling, on django-axes: what is locked, and until when.

Two locks, so that one person's wrong passwords do not lock out an office behind one address:

- the account *from this address*: ``INTERLOCK_SIGN_IN_FAILURE_LIMIT`` wrong passwords for one user
  name from one address (axes' lockout parameters as a combination);
- the address *for every account*: ``INTERLOCK_SIGN_IN_ADDRESS_LIMIT`` wrong passwords from one
  address, whatever the user names (a ceiling high enough for an office).

Both count failures over the cool-off (``INTERLOCK_SIGN_IN_COOLOFF_MINUTES``); the locked-out page
says which lock holds and when it ends (``domain.lockout.lock_ends_at``).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, Literal

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from interlock.domain.lockout import lock_ends_at


@dataclass(frozen=True)
class SignInLock:
    scope: Literal["account", "address"]
    username: str
    ends_at: dt.datetime


def sign_in_lock(*, username: str | None, address: str, at: dt.datetime) -> SignInLock | None:
    """The lock in force at ``at`` for this user name from this address, the account's first."""
    cool_off = settings.SIGN_IN_COOLOFF
    counted = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=at - cool_off)
    rows = list(counted.values_list("username", "attempt_time", "failures_since_start"))
    own = [(when, count) for name, when, count in rows if name == username]
    ends = lock_ends_at(own, limit=settings.AXES_FAILURE_LIMIT, cool_off=cool_off)
    if ends is not None:
        return SignInLock("account", username or "", ends)
    everyone = [(when, count) for _name, when, count in rows]
    ends = lock_ends_at(everyone, limit=settings.SIGN_IN_ADDRESS_LIMIT, cool_off=cool_off)
    if ends is not None:
        return SignInLock("address", username or "", ends)
    return None


def _lock_of(request: Any, credentials: dict[str, Any] | None) -> SignInLock | None:
    lock = sign_in_lock(
        username=get_client_username(request, credentials),
        address=request.axes_ip_address,
        at=request.axes_attempt_time,
    )
    request.interlock_sign_in_lock = lock
    return lock


class InterlockAxesHandler(AxesDatabaseHandler):
    """Axes' database handler, with the per-address ceiling beside its per-account lock."""

    def is_locked(self, request: Any, credentials: dict[str, Any] | None = None) -> bool:
        return _lock_of(request, credentials) is not None

    def user_login_failed(
        self, sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
    ) -> None:
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and _lock_of(request, credentials) is not None:
            request.axes_locked_out = True
            request.axes_credentials = credentials


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The locked-out page: which lock, until when (UTC), and ``Retry-After`` in seconds."""
    lock = getattr(request, "interlock_sign_in_lock", None) or _lock_of(request, credentials)
    now = getattr(request, "axes_attempt_time", None) or timezone.now()
    ends_at = lock.ends_at if lock else now + (get_cool_off(request) or dt.timedelta())
    context = {"lock": lock, "ends_at": ends_at}
    response = render(request, "accounts/locked_out.html", context, status=429)
    response["Retry-After"] = str(max(1, math.ceil((ends_at - now).total_seconds())))
    return response
