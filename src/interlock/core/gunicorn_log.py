"""gunicorn's logger with private calendar feed tokens replaced in every line it writes, access
log and error log alike (``core.log_filters.FeedTokens``). Configured by ``gunicorn_conf.py``
(``gunicorn -c python:interlock.gunicorn_conf``, as ``make run`` does)."""

from __future__ import annotations

from typing import Any

from gunicorn.glogging import Logger

from interlock.core.log_filters import FeedTokens


class RedactingLogger(Logger):
    """The access line ``"GET /meetings/feeds/ilc_…/organization.ics HTTP/1.1" 200`` is written
    ``"GET /meetings/feeds/<redacted>/organization.ics HTTP/1.1" 200``."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        # setup runs again when gunicorn reloads its configuration: one filter per log, once.
        for log in (self.error_log, self.access_log):
            if not any(isinstance(f, FeedTokens) for f in log.filters):
                log.addFilter(FeedTokens())
