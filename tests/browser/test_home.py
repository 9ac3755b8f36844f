"""A liaison official signs in and lands on their organization's home: its name, its liaison
official, and what another organization has shared with it since the last visit; the anonymous
home is the same as before. The home passes axe and fits at desktop and phone widths."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_browsing import SERIOUS, sign_in

pytestmark = pytest.mark.browser


def _share(page: Any, server: dict[str, Any], title: str) -> None:
    page.goto(server["url"] + "/documents/new/")
    page.fill("#id_title", title)
    page.select_option("#id_classification", "partnership")
    page.fill("#id_body", f"{title}: indicators shared with every partner.")
    page.click("button.primary")
    expect(page.locator("h1")).to_have_text(title)


def _home_of_eu(browser: Any, server: dict[str, Any], width: int) -> tuple[Any, Any]:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="en-GB")
    eu = context.new_page()
    sign_in(eu, server, "eu.liaison")
    expect(eu.locator("h1")).to_contain_text("European Union")
    expect(eu.locator("main")).to_contain_text("eu.liaison (demo account")
    serious = [v["id"] for v in Axe().run(eu).response["violations"] if v["impact"] in SERIOUS]
    assert serious == []
    assert eu.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    return context, eu.locator("section", has=eu.locator("#shared-heading"))


def test_a_liaison_official_sees_what_was_shared_with_their_organization(
    page: Any, browser: Any, server: dict[str, Any]
) -> None:
    sign_in(page, server, "au.liaison")
    _share(page, server, "Sahel early-warning bulletin")
    context, shared = _home_of_eu(browser, server, 1280)
    expect(shared).to_contain_text("Sahel early-warning bulletin")
    expect(shared).to_contain_text("African Union")
    context.close()

    # The next visit shows only what was shared since the last one.
    _share(page, server, "Horn of Africa mediation note")
    context, shared = _home_of_eu(browser, server, 390)
    expect(shared).to_contain_text("since your last visit")
    expect(shared).to_contain_text("Horn of Africa mediation note")
    expect(shared).not_to_contain_text("Sahel early-warning bulletin")
    context.close()

    anonymous = browser.new_context()
    public = anonymous.new_page()
    public.goto(server["url"] + "/")
    expect(public.locator("h1")).to_have_text("The partnership for a more secure world")
    expect(public.locator("main")).not_to_contain_text("Horn of Africa mediation note")
    anonymous.close()
