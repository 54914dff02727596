"""A server with a read token in Chromium: the link with the token opens the workbench, whose
pages and their scripts then read through the cookie; without it, only the 401 answer."""

from __future__ import annotations

from pathlib import Path

from tests.api._live import live_server
from tests.api._sample import build_sample
from tests.web.conftest import SCREENSHOTS

from axiswatch.api import create_app


def test_the_link_opens_the_workbench_and_its_scripts_read(browser, tmp_path: Path) -> None:
    sample = build_sample(tmp_path)
    with live_server(create_app(sample.path, token="", read_token="read-0123456789")) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        outside = context.new_page()
        refused = outside.goto(f"{base}/timeline")
        assert refused is not None and refused.status == 401
        outside.close()
        page = context.new_page()  # watched from here on: the refusal above logs an error
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        opened = page.goto(f"{base}/timeline?token=read-0123456789")
        assert opened is not None and opened.status == 200
        assert page.url == f"{base}/timeline"  # the token is not left in the address bar
        assert page.locator("li.event").count() >= 1
        page.goto(f"{base}/network")
        page.wait_for_load_state("networkidle")
        assert page.locator("svg").count() >= 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "read_token_network.png"), full_page=True)
        assert errors == []
        context.close()
