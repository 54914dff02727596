"""The brief as PDF: headless Chromium prints the self-contained HTML.

The engine is ``$AXISWATCH_CHROMIUM`` when set, else the first of ``chromium``,
``chromium-browser``, ``google-chrome``, ``google-chrome-stable`` on PATH. It runs with a
throwaway profile, a time limit, and a proxy that leads nowhere, so nothing is fetched (the
HTML needs nothing). Without an engine the error says what to install.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from axiswatch.errors import AxiswatchError

ENV_ENGINE = "AXISWATCH_CHROMIUM"
ENGINES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_S = 120.0
FLAGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-pdf-header-footer",
    "--proxy-server=127.0.0.1:9",  # the discard port: any fetch fails rather than goes out
)


class PdfError(AxiswatchError, RuntimeError):
    """No PDF engine, or the engine failed."""


def find_engine() -> str:
    """The Chromium binary to print with; PdfError saying what to install when there is none."""
    wanted = os.environ.get(ENV_ENGINE)
    if wanted:
        found = shutil.which(wanted)
        if found is None:
            raise PdfError(
                f"${ENV_ENGINE}={wanted}: no such program; point it at a Chromium or Chrome "
                "binary, or unset it and install chromium (apt-get install chromium)"
            )
        return found
    for name in ENGINES:
        found = shutil.which(name)
        if found:
            return found
    raise PdfError(
        "no PDF engine: install Chromium (apt-get install chromium) or set "
        f"${ENV_ENGINE}; --format html needs none"
    )


def print_command(engine: str, html: Path, pdf: Path, profile: Path) -> list[str]:
    """The command line that prints ``html`` to ``pdf``."""
    return [
        engine,
        *FLAGS,
        f"--user-data-dir={profile}",
        f"--print-to-pdf={pdf}",
        html.resolve().as_uri(),
    ]


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
    """Run the engine in its own process group; on timeout the whole group is killed."""
    try:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as e:
        raise PdfError(f"{command[0]}: cannot run it ({e.strerror or e})") from e
    with proc:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as e:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise PdfError(f"{command[0]} did not print the PDF within {timeout:g} s") from e
        return subprocess.CompletedProcess(command, proc.returncode, out, err)


def _last_line(stderr: bytes) -> str:
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    return lines[-1][:200] if lines else "no message"


def html_to_pdf(
    html: str, out: str | Path, *, engine: str | None = None, timeout: float = TIMEOUT_S
) -> Path:
    """Print ``html`` (a self-contained page) to the PDF file ``out``; returns its path."""
    out = Path(out)
    engine = engine or find_engine()
    with tempfile.TemporaryDirectory(prefix="axiswatch-pdf-") as tmp:
        folder = Path(tmp)
        page, printed = folder / "brief.html", folder / "brief.pdf"
        page.write_text(html, encoding="utf-8")
        result = _run(print_command(engine, page, printed, folder / "profile"), timeout)
        if not printed.is_file() or not printed.read_bytes().startswith(b"%PDF"):
            raise PdfError(
                f"{engine} printed no PDF (exit {result.returncode}): {_last_line(result.stderr)}"
            )
        shutil.move(printed, out)
    return out
