"""Every page the route sweep knows, at phone width (390 px) in English and Arabic: nothing scrolls
sideways, and axe finds no serious violation there or at desktop width.

Each page is opened by the member of the cast who sees the most of it (the secretariat where it
answers them, else the AU's liaison official, else the anonymous public), so that tables, forms
and filters render with content. One browser, one tab per reader and language, reused.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_browsing import sign_in
from tests.test_cast_sweep import PAGES

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# The cast of the sweep, as the demo accounts of the browser's server.
DEMO = {"secretariat": "secretariat", "owner": "au.liaison", "anonymous": None}
# Pages of more than HTML (API answers, CSV, vCard, PDF) have no layout to check.
NOT_PAGES = ("/api/", ".csv", ".vcf", ".pdf", ".ics", "/health/", "/documents/choices/")
EXTRA = ["/documents/1/", "/documents/?q=comparative+advantage&since=2020-13-45"]


def _reader(path: str) -> str:
    answers = PAGES.get(path, {})
    return next((part for part in DEMO if answers.get(part) == 200), "secretariat")


def _pages() -> list[tuple[str, str]]:
    paths = [p for p in sorted(PAGES) if not any(mark in p for mark in NOT_PAGES)] + EXTRA
    return [(path, _reader(path)) for path in paths]


OVERFLOW = """() => {
  const root = document.documentElement, width = root.clientWidth;
  if (root.scrollWidth <= width) return [];
  // Name the elements that stick out (not those clipped by a scrolling region), to say where to look.
  const clipped = e => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    return false;
  };
  return [...document.querySelectorAll('body *')].filter(e => {
    const box = e.getBoundingClientRect();
    return (box.right > width + 1 || box.left < -1) && !clipped(e) && !e.matches('.skip-link');
  }).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))
    .concat(['scrollWidth ' + root.scrollWidth + ' > ' + width]);
}"""


SERIOUS_OF_AXE = """() => axe.run({resultTypes: ['violations']}).then(r => r.violations
  .filter(v => ['serious', 'critical'].includes(v.impact))
  .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))"""


@pytest.fixture(scope="module")
def tabs(browser: Any, server: dict[str, Any]) -> Any:
    contexts, opened = [], {}
    for language in ("en", "ar"):
        for part, username in DEMO.items():
            context = browser.new_context(viewport=PHONE, locale="en-GB")
            context.add_cookies(
                [{"name": "django_language", "value": language, "url": server["url"]}]
            )
            # axe-core is in every page before its own scripts: no 500 kB sent for each check.
            context.add_init_script(Axe().axe_script)
            page = context.new_page()
            page.set_default_timeout(20_000)
            if username:
                sign_in(page, server, username)
            contexts.append(context)
            opened[language, part] = page
    yield opened
    for context in contexts:
        context.close()


def test_no_page_scrolls_sideways_at_phone_width_and_axe_finds_nothing_serious(
    tabs: Any, server: dict[str, Any]
) -> None:
    """Every page in both languages at 390 px for the scroll; axe at 390 px in Arabic (right to
    left on a phone, where layouts break first) and at 1280 px in English, once per page."""
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()  # axe runs once per page reached (a 404 page is one)
    for path, part in _pages():
        for language in ("en", "ar"):
            page = tabs[language, part]
            page.set_viewport_size(PHONE)
            response = page.goto(server["url"] + path)
            assert page.locator("html").get_attribute("lang") == language
            wide = page.evaluate(OVERFLOW)
            if wide:
                problems.append(f"{language} 390px {part} {path} scrolls sideways: {wide}")
            reached = page.url if response.status == 200 else str(response.status)
            if (language, reached) in seen:
                continue
            seen.add((language, reached))
            if language == "en":
                page.set_viewport_size(DESKTOP)
            width = "390px" if language == "ar" else "1280px"
            problems += [
                f"{language} {width} {part} {path} {v}" for v in page.evaluate(SERIOUS_OF_AXE)
            ]
    assert problems == [], "\n".join(problems)


def test_the_menu_opens_and_closes_at_phone_width(tabs: Any, server: dict[str, Any]) -> None:
    for language in ("en", "ar"):
        page = tabs[language, "secretariat"]
        page.set_viewport_size(PHONE)
        page.goto(server["url"] + "/organizations/")
        toggle = page.locator(".menu-toggle")
        assert toggle.get_attribute("aria-expanded") == "false"
        header = page.locator(".site-header").bounding_box()
        assert header["height"] <= 80, f"{language}: the header takes {header['height']}px"
        assert not page.locator("nav.site-nav .nav").is_visible()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert page.locator("nav.site-nav .nav").is_visible()
        page.click("nav.site-nav .nav a[href='/documents/']")
        page.wait_for_url(server["url"] + "/documents/")
        page.set_viewport_size(DESKTOP)
        assert page.locator("nav.site-nav .nav").is_visible()


def test_checkboxes_sit_beside_their_labels(tabs: Any, server: dict[str, Any]) -> None:
    for language in ("en", "ar"):
        page = tabs[language, "secretariat"]
        page.set_viewport_size(PHONE)
        for path in ("/documents/new/", "/agreements/new/"):
            page.goto(server["url"] + path)
            boxes = page.locator("main input[type=checkbox]")
            assert boxes.count() > 0
            for index in range(boxes.count()):
                box = boxes.nth(index)
                label = page.locator(f"label[for='{box.get_attribute('id')}']")
                near, far = box.bounding_box(), label.bounding_box()
                middle = near["y"] + near["height"] / 2
                # Beside the label's first line, not above it (a label may wrap to two lines).
                assert far["y"] <= middle <= far["y"] + 28, (
                    f"{language} {path}: {box.get_attribute('id')} is not beside its label"
                )


def test_the_checks_find_a_page_that_is_too_wide_and_an_image_without_text(
    tabs: Any, server: dict[str, Any]
) -> None:
    page = tabs["en", "anonymous"]
    page.set_viewport_size(PHONE)
    page.goto(server["url"] + "/")
    assert page.evaluate(OVERFLOW) == []
    # Through the CSSOM: the content security policy refuses a style attribute in markup.
    page.evaluate(
        """() => {
          const wide = document.createElement('div');
          wide.className = 'too-wide';
          wide.textContent = 'A line that a phone cannot hold';
          wide.style.inlineSize = '900px';
          document.querySelector('main').append(wide, document.createElement('img'));
        }"""
    )
    assert "div.too-wide" in page.evaluate(OVERFLOW)
    assert any(found.startswith("image-alt") for found in page.evaluate(SERIOUS_OF_AXE))
