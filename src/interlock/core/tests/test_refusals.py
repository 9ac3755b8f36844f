"""One behaviour for the same situation: a page that needs an account sends the anonymous public
to sign in, and a refusal is logged as one line, not a traceback."""

import logging

import pytest

pytestmark = pytest.mark.django_db


def test_the_audit_trail_sends_the_anonymous_public_to_sign_in(client_for) -> None:
    response = client_for("anonymous").get("/audit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")


def test_a_refusal_is_logged_as_one_line_with_no_traceback(client_for, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client_for("owner").get("/audit/")
    assert response.status_code == 403
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info is None
    assert "/audit/" in record.getMessage()
    assert "Traceback" not in caplog.text
    assert len(caplog.text.strip().splitlines()) == 1


def test_other_records_keep_their_traceback() -> None:
    from interlock.core.log_filters import OneLineRefusals

    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = logging.LogRecord("django.request", logging.ERROR, "", 0, "x", (), sys.exc_info())
    record.status_code = 500
    assert OneLineRefusals().filter(record)
    assert record.exc_info is not None
