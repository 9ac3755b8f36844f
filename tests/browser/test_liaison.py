"""A liaison official keeps the organization's profile and their contacts, hands the post over, and
the directory shows the successor; the anonymous public cannot reach the directory."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_browsing import SERIOUS, sign_in

pytestmark = pytest.mark.browser

HAND_BACK = """
import datetime as dt
from interlock.accounts.models import User
from interlock.liaison.selectors import current_appointment
from interlock.registry.models import Organization
from interlock.registry.services import liaison_hand_over
au = Organization.objects.get(acronym="AU")
appointment = current_appointment(organization=au)
liaison_hand_over(
    actor=appointment.user, appointment=appointment,
    successor=User.objects.get(username="au.liaison"),
    person_name="au.liaison (demo account, not a real official)", started_on=dt.date.today(),
)
"""


def test_a_liaison_official_keeps_the_office_and_hands_the_post_over(
    page: Any, server: dict[str, Any]
) -> None:
    sign_in(page, server, "au.liaison")
    page.goto(server["url"] + "/organizations/AU/liaison-office/")
    serious = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
    assert serious == []
    page.fill("#id_profile-head_name", "Chairperson of the Commission")
    page.click("text=Save the profile")
    expect(page.locator(".messages")).to_contain_text("The profile is saved.")

    page.fill("#id_contact-telephone", "12345")
    page.click("text=Save the contact details")
    expect(page.locator("main")).to_contain_text("international form")
    page.fill("#id_contact-email", "liaison@au.example.org")
    page.fill("#id_contact-telephone", "+251 11 551 7700")
    page.check("input[name=contact-working_languages][value=fr]")
    page.click("text=Save the contact details")
    expect(page.locator(".messages")).to_contain_text("Your contact details are saved.")

    page.select_option("#id_handover-successor", label="au.member")
    page.fill("#id_handover-person_name", "Bello Successor")
    page.click("button:has-text('Hand over')")
    page.wait_for_url(server["url"] + "/liaison/")
    expect(page.locator("main")).to_contain_text("Bello Successor")
    expect(page.locator("main")).not_to_contain_text("au.liaison (demo account")

    # The other browser tests share this server and act as the AU's liaison official: hand back.
    server["manage"]("shell", "-c", HAND_BACK)
    page.goto(server["url"] + "/liaison/")
    expect(page.locator("main")).to_contain_text("au.liaison (demo account")

    anonymous = page.context.browser.new_context()
    public = anonymous.new_page()
    public.goto(server["url"] + "/liaison/")
    assert "/accounts/sign-in/" in public.url
    anonymous.close()
