"""A session ends after INTERLOCK_SESSION_IDLE_MINUTES without a request."""

import pytest

from interlock.accounts.middleware import LAST_SEEN

pytestmark = pytest.mark.django_db


def _idle_for(client, seconds: int) -> None:
    session = client.session
    session[LAST_SEEN] -= seconds
    session.save()


def test_a_session_idle_longer_than_the_limit_is_signed_out(client_for, settings) -> None:
    settings.SESSION_IDLE_MINUTES = 30
    owner = client_for("owner")
    assert owner.get("/accounts/profile/").status_code == 200
    _idle_for(owner, 30 * 60 + 1)
    response = owner.get("/accounts/profile/")
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
    page = owner.get(response["Location"]).content.decode()
    assert "signed out after a time without activity" in page
    assert owner.get("/api/v1/me").json()["authenticated"] is False


def test_a_session_used_within_the_limit_goes_on(client_for, settings) -> None:
    settings.SESSION_IDLE_MINUTES = 30
    owner = client_for("owner")
    owner.get("/accounts/profile/")
    _idle_for(owner, 29 * 60)
    assert owner.get("/accounts/profile/").status_code == 200
    _idle_for(owner, 29 * 60)  # activity moved the mark: 58 minutes since sign-in, 29 idle
    assert owner.get("/accounts/profile/").status_code == 200
