"""The PDF brief: headless Chromium prints it; without Chromium, one line says what to install.

The rendering tests skip, saying why, where Chromium or pdftoppm (poppler-utils) is absent;
page 1 is saved as a PNG under test-artifacts/brief/ for a person to look at.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from tests.api._sample import Sample
from tests.report.conftest import SUMMIT_PUBLISHER

import axiswatch
from axiswatch.report import write_brief
from axiswatch.report.pdf import ENV_ENGINE, PdfError, find_engine, html_to_pdf, print_command

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _fake_engine(folder: Path, body: str) -> Path:
    """An executable shell script standing in for Chromium."""
    path = folder / "fake-chromium"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_no_engine_on_path_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(ENV_ENGINE, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PdfError, match=r"apt-get install chromium") as caught:
        find_engine()
    assert "\n" not in str(caught.value)


def test_an_engine_variable_pointing_nowhere_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_ENGINE, str(tmp_path / "nowhere" / "chromium"))
    with pytest.raises(PdfError, match=rf"^\${ENV_ENGINE}=.*nowhere.*: no such program"):
        find_engine()


def test_the_engine_variable_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = _fake_engine(tmp_path, "exit 0")
    monkeypatch.setenv(ENV_ENGINE, str(fake))
    assert find_engine() == str(fake)


def test_the_command_prints_offline_with_a_throwaway_profile(tmp_path: Path) -> None:
    command = print_command("chromium", tmp_path / "b.html", tmp_path / "b.pdf", tmp_path / "p")
    assert command[0] == "chromium" and "--headless" in command
    assert f"--user-data-dir={tmp_path / 'p'}" in command
    assert f"--print-to-pdf={tmp_path / 'b.pdf'}" in command
    assert command[-1] == (tmp_path / "b.html").resolve().as_uri()
    assert any(flag.startswith("--proxy-server=") for flag in command)


def test_a_hanging_engine_is_stopped(tmp_path: Path) -> None:
    fake = _fake_engine(tmp_path, "sleep 30")
    started = time.monotonic()
    with pytest.raises(PdfError, match=r"did not print the PDF within 1 s"):
        html_to_pdf("<p>x</p>", tmp_path / "out.pdf", engine=str(fake), timeout=1)
    assert time.monotonic() - started < 10
    assert not (tmp_path / "out.pdf").exists()


def test_a_failing_engine_is_one_line_with_its_message(tmp_path: Path) -> None:
    fake = _fake_engine(tmp_path, "echo noise >&2; echo 'cannot open display' >&2; exit 3")
    with pytest.raises(PdfError, match=r"printed no PDF \(exit 3\): cannot open display$"):
        html_to_pdf("<p>x</p>", tmp_path / "out.pdf", engine=str(fake))


@pytest.fixture(scope="session")
def brief_pdf(report_sample: Sample, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's brief printed by the real engine (skipped without one)."""
    try:
        find_engine()
    except PdfError as e:
        pytest.skip(f"no Chromium to print with: {e}")
    out = tmp_path_factory.mktemp("pdf") / "brief.pdf"
    with axiswatch.open(report_sample.path) as ws:
        write_brief(ws, out, fmt="pdf", title="Quarterly brief: the northern triangle")
    return out


def _poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is absent: install Debian's poppler-utils to check the PDF")
    return found


def test_the_pdf_is_a_pdf(brief_pdf: Path) -> None:
    assert brief_pdf.read_bytes().startswith(b"%PDF")


def test_page_one_renders_to_png(brief_pdf: Path, artifacts: Path) -> None:
    prefix = artifacts / "brief-page"
    for old in artifacts.glob("brief-page*.png"):
        old.unlink()
    pdftoppm = _poppler("pdftoppm")
    args = [pdftoppm, "-png", "-r", "50", "-f", "1", "-l", "1", str(brief_pdf), str(prefix)]
    subprocess.run(args, check=True, timeout=60)
    (page,) = artifacts.glob("brief-page*.png")
    data = page.read_bytes()
    assert data.startswith(PNG_MAGIC)
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert 0.6 < width / height < 0.8  # a portrait page (A4 is 0.71)


def test_the_pdf_holds_the_title_summary_and_sources(brief_pdf: Path) -> None:
    pdftotext = _poppler("pdftotext")
    text = subprocess.run(
        [pdftotext, "-layout", str(brief_pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "Quarterly brief: the northern triangle" in text
    assert text.index("Summary") < text.rindex("Sources")
    assert SUMMIT_PUBLISHER in text
    assert "news.example.org" in text
