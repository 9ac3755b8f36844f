"""Log filters. A refusal (403) is an answer the application chose, not a fault: it is logged as one
line with its reason, never with the traceback of the ``PermissionDenied`` that carried it."""

from __future__ import annotations

import logging


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
