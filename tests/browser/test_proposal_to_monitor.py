"""A proposal walks from submission through two modifications to "endorsed with modifications",
becomes a decision with an action and an indicator, the lead organization's liaison official
reports on it, and the implementation monitor shows the report; the pages pass axe."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_browsing import SERIOUS, sign_in

pytestmark = pytest.mark.browser


def _as(browser: Any, server: dict[str, Any], username: str) -> Any:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(20_000)
    sign_in(page, server, username)
    return page


def _serious(page: Any) -> list[str]:
    return [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]


def _option(page: Any, select: str, text: str) -> str:
    return str(page.locator(f"{select} option", has_text=text).first.get_attribute("value"))


def test_a_proposal_becomes_a_monitored_decision(browser: Any, server: dict[str, Any]) -> None:
    au, eu = _as(browser, server, "au.liaison"), _as(browser, server, "eu.liaison")
    secretariat = _as(browser, server, "secretariat")

    # The AU puts a proposal forward, for the sixth meeting to consider.
    au.goto(server["url"] + "/proposals/new/")
    au.fill("#id_title", "Joint early-warning desk")
    au.select_option("#id_proposer_kind", "organization")
    au.select_option("#id_meeting", _option(au, "#id_meeting", "Sixth high-level"))
    au.fill("#id_text", "Set up a desk.\n\nStaff it from the AU.\n\nReport yearly.")
    au.click("button.primary")
    expect(au.locator(".messages")).to_contain_text("saved as a draft")
    proposal = au.url

    def move(to: str) -> None:
        secretariat.goto(proposal)
        secretariat.select_option("#to", to)
        secretariat.click("text=Change the state")
        expect(secretariat.locator(".messages")).to_contain_text("state is changed")

    move("submitted")

    # Two modifications: the AU replaces paragraph 2, the EU inserts after paragraph 3.
    for page, kind, paragraph, text in (
        (au, "replace", "2", "Staff it from the AU and the EU."),
        (eu, "insert", "3", "Share its alerts with the United Nations."),
    ):
        page.goto(proposal)
        page.click("text=Propose a modification")
        page.select_option("#id_kind", kind)
        page.fill("#id_paragraph", paragraph)
        page.fill("#id_text", text)
        page.click("button:has-text('Propose')")
        expect(page.locator(".messages")).to_contain_text("modification is proposed")

    move("under_consideration")
    secretariat.goto(proposal)
    for _ in range(2):
        secretariat.locator("form[action*='/modifications/'] button").first.click()
        expect(secretariat.locator(".messages")).to_contain_text("modification is decided")
    assert secretariat.locator("td", has_text="Accepted").count() == 2
    move("endorsed_with_modifications")
    secretariat.goto(proposal)
    expect(secretariat.locator("ol.diff ins").first).to_be_visible()
    expect(secretariat.locator("ol.diff")).to_contain_text("Share its alerts")
    assert _serious(secretariat) == []

    # The decision, an action led by the AU and an indicator due within the month.
    secretariat.click("text=Record the decision")
    expect(secretariat.locator(".messages")).to_contain_text("decision is recorded")
    decision = secretariat.url
    expect(secretariat.locator("blockquote")).to_contain_text("Staff it from the AU and the EU.")
    secretariat.click("text=Add an action")
    secretariat.fill("#id_action-title", "Open the desk")
    secretariat.select_option(
        "#id_action-lead", _option(secretariat, "#id_action-lead", "African Union")
    )
    secretariat.click("button:has-text('Add the action')")
    expect(secretariat.locator(".messages")).to_contain_text("action is added")
    secretariat.click("text=Add an indicator")
    secretariat.fill("#id_indicator-title", "Alerts shared")
    secretariat.fill("#id_indicator-reports_from", "2026-01-31")
    secretariat.fill("#id_indicator-reports_until", "2028-12-31")
    secretariat.fill("#id_indicator-every_months", "6")
    secretariat.click("button:has-text('Add the indicator')")
    expect(secretariat.locator(".messages")).to_contain_text("indicator is added")

    # The AU's liaison official reports on the first due date, and submits.
    au.goto(decision)
    au.locator("details:has(form[action*='/report/']) summary").click()
    au.select_option("#id_status", "in_progress")
    au.fill("#id_progress", "40")
    au.fill("#id_narrative", "The desk is open; two alerts shared.")
    au.check("#id_submit")
    au.click("text=Save the report")
    expect(au.locator(".messages")).to_contain_text("The report is saved.")
    expect(au.locator("main")).to_contain_text("two alerts shared")

    # The monitor counts the action in progress, led by the AU, and the report of its month.
    au.goto(server["url"] + "/decisions/monitor/")
    expect(au.locator("li:has(svg.status-in_progress) .bar-value")).to_have_text("1")
    expect(au.locator("main")).to_contain_text("African Union")
    assert _serious(au) == []
    for page in (au, eu, secretariat):
        page.context.close()
