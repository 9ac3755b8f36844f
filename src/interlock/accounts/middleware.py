"""Sessions that end after a configurable idle time (``INTERLOCK_SESSION_IDLE_MINUTES``)."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

LAST_SEEN = "interlock_last_seen"
# The last-seen time is written at most once a minute, so a busy session is not saved every request.
RESOLUTION_S = 60


def _now() -> int:
    return int(time.time())


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
