"""Names in the reader's language: an Arabic or Chinese reader sees the names a source gives in
their language, English where none is stored, marked lang="en"; the pages pass axe."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

SERIOUS = {"serious", "critical"}


@pytest.mark.parametrize(
    ("language", "path", "native", "fallback"),
    [
        ("ar", "/organizations/", "جامعة الدول العربية", "North Atlantic Treaty Organization"),
        ("ar", "/organizations/LAS/", "جامعة الدول العربية", None),
        ("zh-hans", "/organizations/", "上海合作组织", "African Union"),
        ("zh-hans", "/organizations/SCO/", "上海合作组织", None),
        ("ar", "/organizations/NATO/", None, "North Atlantic Treaty Organization"),
    ],
)
def test_names_are_in_the_readers_language_or_marked_english_and_pass_axe(
    browser: Any, server: dict[str, Any], language: str, path: str, native: Any, fallback: Any
) -> None:
    context = browser.new_context()
    context.add_cookies([{"name": "django_language", "value": language, "url": server["url"]}])
    page = context.new_page()
    page.goto(server["url"] + path)
    assert page.locator("html").get_attribute("lang") == language
    if native:
        assert native in page.locator("main").inner_text()
    if fallback:
        marked = page.locator('main [lang="en"]', has_text=fallback).first
        assert marked.is_visible()
    results = Axe().run(page)
    context.close()
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in SERIOUS]
    assert serious == [], results.generate_report()
