"""A whole meeting cycle in the browser (¶7a, ¶7b, ¶10): the secretariat plans the seventh
high-level meeting beside the Council's, invites, two liaison officials register, the agenda is
published (numbered items, a statement chosen from the library, a working group) and a liaison
official reads it, the record is circulated, two organizations comment, the secretariat disposes of every comment and finalizes,
and the next meeting's preparation page lists what remains open. Along the way each liaison
official finds the invitation, the circulated record and the disposition of their comment among
their notifications."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_browsing import SERIOUS, sign_in

pytestmark = pytest.mark.browser


def fill_meeting(page: Any, series: str, number: int, title: str, day: str = "") -> None:
    page.select_option("#id_series", series)
    page.fill("#id_number", str(number))
    page.fill("#id_title_en", title)
    if day:
        page.fill("#id_starts_on", day)
        page.fill("#id_ends_on", day)
    page.fill("#id_venue", "United Nations Headquarters, New York")


def no_serious_violations(page: Any) -> None:
    found = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
    assert found == []


AGENDA = "/meetings/high-level/7/agenda/"


def draft_agenda(secretariat: Any, url: str) -> None:
    """The secretariat adds two numbered items, the second for the working group on
    peacekeeping, and puts the Chairman's opening statement (found by searching the library) on
    the first."""
    secretariat.goto(url + AGENDA)
    expect(secretariat.locator("#agenda-status")).to_contain_text("Provisional")
    for number, title, group in (
        (1, "Opening of the meeting", ""),
        (2, "Cooperation in peacekeeping", "Peacekeeping"),
    ):
        secretariat.fill("#id_title_en", title)
        if group:
            secretariat.select_option("#id_working_group", label=group)
        secretariat.click("text=Add the item")
        expect(secretariat.locator(f"#item-{number} h2")).to_have_text(f"{number}. {title}")
    no_serious_violations(secretariat)
    secretariat.locator("#item-1").get_by_text("Edit the item, its documents and links").click()
    # Documents are chosen by searching what the secretariat may read, never by number.
    secretariat.fill("#id_document-search", "opening statement")
    choice = secretariat.locator(
        "#id_document-choices label", has_text="Conclusions of the Chairman"
    )
    choice.locator("input").check()
    secretariat.click("text=Put the document on the item")
    expect(secretariat.locator("#item-documents")).to_contain_text("Conclusions of the Chairman")
    no_serious_violations(secretariat)


def test_a_whole_cycle_from_planning_to_preparation(browser: Any, server: dict[str, Any]) -> None:
    url = server["url"]

    def as_user(username: str) -> Any:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        page = context.new_page()
        page.set_default_timeout(15_000)
        sign_in(page, server, username)
        return page

    secretariat = as_user("secretariat")
    # The Council's meeting with regional organizations, then the seventh beside it.
    secretariat.goto(url + "/meetings/new/?series=security-council")
    fill_meeting(
        secretariat, "security-council", 1, "Council and regional organizations", "2027-07-20"
    )
    secretariat.click("button.primary")
    expect(secretariat.locator("h1")).to_have_text("Council and regional organizations")
    secretariat.goto(url + "/meetings/new/?year=2027")
    expect(secretariat.locator("#council-proposal")).to_contain_text("coincide")
    assert secretariat.input_value("#id_starts_on") == "2027-07-20"
    assert secretariat.input_value("#id_ends_on") == "2027-07-21"
    no_serious_violations(secretariat)
    fill_meeting(secretariat, "high-level", 7, "Seventh high-level meeting")
    secretariat.click("button.primary")
    expect(secretariat.locator("h1")).to_have_text("Seventh high-level meeting")

    secretariat.click("text=Invite organizations")
    for name in ("African Union", "European Union"):
        secretariat.get_by_label(name, exact=True).check()
    secretariat.click("button.primary")
    expect(secretariat.locator("main")).to_contain_text("Invitations sent")

    for username, level, head in (
        ("au.liaison", "head", "Chairperson of the Commission"),
        ("eu.liaison", "deputy", "Deputy Secretary-General"),
    ):
        liaison = as_user(username)
        # The invitation waits among the official's notifications; the header counts it.
        expect(liaison.locator(".notifications-link .badge")).to_contain_text("1")
        liaison.click(".notifications-link")
        expect(liaison.locator(".notification.unread")).to_contain_text(
            "Your organization is invited to Seventh high-level meeting."
        )
        no_serious_violations(liaison)
        liaison.click("text=Mark all read")
        expect(liaison.locator(".notifications-link .badge")).to_have_count(0)
        liaison.goto(url + "/meetings/high-level/7/")
        liaison.click("#own-invitation a")
        liaison.select_option("#id_level", level)
        liaison.fill("#id_head_name", head)
        liaison.fill("#id_members", "Adviser one\nAdviser two")
        liaison.click("#form-panel button.primary")
        expect(liaison.locator("main")).to_contain_text(head)
        liaison.context.close()

    secretariat.goto(url + "/meetings/high-level/7/")
    # Two delegations counted, one of them at the level of head of organization.
    counted = secretariat.locator("table.figures tbody tr")
    expect(counted.nth(0).locator("td").nth(1)).to_have_text("2")
    expect(counted.nth(1).locator("td").nth(1)).to_have_text("1")

    # The agenda: numbered items, provisional (the secretariat's alone) until published.
    draft_agenda(secretariat, url)
    liaison = as_user("eu.liaison")
    liaison.goto(url + AGENDA)
    expect(liaison.locator("#agenda-status")).to_contain_text("not yet published")
    expect(liaison.locator("#item-1")).to_have_count(0)
    secretariat.goto(url + AGENDA)
    secretariat.click("text=Publish the agenda")
    expect(secretariat.locator("#agenda-status")).to_contain_text("Published on")
    # Published numbers hold: items are no longer moved or removed.
    expect(secretariat.locator("text=Move down")).to_have_count(0)
    liaison.reload()
    expect(liaison.locator("#agenda-status")).to_contain_text("Published on")
    expect(liaison.locator("#item-1 h2")).to_have_text("1. Opening of the meeting")
    expect(liaison.locator("#item-2 h2")).to_have_text("2. Cooperation in peacekeeping")
    expect(liaison.locator("#item-2")).to_contain_text("Peacekeeping")  # its working group
    # The Chairman's opening statement is a document of the library on the first item.
    statement = liaison.locator("#item-1 a", has_text="Conclusions of the Chairman")
    expect(statement).to_have_count(1)
    # The official reads the agenda; nothing on it is the secretariat's to change.
    expect(liaison.locator("text=Publish the agenda")).to_have_count(0)
    expect(liaison.locator("text=Add an agenda item")).to_have_count(0)
    no_serious_violations(liaison)
    statement.click()
    expect(liaison.locator("h1")).to_contain_text("Conclusions of the Chairman")
    liaison.context.close()

    # The record: drafted, circulated for comment.
    secretariat.goto(url + "/meetings/high-level/7/record/new/")
    secretariat.select_option("#id_classification", "partnership")
    secretariat.fill(
        "#id_text",
        "The meeting opened.\n\nParticipants reviewed peacekeeping.\n\nThe meeting closed.",
    )
    secretariat.click("button.primary")
    expect(secretariat.locator("#record-status")).to_have_text("Draft")
    secretariat.fill("#id_deadline", "2099-01-01T12:00")
    secretariat.click("text=Circulate for comment")
    expect(secretariat.locator("#record-status")).to_have_text("Circulated for comment")

    for username, paragraph, text in (
        ("au.liaison", 2, "Name the African Union's 10-year plan."),
        ("eu.liaison", 3, "Record the date of the next meeting."),
    ):
        liaison = as_user(username)
        liaison.goto(url + "/notifications/")
        expect(liaison.locator(".notification.unread")).to_contain_text(
            "is circulated for your comments."
        )
        liaison.goto(url + "/meetings/high-level/7/record/")
        liaison.fill("#id_paragraph", str(paragraph))
        liaison.fill("#id_text", text)
        liaison.click("text=Send the comment")
        expect(liaison.locator(f"#p{paragraph}")).to_contain_text(text)
        no_serious_violations(liaison)
        liaison.context.close()

    # The secretariat closes the round, disposes of every comment and finalizes.
    secretariat.goto(url + "/meetings/high-level/7/record/")
    secretariat.click("text=Close the round and revise")
    expect(secretariat.locator("#record-status")).to_have_text("Revised")
    forms = secretariat.locator("form[action*='/disposition/']")
    forms.nth(0).locator("select").select_option("accepted")
    forms.nth(0).locator("button").click()
    forms = secretariat.locator("form[action*='/disposition/']")
    forms.nth(1).locator("select").select_option("not_accepted")
    forms.nth(1).locator("input[name=reason]").fill("The date is not yet agreed.")
    forms.nth(1).locator("button").click()
    secretariat.click("text=Make the record final")
    expect(secretariat.locator("#record-status")).to_have_text("Final")

    # The EU's liaison official learns that their comment was disposed of.
    liaison = as_user("eu.liaison")
    liaison.goto(url + "/notifications/")
    expect(liaison.locator(".notification.unread").first).to_contain_text(
        "The secretariat has disposed of your comment on Record of the seventh high-level meeting"
    )
    liaison.context.close()

    # The eighth meeting's preparation page carries forward what remains open.
    secretariat.goto(url + "/meetings/new/")
    fill_meeting(secretariat, "high-level", 8, "Eighth high-level meeting", "2028-07-20")
    secretariat.click("button.primary")
    expect(secretariat.locator("h1")).to_have_text("Eighth high-level meeting")
    secretariat.goto(url + "/meetings/high-level/8/preparation/")
    expect(secretariat.locator("#unresolved")).to_contain_text(
        "Record the date of the next meeting."
    )
    expect(secretariat.locator("#unresolved")).not_to_contain_text("10-year plan")
    no_serious_violations(secretariat)
