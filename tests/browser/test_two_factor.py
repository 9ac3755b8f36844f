"""A member turns on two-factor sign-in: types the code the authenticator computes from the key
the page shows, receives recovery codes, and at the next sign-in passes the second step with one
of them."""

from __future__ import annotations

from base64 import b32decode
from typing import Any

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

USERNAME = "two.factor.probe"
PASSWORD = "a passphrase only this test knows 2026"
CREATE = f"""
from interlock.accounts.services import user_create
from interlock.domain.permissions import Role
from interlock.registry.models import Organization
user_create(actor=None, username="{USERNAME}", email="probe@osce.invalid",
            organization=Organization.objects.get(acronym="OSCE"), role=Role.MEMBER,
            password="{PASSWORD}")
"""


def _sign_in(page: Any, server: dict[str, Any]) -> None:
    page.goto(server["url"] + "/accounts/sign-in/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.click("button.primary")


def test_a_member_turns_on_two_factor_sign_in_and_signs_in_with_a_recovery_code(
    page: Any, server: dict[str, Any]
) -> None:
    server["manage"]("shell", "-v", "0", "-c", CREATE)  # an account no other test signs in with
    _sign_in(page, server)
    page.wait_for_url(server["url"] + "/")
    page.goto(server["url"] + "/accounts/two-factor/")
    key = b32decode(page.locator("code.token").inner_text().replace(" ", ""))
    page.fill("#id_code", "000000" if TOTP(key).token() != 0 else "111111")
    page.click("button:has-text('Turn on')")
    expect(page.locator(".field-error")).to_contain_text("That code is not right")

    page.fill("#id_code", f"{TOTP(key).token():06d}")
    page.click("button:has-text('Turn on')")
    expect(page.locator(".messages")).to_contain_text("Two-factor sign-in is on.")
    codes = page.locator("ul.codes code").all_inner_texts()
    assert len(codes) >= 5

    page.click("button:has-text('Sign out')")
    _sign_in(page, server)
    page.wait_for_url("**/accounts/two-factor/verify/**")
    page.fill("#id_code", codes[0])
    page.click("button:has-text('Continue')")
    page.wait_for_url(server["url"] + "/")
    page.goto(server["url"] + "/accounts/profile/")
    expect(page.locator("main")).to_contain_text(f"Recovery codes left: {len(codes) - 1}.")
