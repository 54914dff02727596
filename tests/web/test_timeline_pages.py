"""The timeline in a real browser: pages by cursor, filters kept in the address, exports."""

from __future__ import annotations

import csv
import io

import pytest
from tests.web.conftest import Browsed

pytestmark = pytest.mark.browser


def _ids(browsed: Browsed) -> list[str]:
    return browsed.page.eval_on_selector_all(
        "li.event a[href^='/events/']", "els => [...new Set(els.map(e => e.getAttribute('href')))]"
    )


def test_timeline_pages_through_every_event_once(browsed: Browsed) -> None:
    page = browsed.page
    page.goto(browsed.base + "/timeline")
    total = int(page.locator("#event-total").inner_text())
    page.goto(browsed.base + "/timeline?limit=2")
    seen: list[str] = []
    for _ in range(total):
        seen += _ids(browsed)
        if page.locator("#next-page").count() == 0:
            break
        page.click("#next-page")
        assert "limit=2" in page.url and "after=" in page.url
    assert len(seen) == total == len(set(seen))
    browsed.shot("timeline-last-page")


def test_timeline_exports_exactly_the_page_shown(browsed: Browsed) -> None:
    page = browsed.page
    page.goto(browsed.base + "/timeline?limit=2")
    page.click("#next-page")
    shown = [href.rsplit("/", 1)[1] for href in _ids(browsed)]
    csv_href = page.locator("#export-csv").get_attribute("href")
    assert "after=" in csv_href and "limit=2" in csv_href
    body = page.request.get(browsed.base + csv_href).text()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [r["event_id"] for r in rows] == shown
    assert all(r["sentence"] for r in rows)
    json_href = page.locator("#export-json").get_attribute("href")
    listed = page.request.get(browsed.base + json_href).json()["events"]
    assert [e["event_id"] for e in listed] == shown
