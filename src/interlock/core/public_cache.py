"""Public pages and public API lists, cached for the anonymous public only.

What is cached depends only on the data, the language and the address: a reader who is signed in
(a session) or sends an API token is never served from it and never fills it, so nothing crosses
between readers with different rights. Keys carry the data version that every audited write bumps
(``core.services.data_version_bump``): a write invalidates everything at once. Keys also carry the
day (pages default to "today") and entries expire after ``PUBLIC_CACHE_SECONDS``.

Each worker process keeps its own entries (Django's local-memory cache, ``CACHES["public"]``); the
version is read from the database, so a write in one worker invalidates the others' entries too.
Forms in a cached page carry the reader's own CSRF token: the token is replaced on the way out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from interlock.core.models import DataVersion

# Routes (namespace:name) whose anonymous response depends only on the data, the language and the
# address. Add a route only if that is true of it.
ROUTES = frozenset(
    {
        "core:home",
        "registry:organizations",
        "meetings:list",
        "meetings:meeting",
        "documents:list",
        "api:organization_list",
        "api:meeting_list",
        "api:document_list",
        "api:country_list",
    }
)
_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_SLOT = b"\x00csrf-token\x00"  # no page contains a NUL byte
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition")


def data_version() -> int:
    # Plain SQL: it runs on every anonymous request, hit or miss (the ORM's compiling costs more).
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {DataVersion._meta.db_table} WHERE id = 1")  # noqa: S608
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def _anonymous_public(request: HttpRequest) -> bool:
    if request.method != "GET" or "Authorization" in request.headers:
        return False
    if request.user.is_authenticated:  # type: ignore[attr-defined]
        return False
    return not len(get_messages(request))  # a message is for this reader only


def _within_api_rate(request: HttpRequest) -> bool:
    """A cached API answer counts against the caller's rate limit like any other."""
    from django.contrib.auth.models import AnonymousUser

    from interlock.accounts.api_auth import RateLimitedError, api_rate_limit

    try:
        api_rate_limit(request, AnonymousUser())
    except RateLimitedError:
        return False
    return True


def _key(request: HttpRequest) -> str:
    parts = [
        str(data_version()),
        dt.datetime.now(dt.UTC).date().isoformat(),
        get_language() or "",
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-Target", ""),
        request.get_full_path(),
    ]
    return "public:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


class PublicCacheMiddleware:
    """Serve and keep the anonymous responses of ``ROUTES``. Last in MIDDLEWARE: it sees the
    signed-in user and the language, and keeps the view's response before any other middleware
    adds headers or cookies to it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if not getattr(settings, "PUBLIC_CACHE", False) or match is None:
            return None
        if match.view_name not in ROUTES or not _anonymous_public(request):
            return None
        cache = caches["public"]
        key = _key(request)
        kept = cache.get(key)
        if kept is None:
            response = view(request, *args, **kwargs)
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and getattr(response, "is_rendered", True)
            ):
                content = _TOKEN.sub(lambda m: m[1] + _SLOT + m[2], response.content)
                headers = {h: response[h] for h in _KEPT_HEADERS if h in response}
                cache.set(key, (content, headers), settings.PUBLIC_CACHE_SECONDS)
            return response
        if match.namespace == "api" and not _within_api_rate(request):
            return None  # the view answers 429 with its Retry-After
        content, headers = kept
        if _SLOT in content:
            content = content.replace(_SLOT, get_token(request).encode())
        return HttpResponse(content, headers=headers)
