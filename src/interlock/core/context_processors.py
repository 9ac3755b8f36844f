from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, get_language_bidi

from interlock.core.access import can
from interlock.core.selectors import unread_notification_count
from interlock.domain.permissions import Action


def shell(request: HttpRequest) -> dict[str, Any]:
    """What every page's shell needs: languages, direction, and which navigation entries to show.
    The unread count is asked only if the page shows it (once: one query, whatever the page)."""

    @cache
    def unread() -> int:
        return unread_notification_count(reader=request.user)

    return {
        "shell_unread": unread,
        "shell_languages": settings.LANGUAGES,
        "shell_language": get_language(),
        "shell_direction": "rtl" if get_language_bidi() else "ltr",
        "shell_may_view_audit": bool(can(request.user, Action.VIEW_AUDIT)),
    }
