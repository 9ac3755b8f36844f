"""Log filters. A refusal (403) is an answer the application chose, not a fault: it is logged as one
line with its reason, never with the traceback of the ``PermissionDenied`` that carried it. A
private calendar feed's address carries its token (calendar programs cannot sign in), so every
log line has the token replaced before it is written (:class:`FeedTokens`)."""

from __future__ import annotations

import logging
import re

# The path segment after /meetings/feeds/ is a private token (meetings/urls.py), except in the
# address that revokes a subscription by its number. Anything else there, a mistyped or revoked
# token included, is replaced.
_FEED_TOKEN = re.compile(r"(/meetings/feeds/)(?!\d+/revoke/)[^/\s?#\"']+")
REDACTED = "<redacted>"


def redact_feed_tokens(text: str) -> str:
    """``text`` with the token of every private calendar feed address in it replaced."""
    return _FEED_TOKEN.sub(rf"\g<1>{REDACTED}", text)


class FeedTokens(logging.Filter):
    """Any record: its message, once formatted with its arguments, has feed tokens replaced. On
    Django's ``django.request`` and ``django.server`` loggers and on gunicorn's error and access
    logs (``core/gunicorn_log.py``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_feed_tokens(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


class OneLineRefusals(logging.Filter):
    """On ``django.request``: a 403 record keeps its message and the refusal's reason, and drops
    the traceback. Other records pass unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) != 403 or not record.exc_info:
            return True
        error = record.exc_info[1]
        reason = str(error) if error is not None else ""
        if reason:  # the message is formatted with its arguments later: keep % literal
            record.msg = f"{record.msg} ({reason.replace('%', '%%')})"
        record.exc_info = None
        record.exc_text = None
        return True
