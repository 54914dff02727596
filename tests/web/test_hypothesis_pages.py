"""The hypotheses pages in Chromium: a page of hypotheses at a time, each hypothesis' evidence
beyond its first items a page at a time, scores over all of it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.api._live import live_server
from tests.api._sample import build_sample, seed_hypotheses
from tests.web.conftest import Browsed

from axiswatch.api import create_app
from axiswatch.api.claims import HYPOTHESES_MODULE

pytestmark = pytest.mark.browser


@pytest.fixture
def many(browser, tmp_path: Path) -> Iterator[Browsed]:
    """A watched page on a server over a workspace with 55 hypotheses."""
    pytest.importorskip(HYPOTHESES_MODULE, reason="the hypotheses analysis is not installed")
    sample = build_sample(tmp_path)
    app = create_app(sample.path, token="")
    with app.state.axiswatch.writer() as ws:
        seed_hypotheses(ws)
    with live_server(app) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        seen = Browsed(page, base)
        errors = seen.console_errors
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: seen.requests.append(r.url))
        yield seen
        context.close()
        seen.check()


def test_hypotheses_page_by_page_and_the_rest_of_the_evidence(many: Browsed) -> None:
    page = many.page
    page.goto(many.base + "/hypotheses")
    assert page.locator("#hypothesis-total").inner_text() == "55"
    assert page.locator("li.hypothesis").count() == 50
    first = page.locator("li.hypothesis").first
    scores = first.locator("p.meta").inner_text()
    assert first.locator("tbody tr").count() == 20
    page.click("#next-page")
    page.wait_for_url("**/hypotheses?after=*")
    assert page.locator("li.hypothesis").count() == 5
    page.goto(many.base + "/hypotheses")
    page.locator("li.hypothesis a.more-evidence").first.click()
    page.wait_for_url("**/hypotheses/h-000?after=*")
    assert page.locator("li.hypothesis p.meta").inner_text() == scores
    total = int(page.locator("#evidence-total").inner_text())
    shown = page.locator("tbody tr").count()
    assert 0 < shown == total - 20
    many.shot("hypothesis-evidence-page")
