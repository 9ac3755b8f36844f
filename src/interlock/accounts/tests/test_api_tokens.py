"""API tokens for machine clients: issued once, stored hashed, revocable."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone
from ninja.errors import HttpError

from interlock.accounts.api_auth import BearerOrSession
from interlock.accounts.models import ApiToken, TokenScope
from interlock.accounts.services import api_token_issue, api_token_revoke

pytestmark = pytest.mark.django_db


def test_a_token_acts_as_its_user(client, cast) -> None:
    _token, raw = api_token_issue(actor=cast["secretariat"], name="reporting")
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).json()
    assert me == {
        "authenticated": True,
        "username": "secretariat",
        "organization": "UN",
        "role": "secretariat",
    }
    assert (
        client.get("/api/v1/audit", headers={"Authorization": f"Bearer {raw}"}).status_code == 200
    )


def test_only_a_hash_of_the_token_is_stored(cast) -> None:
    token, raw = api_token_issue(actor=cast["owner"], name="x")
    assert raw not in token.digest and raw[:12] == token.prefix
    assert not ApiToken.objects.filter(digest=raw).exists()


def test_a_revoked_or_wrong_token_is_refused(client, cast) -> None:
    token, raw = api_token_issue(actor=cast["owner"], name="x")
    api_token_revoke(actor=cast["owner"], token=token)
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
    assert (
        client.get("/api/v1/me", headers={"Authorization": "Bearer ilk_not-a-token"}).status_code
        == 401
    )


def test_without_a_token_the_api_answers_the_public(client) -> None:
    assert client.get("/api/v1/me").json()["authenticated"] is False
    assert client.get("/api/v1/organizations").status_code == 200


def test_the_profile_page_shows_a_new_token_once(client_for) -> None:
    owner = client_for("owner")
    page = owner.post("/accounts/tokens/", {"name": "sync"}, follow=True)
    assert "ilk_" in page.content.decode()
    again = owner.get("/accounts/profile/").context["new_token"]
    assert again is None


def test_an_unnamed_token_is_refused_with_a_message(client_for, cast) -> None:
    page = client_for("owner").post("/accounts/tokens/", {"name": ""}, follow=True)
    assert "Give the token a name." in page.content.decode()
    assert not ApiToken.objects.filter(user=cast["owner"]).exists()


def test_one_may_not_revoke_another_users_token(client_for, cast) -> None:
    token, _raw = api_token_issue(actor=cast["partner"], name="x")
    assert client_for("owner").post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_token_lasts_the_days_chosen_at_issue_and_then_is_refused_with_the_reason(
    client, cast, settings
) -> None:
    token, raw = api_token_issue(actor=cast["owner"], name="x", days=7)
    assert token.expires_at - token.created_at == dt.timedelta(days=7)
    bearer = {"Authorization": f"Bearer {raw}"}
    assert client.get("/api/v1/me", headers=bearer).json()["authenticated"] is True
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now())
    refused = client.get("/api/v1/me", headers=bearer)
    assert refused.status_code == 401
    assert "expired" in refused.json()["detail"]


def test_the_default_lifetime_is_the_configured_one_and_the_longest_is_capped(cast, settings):
    token, _raw = api_token_issue(actor=cast["owner"], name="x")
    assert (token.expires_at - token.created_at).days == settings.API_TOKEN_DAYS
    with pytest.raises(ValidationError):
        api_token_issue(actor=cast["owner"], name="x", days=settings.API_TOKEN_MAX_DAYS + 1)


def test_a_token_of_a_deactivated_account_is_refused(client, cast) -> None:
    _token, raw = api_token_issue(actor=cast["owner"], name="x")
    type(cast["owner"]).objects.filter(pk=cast["owner"].pk).update(is_active=False)
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401


def test_a_read_only_token_is_refused_on_any_unsafe_method_with_the_reason(cast) -> None:
    # No API operation writes yet; the door every operation passes through is tried directly.
    _token, raw = api_token_issue(actor=cast["owner"], name="x", scope=TokenScope.READ)
    door = BearerOrSession()
    for method in ("post", "put", "patch", "delete"):
        request = getattr(RequestFactory(), method)("/api/v1/x", HTTP_AUTHORIZATION=f"Bearer {raw}")
        with pytest.raises(HttpError) as refused:
            door(request)
        assert refused.value.status_code == 403
        assert "read-only" in str(refused.value)
    reading = RequestFactory().get("/api/v1/x", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert door(reading) == cast["owner"]


def test_a_read_and_write_token_may_write(cast) -> None:
    _token, raw = api_token_issue(actor=cast["owner"], name="x", scope=TokenScope.READ_WRITE)
    writing = RequestFactory().post("/api/v1/x", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert BearerOrSession()(writing) == cast["owner"]


def test_the_profile_issues_a_token_with_the_chosen_lifetime_and_scope(client_for, cast) -> None:
    client_for("owner").post(
        "/accounts/tokens/", {"name": "sync", "days": "30", "scope": "read_write"}
    )
    token = ApiToken.objects.get(user=cast["owner"])
    assert token.scope == TokenScope.READ_WRITE
    assert (token.expires_at - token.created_at).days == 30


def test_the_token_list_names_the_state_of_each_token(client_for, cast) -> None:
    import re

    api_token_issue(actor=cast["owner"], name="active-one")
    revoked, _raw = api_token_issue(actor=cast["owner"], name="revoked-one")
    api_token_revoke(actor=cast["owner"], token=revoked)
    page = client_for("owner").get("/accounts/profile/").content.decode()
    rows = {
        name: re.sub(r"<[^>]+>", " ", row)
        for row in re.findall(r"<tr>.*?</tr>", page, flags=re.S)
        for name in ("active-one", "revoked-one")
        if name in row
    }
    assert "Active" in rows["active-one"] and "Revoke" in rows["active-one"]
    assert "Revoked" in rows["revoked-one"] and "Active" not in rows["revoked-one"]
