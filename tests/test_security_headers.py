"""Every page carries a content security policy that allows nothing from outside this server."""

import pytest

pytestmark = pytest.mark.django_db


def test_pages_forbid_outside_sources_and_framing(client) -> None:
    response = client.get("/organizations/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_load_nothing_from_other_hosts(client) -> None:
    body = client.get("/organizations/AU/").content.decode()
    for marker in ('src="http', "src='http", 'href="https://cdn', "<style", " style="):
        assert marker not in body
