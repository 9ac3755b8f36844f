"""The division of labour in a browser: a situation recorded, a task added, the engine run, its
reasons read, the plan adopted, and the Article 54 notification drafted."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_browsing import SERIOUS, sign_in

pytestmark = pytest.mark.browser


def test_the_secretariat_divides_the_labour_and_drafts_the_article_54_notification(
    page: Any, server: dict[str, Any]
) -> None:
    sign_in(page, server, "secretariat")
    page.goto(server["url"] + "/situations/new/")
    page.fill("#id_title", "Haiti electoral support (browser)")
    page.select_option("#id_kind", "political_crisis")
    page.select_option("#id_phase", "prevention")
    page.select_option("#id_countries", "HTI")
    page.select_option("#id_classification", "partnership")
    page.click("button.primary")
    expect(page.locator("h1")).to_have_text("Haiti electoral support (browser)")

    page.click("text=Add a task")
    form = page.locator("#task-form")
    form.locator("select[name=domain]").select_option("electoral-assistance")
    form.locator("input[name=description]").fill("Observers for the elections")
    form.locator("input[name=amount]").fill("100")
    form.locator("input[name=priority]").fill("5")
    form.locator("select[name=country]").select_option("HTI")
    form.locator("button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Observers for the elections")

    page.click("text=Run the engine")
    plan = page.locator("table.plan")
    expect(plan).to_contain_text("OAS")
    expect(plan).to_contain_text("Article 52(2) gives it preference")
    expect(page.locator("main")).to_contain_text("Demo data")
    serious = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
    assert serious == []

    page.click("text=Adopt this plan")
    expect(page.locator("main")).to_contain_text("The plan is adopted")
    page.goto(server["url"] + "/situations/notifications/")
    row = page.locator("tr", has_text="Haiti electoral support (browser)")
    expect(row).to_contain_text("OAS")
    expect(row.locator("button", has_text="Mark as sent")).to_be_visible()
    row.locator("a", has_text="Read and edit the draft").click()
    french = page.locator("#text-field-fr")
    expect(page.locator("#text-field-en")).to_contain_text("Article 54")
    expect(french).to_contain_text("Au Président du Conseil de sécurité")
    expect(page.locator("#text-field-ar")).to_have_attribute("dir", "rtl")
    french.fill("Au Président du Conseil de sécurité\n\nTexte revu par le secrétariat.")
    page.locator("form", has=french).locator("button").click()
    expect(page.locator("main")).to_contain_text("History (2 texts)")
    expect(french).to_contain_text("Texte revu par le secrétariat.")
    serious = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
    assert serious == []
