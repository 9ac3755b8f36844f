"""Signing in: Argon2 hashes, throttling, CSRF."""

import pytest
from django.test import Client

from conftest import CAST_PASSWORD

pytestmark = pytest.mark.django_db


def test_a_member_of_the_cast_signs_in_and_sees_their_organization(client, cast) -> None:
    response = client.post(
        "/accounts/sign-in/", {"username": "au.liaison", "password": CAST_PASSWORD}, follow=True
    )
    assert response.context["user"] == cast["owner"]
    assert "African Union" in client.get("/accounts/profile/").content.decode()


def test_passwords_are_stored_as_argon2_hashes(cast) -> None:
    assert cast["owner"].password.startswith("argon2")


def test_a_wrong_password_is_refused_with_a_message(client) -> None:
    response = client.post("/accounts/sign-in/", {"username": "au.liaison", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    assert not response.context["user"].is_authenticated


def test_sign_in_is_throttled_after_repeated_failures(client, settings) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/accounts/sign-in/",
            {"username": "au.member", "password": "wrong"},
            REMOTE_ADDR="10.9.9.9",
        )
    response = client.post(
        "/accounts/sign-in/",
        {"username": "au.member", "password": CAST_PASSWORD},
        REMOTE_ADDR="10.9.9.9",
    )
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_sign_in_without_the_csrf_token_is_refused() -> None:
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/accounts/sign-in/", {"username": "au.liaison", "password": CAST_PASSWORD}
    )
    assert response.status_code == 403


def test_signing_out_takes_a_post(client_for) -> None:
    owner = client_for("owner")
    assert owner.get("/accounts/sign-out/").status_code == 405
    owner.post("/accounts/sign-out/")
    assert owner.get("/accounts/profile/").status_code == 302
