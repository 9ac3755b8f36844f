"""The API's rate limit: 429 with Retry-After, per token, per user, or per address for the public.
The clock is the limiter's own (``ratelimit._now``), set by the test."""

import pytest

from interlock.accounts.services import api_token_issue

pytestmark = pytest.mark.django_db

T0 = 1_800_000_000.0  # the start of a one-minute window (divisible by 60)


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        now = T0 + 15

    instance = Clock()
    monkeypatch.setattr("interlock.accounts.ratelimit._now", lambda: instance.now)
    return instance


def test_the_public_is_limited_per_address_with_retry_after(client, clock, settings) -> None:
    settings.API_PUBLIC_RATE_PER_MINUTE = 3
    for _ in range(3):
        assert client.get("/api/v1/countries", REMOTE_ADDR="198.51.100.1").status_code == 200
    refused = client.get("/api/v1/organizations", REMOTE_ADDR="198.51.100.1")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "45"
    assert "Too many requests" in refused.json()["detail"]
    assert client.get("/api/v1/countries", REMOTE_ADDR="198.51.100.2").status_code == 200
    clock.now = T0 + 60
    assert client.get("/api/v1/countries", REMOTE_ADDR="198.51.100.1").status_code == 200


def test_a_token_has_its_own_limit_whatever_its_address(client, clock, settings, cast) -> None:
    settings.API_RATE_PER_MINUTE = 2
    settings.API_PUBLIC_RATE_PER_MINUTE = 100
    _token, raw = api_token_issue(actor=cast["owner"], name="x")
    bearer = {"Authorization": f"Bearer {raw}"}
    for address in ("198.51.100.1", "198.51.100.2"):
        assert client.get("/api/v1/me", headers=bearer, REMOTE_ADDR=address).status_code == 200
    refused = client.get("/api/v1/me", headers=bearer, REMOTE_ADDR="198.51.100.3")
    assert refused.status_code == 429 and int(refused["Retry-After"]) == 45
    assert client.get("/api/v1/me", REMOTE_ADDR="198.51.100.3").status_code == 200


def test_a_signed_in_session_is_limited_per_user(client_for, clock, settings) -> None:
    settings.API_RATE_PER_MINUTE = 1
    owner = client_for("owner")
    assert owner.get("/api/v1/me").status_code == 200
    assert owner.get("/api/v1/me").status_code == 429
    assert client_for("partner").get("/api/v1/me").status_code == 200
