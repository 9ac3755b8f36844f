"""Sessions that end after a configurable idle time (``INTERLOCK_SESSION_IDLE_MINUTES``), and
sessions that must pass their second factor before anything else."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from interlock.accounts.two_factor import two_factor_need

LAST_SEEN = "interlock_last_seen"
# The last-seen time is written at most once a minute, so a busy session is not saved every request.
RESOLUTION_S = 60


def _now() -> int:
    return int(time.time())


def session_start(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """At sign-in: the first activity, and what the second factor asks of this session, so that
    later requests read both from the session without writing it or querying for devices."""
    if request is None or not hasattr(request, "session"):
        return
    request.session[LAST_SEEN] = _now()
    two_factor_need(request, user=user)


class IdleSessionMiddleware:
    """Signs out a session idle for longer than the limit; the request then goes on as the
    anonymous public (a page that needs a sign-in sends to the sign-in form, as always)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = _now()
            last_seen = request.session.get(LAST_SEEN)
            if last_seen is not None and now - last_seen > settings.SESSION_IDLE_MINUTES * 60:
                logout(request)
                messages.info(request, _("You were signed out after a time without activity."))
            elif last_seen is None or now - last_seen >= RESOLUTION_S:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


# Where a session that must still verify or enroll may go: those pages, signing out, the language.
TWO_FACTOR_OPEN = frozenset(
    {"accounts:two-factor", "accounts:two-factor-verify", "accounts:sign-out", "set_language"}
)


class TwoFactorMiddleware:
    """Sends a signed-in session that has not passed its second factor to the code page (or, when
    enrollment is required, to the enrollment page) before anything else. For the API such a
    session is no sign-in at all: it answers as the anonymous public."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not user.is_verified():  # type: ignore[attr-defined]
            need = two_factor_need(request)
            if need != "none":
                if request.path.startswith("/api/"):
                    request.user = AnonymousUser()
                elif not self._open(request):
                    target = (
                        "accounts:two-factor-verify" if need == "verify" else "accounts:two-factor"
                    )
                    query = urlencode({"next": request.get_full_path()})
                    return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)

    @staticmethod
    def _open(request: HttpRequest) -> bool:
        if request.path.startswith((settings.STATIC_URL or "/static/", "/jsi18n/")):
            return True
        try:
            return resolve(request.path_info).view_name in TWO_FACTOR_OPEN
        except Resolver404:
            return False
