"""Browser tests: Playwright drives Debian's Chromium against the app on 127.0.0.1.

Every page a test opens is watched: console errors, uncaught page errors, dialogs, and every
request's URL. ``Browsed.check()`` fails the test on a console error or on a request to any
host but the test server. Screenshots go to test-artifacts/screenshots/ (gitignored).
Skipped with the reason when /usr/bin/chromium is not installed (``apt-get install chromium``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from tests.api._live import live_server
from tests.api._sample import Sample, build_sample

from axiswatch.api import create_app

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@dataclass
class Browsed:
    """A page with what it logged and requested."""

    page: object
    base: str
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def check(self) -> None:
        """No console errors, and no request to any other host than the test server."""
        assert self.console_errors == []
        outside = [u for u in self.requests if not u.startswith((self.base, "data:"))]
        assert outside == []

    def shot(self, name: str) -> Path:
        """Save a full-page screenshot under test-artifacts/screenshots/."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture(scope="session")
def web_sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    """The sample workspace for the browser tests."""
    return build_sample(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="session")
def base_url(web_sample: Sample) -> Iterator[str]:
    """The real server's address (uvicorn on 127.0.0.1, a free port)."""
    with live_server(create_app(web_sample.path, token="")) as base:
        yield base


@pytest.fixture
def browsed(browser, base_url: str) -> Iterator[Browsed]:
    """A fresh page, watched; its checks run after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = Browsed(page, base_url)
    page.on("console", lambda m: seen.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.console_errors.append(str(e)))
    page.on("request", lambda r: seen.requests.append(r.url))

    def on_dialog(dialog) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield seen
    context.close()
    seen.check()


@contextmanager
def writable_server(folder: Path, token: str) -> Iterator[tuple[str, Sample]]:
    """A fresh sample workspace in ``folder`` served with writes on (``token``)."""
    sample = build_sample(folder)
    with live_server(create_app(sample.path, token=token)) as base:
        yield base, sample
