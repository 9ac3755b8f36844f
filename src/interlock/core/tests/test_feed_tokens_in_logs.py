"""A private calendar feed's address carries its token, so no log line may: gunicorn's access and
error logs and Django's request logs write the path with the token replaced."""

import datetime as dt
import logging
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from interlock.core.gunicorn_log import RedactingLogger
from interlock.core.log_filters import redact_feed_tokens
from interlock.meetings import services

TOKEN = "ilc_Zm9vYmFyLXNlY3JldC10b2tlbi1vZi1hLWNhbGVuZGFy"
FEED = f"/meetings/feeds/{TOKEN}/organization.ics"
SERIES_FEED = f"/meetings/feeds/{TOKEN}/series/high-level.ics"


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        (f"GET {FEED} HTTP/1.1", "GET /meetings/feeds/<redacted>/organization.ics HTTP/1.1"),
        (SERIES_FEED, "/meetings/feeds/<redacted>/series/high-level.ics"),
        ("/meetings/feeds/not-a-token/", "/meetings/feeds/<redacted>/"),  # mistyped, still hidden
        ("/meetings/feeds/12/revoke/", "/meetings/feeds/12/revoke/"),  # a number, not a secret
        ("/meetings/feeds/", "/meetings/feeds/"),  # the page itself
        ("/meetings/calendar/high-level.ics", "/meetings/calendar/high-level.ics"),  # public
    ],
)
def test_a_feed_token_is_replaced_wherever_it_stands_in_a_line(line: str, shown: str) -> None:
    assert redact_feed_tokens(line) == shown


def test_gunicorns_access_line_for_a_private_feed_names_no_token(tmp_path: Path) -> None:
    log_file = tmp_path / "access.log"
    config = Config()
    config.set("accesslog", str(log_file))
    logger = RedactingLogger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": FEED,
        "PATH_INFO": FEED,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.7",
        "HTTP_REFERER": f"https://interlock.example.org{SERIES_FEED}",
        "HTTP_USER_AGENT": "Calendar/1.0",
    }
    response = SimpleNamespace(status="200 OK", sent=512, headers=[], response_length=512)
    request = SimpleNamespace(headers=[("USER-AGENT", "Calendar/1.0")])
    logger.access(response, request, environ, dt.timedelta(milliseconds=12))
    logger.error("Error handling request %s", FEED)
    for handler in logger.access_log.handlers + logger.error_log.handlers:
        handler.flush()
    written = log_file.read_text()
    assert '"GET /meetings/feeds/<redacted>/organization.ics HTTP/1.1" 200 512' in written
    assert "/meetings/feeds/<redacted>/series/high-level.ics" in written  # the referrer
    assert TOKEN not in written
    assert TOKEN[4:20] not in written


def test_djangos_request_log_names_no_token_of_a_revoked_or_unknown_feed(
    client, cast, caplog
) -> None:
    token, raw = services.calendar_token_issue(actor=cast["owner"], name="Office")
    services.calendar_token_revoke(actor=cast["owner"], token=token)
    with caplog.at_level(logging.INFO):
        assert client.get(f"/meetings/feeds/{raw}/organization.ics").status_code == 410
        assert client.get(FEED).status_code == 404
        logging.getLogger("django.server").info('"GET %s HTTP/1.1" %s %s', SERIES_FEED, 200, 9)
    lines = [record.getMessage() for record in caplog.records]
    assert "Gone: /meetings/feeds/<redacted>/organization.ics" in lines
    assert "Not Found: /meetings/feeds/<redacted>/organization.ics" in lines
    assert '"GET /meetings/feeds/<redacted>/series/high-level.ics HTTP/1.1" 200 9' in lines
    assert raw not in caplog.text and TOKEN not in caplog.text


APP = """
def application(environ, start_response):
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"no"]
"""


def test_gunicorn_as_make_run_starts_it_writes_no_token(tmp_path: Path) -> None:
    """The configuration ``make run`` and docs/operations.md give (``-c
    python:interlock.gunicorn_conf``), on a real gunicorn serving a trivial application."""
    import socket

    (tmp_path / "trivial_app.py").write_text(APP)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log_file = tmp_path / "access.log"
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "trivial_app:application", "-c", "python:interlock.gunicorn_conf",
         "--bind", f"127.0.0.1:{port}", "--workers", "1", "--access-logfile", str(log_file),
         "--chdir", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{FEED}", timeout=1)
            except urllib.error.HTTPError:
                break  # served: the trivial application answers 404
            except OSError:
                time.sleep(0.1)
        for _ in range(50):
            if log_file.exists() and "organization.ics" in log_file.read_text():
                break
            time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=30)
    written = log_file.read_text()
    assert "GET /meetings/feeds/<redacted>/organization.ics HTTP/1.1" in written, written
    assert TOKEN not in written
