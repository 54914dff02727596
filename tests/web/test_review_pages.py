"""Accept and reject from the reader and event pages in Chromium, with and without the token,
against a real server on 127.0.0.1 that has writes on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.api._sample import Sample
from tests.web.conftest import SCREENSHOTS, writable_server

TOKEN = "review-token-0123456789"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Sample]]:
    with writable_server(tmp_path, TOKEN) as served:
        yield served


@pytest.fixture
def page(browser, server) -> Iterator[tuple[object, list[str], list[str]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    yield page, errors, requests
    context.close()
    base = server[0]
    assert [u for u in requests if not u.startswith((base, "data:"))] == []


def _unexpected(errors: list[str]) -> list[str]:
    """Console errors other than the browser's note on the refused (401) request."""
    return [e for e in errors if "status of 401" not in e]


def test_reader_accept_needs_the_token(page, server) -> None:
    page, errors, _ = page
    base, sample = server
    summit = sample.documents["summit.md"]
    page.goto(f"{base}/documents/{summit.document_id}")
    widget = page.locator("#side-events .review").first
    assert widget.is_visible()
    widget.locator("button[data-action=accept]").click()
    message = widget.locator("[data-role=message]")
    page.wait_for_function(
        "el => el.textContent.includes('Authorization')", arg=message.element_handle()
    )
    assert widget.locator("[data-role=status]").inner_text() == "unreviewed"
    page.fill("#review-token", TOKEN)
    page.locator("#review-token").dispatch_event("change")
    widget.locator("button[data-action=accept]").click()
    page.wait_for_function("el => el.textContent === 'saved'", arg=message.element_handle())
    assert widget.locator("[data-role=status]").inner_text() == "accepted"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "reader-review.png"), full_page=True)
    page.reload()
    again = page.locator("#side-events .review").first
    assert again.locator("[data-role=status]").inner_text() == "accepted"
    assert page.input_value("#review-token") == TOKEN  # kept for the tab
    assert _unexpected(errors) == []


def test_event_page_reject_takes_it_off_the_timeline(page, server) -> None:
    page, errors, _ = page
    base, _sample = server
    page.goto(f"{base}/timeline?actor=CHN")
    before = int(page.inner_text("#event-count"))
    page.locator("#timeline a.evidence-link").first.click()
    page.fill("#review-token", TOKEN)
    page.locator("#review-token").dispatch_event("change")
    page.locator(".review button[data-action=reject]").click()
    status = page.locator(".review [data-role=status]")
    page.wait_for_function("el => el.textContent === 'rejected'", arg=status.element_handle())
    page.goto(f"{base}/timeline?actor=CHN")
    assert int(page.inner_text("#event-count")) == before - 1
    page.goto(f"{base}/timeline?actor=CHN&review=rejected")
    assert int(page.inner_text("#event-count")) == 1
    assert _unexpected(errors) == []


def test_event_page_correction_form(page, server) -> None:
    page, errors, _ = page
    base, _sample = server
    page.goto(f"{base}/timeline?actor=CHN&type=ACCUSE")
    page.locator("#timeline a.evidence-link").first.click()
    page.fill("#review-token", TOKEN)
    page.locator("#review-token").dispatch_event("change")
    form = page.locator("form.review-edit")
    form.locator("[name=event_type]").select_option("THREATEN")
    form.locator("[name=date_start]").fill("2020-03")
    form.locator("[name=date_end]").fill("2020-03")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator(".event-head .type").inner_text() == "THREATEN"
    assert page.locator(".review [data-role=status]").inner_text() == "corrected"
    assert "event_type" in page.inner_text("#reviews")
    form = page.locator("form.review-edit")
    form.locator("[name=target]").fill("XXX")
    form.locator("button[type=submit]").click()
    message = form.locator("[data-role=message]")
    page.wait_for_function(
        "el => el.textContent.includes('no such actor')", arg=message.element_handle()
    )
    assert [e for e in errors if "status of 400" not in e] == []
