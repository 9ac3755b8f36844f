"""Sign-in throttling: one person's wrong passwords lock that user name from that address, not the
office behind the address; a higher ceiling per address; the page says what is locked, and until
when. The clock is axes' own (``axes.handlers.proxy.now``), set by the test."""

import datetime as dt

import pytest

from conftest import CAST_PASSWORD
from interlock.accounts.services import api_token_issue

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
OFFICE = "10.20.30.40"


@pytest.fixture
def clock(monkeypatch):
    """The instant axes stamps on each attempt; ``clock.advance(minutes=…)`` moves it."""

    class Clock:
        now = START

        def advance(self, **delta: float) -> None:
            self.now += dt.timedelta(**delta)

    instance = Clock()
    monkeypatch.setattr("axes.handlers.proxy.now", lambda: instance.now)
    return instance


def _sign_in(client, username: str, password: str, address: str = OFFICE, **headers):
    return client.post(
        "/accounts/sign-in/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def _fail(client, username: str, times: int, address: str = OFFICE) -> None:
    for _ in range(times):
        _sign_in(client, username, "wrong", address)


def test_wrong_passwords_lock_that_account_from_that_address_until_the_cool_off_ends(
    client, clock, settings
) -> None:
    _fail(client, "au.member", settings.AXES_FAILURE_LIMIT - 1)
    clock.advance(minutes=2)
    response = _sign_in(client, "au.member", "wrong")
    assert response.status_code == 429
    page = response.content.decode()
    assert "“au.member” from this address is paused until 09:17 UTC" in page
    assert response["Retry-After"] == str(15 * 60)
    clock.advance(minutes=14, seconds=59)
    assert _sign_in(client, "au.member", CAST_PASSWORD).status_code == 429
    clock.advance(minutes=1)
    assert _sign_in(client, "au.member", CAST_PASSWORD).status_code == 302


def test_a_colleague_at_the_same_address_still_signs_in(client, clock, settings) -> None:
    _fail(client, "au.member", settings.AXES_FAILURE_LIMIT)
    assert _sign_in(client, "au.member", CAST_PASSWORD).status_code == 429
    assert _sign_in(client, "au.liaison", CAST_PASSWORD).status_code == 302


def test_the_same_account_from_another_address_still_signs_in(client, clock, settings) -> None:
    _fail(client, "au.member", settings.AXES_FAILURE_LIMIT)
    assert _sign_in(client, "au.member", CAST_PASSWORD, "10.20.30.41").status_code == 302


def test_user_names_that_do_not_exist_lock_only_themselves(client, clock, settings) -> None:
    for n in range(3):
        _fail(client, f"nobody{n}", settings.AXES_FAILURE_LIMIT - 1)
    assert _sign_in(client, "au.member", CAST_PASSWORD).status_code == 302


def test_an_address_is_locked_for_everyone_past_its_ceiling(client, clock, settings) -> None:
    settings.SIGN_IN_ADDRESS_LIMIT = 12
    for n in range(3):
        _fail(client, f"guess{n}", 4)
    response = _sign_in(client, "au.liaison", CAST_PASSWORD)
    assert response.status_code == 429
    assert "Sign-in from this address is paused for every account until 09:15 UTC" in (
        response.content.decode()
    )
    assert _sign_in(client, "au.liaison", CAST_PASSWORD, "10.20.30.41").status_code == 302


def test_the_forwarded_address_is_ignored_unless_the_proxy_is_trusted(
    client, clock, settings
) -> None:
    forged = {"HTTP_X_FORWARDED_FOR": "192.0.2.1"}
    for n in range(settings.AXES_FAILURE_LIMIT):
        forged["HTTP_X_FORWARDED_FOR"] = f"192.0.2.{n}"  # a new address every time, if believed
        _sign_in(client, "au.member", "wrong", **forged)
    assert _sign_in(client, "au.member", CAST_PASSWORD, **forged).status_code == 429


def test_behind_a_trusted_proxy_each_client_is_counted_apart(client, clock, settings) -> None:
    settings.TRUSTED_PROXIES = ["10.20.30.0/24"]
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "au.member", "wrong", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7")
    locked = _sign_in(client, "au.member", CAST_PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert locked.status_code == 429
    other = _sign_in(client, "au.member", CAST_PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert other.status_code == 302


def test_api_tokens_keep_working_while_their_account_is_locked(client, clock, settings, cast):
    _token, raw = api_token_issue(actor=cast["owner"], name="sync")
    _fail(client, "au.liaison", settings.AXES_FAILURE_LIMIT)
    assert _sign_in(client, "au.liaison", CAST_PASSWORD).status_code == 429
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}, REMOTE_ADDR=OFFICE)
    assert me.json()["username"] == "au.liaison"
