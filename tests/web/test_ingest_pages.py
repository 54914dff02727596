"""The ingest form and the document list in Chromium, against a real server with writes on:
files and pasted text are stored behind the token; refusals store nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.api._sample import Sample
from tests.web.conftest import SCREENSHOTS, writable_server

from axiswatch.workspace import Workspace

pytestmark = pytest.mark.browser
TOKEN = "ingest-token-0123456789"
TEXT = (
    "Russian Foreign Minister Sergei Lavrov met North Korean Foreign Minister Choe Son Hui "
    "in Moscow on 16 January 2024. The two ministers signed a protocol on consular matters."
)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Sample]]:
    with writable_server(tmp_path, TOKEN) as served:
        yield served


@pytest.fixture
def page(browser, server) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    yield page
    context.close()
    assert [u for u in requests if not u.startswith((server[0], "data:"))] == []


def _documents(sample: Sample) -> int:
    with Workspace(sample.path) as ws:
        return len(ws.documents())


def _results(page) -> list[str]:
    from playwright.sync_api import expect

    expect(page.locator("#ingest-message")).to_have_text("done", timeout=60_000)
    return page.locator("#ingest-results li").all_inner_texts()


def test_pasted_text_and_file_are_stored_with_the_token(page, server, tmp_path: Path) -> None:
    base, sample = server
    before = _documents(sample)
    upload = tmp_path / "visit.md"
    upload.write_text("# Visit\n\nXi Jinping visited Moscow on 20 March 2023.\n", encoding="utf-8")
    page.goto(base + "/ingest")
    page.fill("#ingest-token", TOKEN)
    page.set_input_files("#ingest-files", str(upload))
    page.fill("#ingest-title", "Lavrov and Choe")
    page.fill("#ingest-published", "2024-01-17")
    page.fill("#ingest-text", TEXT)
    page.click("#ingest-form button[type=submit]")
    results = _results(page)
    assert len(results) == 2 and all(": added — " in r for r in results)
    page.screenshot(path=str(SCREENSHOTS / "ingest-stored.png"), full_page=True)
    assert _documents(sample) == before + 2
    page.locator("#ingest-results a", has_text="Lavrov and Choe").click()
    page.wait_for_url("**/documents/*")
    assert "Choe Son Hui" in page.locator(".doc-text").inner_text()
    page.goto(base + "/documents?q=lavrov")
    assert page.locator("#documents tbody tr").count() == 1
    assert page.locator("#document-count").inner_text() == "1"


def test_refusals_store_nothing_and_say_why(page, server) -> None:
    base, sample = server
    before = _documents(sample)
    page.goto(base + "/ingest")
    page.fill("#ingest-token", "wrong")
    page.fill("#ingest-text", TEXT)
    page.click("#ingest-form button[type=submit]")
    [wrong] = _results(page)
    assert "not the one this server was started with" in wrong
    page.goto(base + "/ingest")
    page.click("#ingest-form button[type=submit]")  # nothing chosen: the browser asks for the token
    page.fill("#ingest-token", TOKEN)
    page.click("#ingest-form button[type=submit]")
    assert page.locator("#ingest-message").inner_text() == "choose files or paste a text"
    assert _documents(sample) == before


def test_document_filters_are_checked(page, server) -> None:
    base, _ = server
    response = page.request.get(base + "/documents?since=2024-13-01")
    assert response.status == 400 and "since='2024-13-01' is not a date" in response.text()
