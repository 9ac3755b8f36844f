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


@pytest.mark.parametrize(
    "path",
    ["/organizations/", "/documents/", "/documents/export.csv", "/api/v1/me", "/agreements/"],
)
def test_signed_in_responses_are_kept_by_no_cache(client_for, path: str) -> None:
    response = client_for("partner").get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_api_responses_to_a_token_are_kept_by_no_cache(client, cast) -> None:
    from interlock.accounts.services import api_token_issue

    _token, raw = api_token_issue(actor=cast["partner"], name="cache")
    response = client.get("/api/v1/agreements", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_public_pages_to_the_public_stay_cacheable(client) -> None:
    assert "no-store" not in client.get("/organizations/").get("Cache-Control", "")
