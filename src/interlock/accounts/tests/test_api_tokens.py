"""API tokens for machine clients: issued once, stored hashed, revocable."""

import pytest

from interlock.accounts.models import ApiToken
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
