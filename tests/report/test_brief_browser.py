"""The brief in a real browser: Playwright drives Debian's Chromium over the file itself.

Every [n] resolves in the live DOM to an entry of the Sources, following one scrolls to it,
nothing is fetched, and the print styles start the Sources on a new page. A screenshot goes
to test-artifacts/brief/. Skipped, saying why, without /usr/bin/chromium or Playwright.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(browser, brief_path: Path) -> Iterator[object]:
    """The brief open in headless Chromium, with every request it makes recorded."""
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    opened = context.new_page()
    opened.requests = []
    opened.on("request", lambda r: opened.requests.append(r.url))
    opened.goto(brief_path.resolve().as_uri())
    yield opened
    context.close()


def test_every_reference_resolves_in_the_dom(page) -> None:
    refs = page.eval_on_selector_all(
        "a.ref",
        "links => links.map(a => [a.getAttribute('href'),"
        " !!document.querySelector(a.getAttribute('href'))?.closest('#sources')])",
    )
    assert refs and all(inside for _, inside in refs), refs


def test_following_a_reference_shows_its_source(page, artifacts: Path) -> None:
    link = page.locator("#summary a.ref").first
    href = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == href
    box = page.locator(href).bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    assert page.evaluate(f"document.querySelector('{href}').matches(':target')")
    page.screenshot(path=str(artifacts / "brief-source-followed.png"))


def test_nothing_is_fetched(page) -> None:
    assert page.requests and all(u.startswith(("file:", "data:")) for u in page.requests)


def test_print_starts_the_sources_on_a_new_page(page) -> None:
    page.emulate_media(media="print")
    after = page.evaluate("getComputedStyle(document.querySelector('#sources')).breakBefore")
    page.emulate_media(media="screen")
    assert after == "page"
