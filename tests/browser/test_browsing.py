"""A person signs in, browses the partnership, changes language, and the pages pass axe."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}


def sign_in(page: Any, server: dict[str, Any], username: str) -> None:
    page.goto(server["url"] + "/accounts/sign-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", server["passwords"][username])
    page.click("button.primary")
    page.wait_for_url(server["url"] + "/")


def test_the_secretariat_signs_in_and_sees_the_audit_trail(
    page: Any, server: dict[str, Any]
) -> None:
    sign_in(page, server, "secretariat")
    page.click("text=Audit trail")
    assert page.locator("h1").inner_text() == "Audit trail"
    assert page.locator("td code", has_text="reference.load").count() >= 1


def test_filtering_organizations_updates_the_results_in_place(
    page: Any, server: dict[str, Any]
) -> None:
    page.goto(server["url"] + "/organizations/")
    assert "22 organizations" in page.locator("#results").inner_text()
    page.select_option("#id_kind", "subregional")
    expect(page.locator("#results")).to_contain_text("3 organizations")
    assert "kind=subregional" in page.url  # the filtered view can be bookmarked
    page.fill("#id_as_of", "2005-07-25")
    page.locator("#id_as_of").dispatch_event("change")
    expect(page.locator("#results")).to_contain_text("2005")
    assert (
        page.locator("#results tbody tr", has_text="Southern African Development Community")
        .locator("td.num")
        .inner_text()
        == "13"
    )


def test_an_organization_page_shows_members_on_a_day(page: Any, server: dict[str, Any]) -> None:
    page.goto(server["url"] + "/organizations/EU/?as_of=2005-07-25")
    assert "25 member states" in page.locator("main").inner_text()
    assert page.locator(".bar-list li").count() >= 1


def test_changing_the_language_to_french_and_arabic(page: Any, server: dict[str, Any]) -> None:
    page.goto(server["url"] + "/organizations/")
    page.select_option("#language", "fr")
    page.click(".language button")
    assert page.locator("h1").inner_text() == "Organisations"
    assert page.locator("html").get_attribute("lang") == "fr"
    page.select_option("#language", "ar")
    page.click(".language button")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "المنظمات"


@pytest.mark.parametrize("path", ["/organizations/", "/organizations/OPCW/", "/documents/"])
def test_arabic_pages_read_right_to_left_without_serious_violations(
    browser: Any, server: dict[str, Any], path: str
) -> None:
    context = browser.new_context()
    context.add_cookies([{"name": "django_language", "value": "ar", "url": server["url"]}])
    arabic = context.new_page()
    arabic.goto(server["url"] + path)
    assert arabic.locator("html").get_attribute("dir") == "rtl"
    results = Axe().run(arabic)
    context.close()
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in SERIOUS]
    assert serious == [], results.generate_report()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/organizations/",
        "/organizations/AU/",
        "/meetings/6/",
        "/groups/working-groups/",
        "/documents/",
        "/documents/?q=comparative+advantage",
        "/documents/1/",
        "/accounts/sign-in/",
    ],
)
def test_pages_have_no_serious_accessibility_violations(
    page: Any, server: dict[str, Any], path: str
) -> None:
    page.goto(server["url"] + path)
    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in SERIOUS]
    assert serious == [], results.generate_report()


@pytest.mark.parametrize("path", ["/organizations/", "/organizations/AU/", "/meetings/6/"])
def test_pages_fit_a_phone_screen(browser: Any, server: dict[str, Any], path: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    phone = context.new_page()
    phone.goto(server["url"] + path)
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0, f"{path} is {overflow}px wider than the phone"


def test_the_accessibility_check_finds_violations_where_there_are_some(page: Any) -> None:
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')
    violations = {v["id"] for v in Axe().run(page).response["violations"]}
    assert {"image-alt", "label"} <= violations


def test_a_liaison_official_adds_a_restricted_document_and_finds_it(
    page: Any, server: dict[str, Any], tmp_path: Any
) -> None:
    sign_in(page, server, "au.liaison")
    page.goto(server["url"] + "/documents/new/")
    page.fill("#id_title", "Lake Chad basin situation report")
    page.select_option("#id_classification", "restricted")
    page.check("input[name=topics][value=peacekeeping]")
    page.fill("#id_body", "Cross-border patrols and humanitarian access in the Lake Chad basin.")
    upload = tmp_path / "annex.txt"
    upload.write_text("Annex: logistics of the joint patrols.")
    page.set_input_files("#id_upload", str(upload))
    page.click("button.primary")
    expect(page.locator("h1")).to_have_text("Lake Chad basin situation report")
    expect(page.locator("main")).to_contain_text("Who can read this document")
    serious = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
    assert serious == []
    page.goto(server["url"] + "/documents/?q=patrols")
    expect(page.locator(".results")).to_contain_text("Lake Chad basin situation report")


def test_the_agreements_page_is_accessible_to_a_signed_in_user(
    page: Any, server: dict[str, Any]
) -> None:
    sign_in(page, server, "eu.liaison")
    page.goto(server["url"] + "/agreements/")
    expect(page.locator("h1")).to_have_text("Agreements")
    serious = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
    assert serious == []
