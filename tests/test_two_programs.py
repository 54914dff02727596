"""The workbench and the CLI on one workspace at once: real `axiswatch serve` and real CLI
processes; nothing fails for DuckDB's file lock and nothing is lost."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.api._live import free_port

from axiswatch.demo.run import corpus_path

AXISWATCH = [sys.executable, "-m", "axiswatch"]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "w.duckdb"
    port = free_port()
    proc = subprocess.Popen(
        [*AXISWATCH, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/documents", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.3)
    yield base, db
    proc.terminate()
    proc.wait(timeout=10)


def _corpus(folder: Path, copies: int) -> Path:
    folder.mkdir()
    with corpus_path() as source:
        for path in source.glob("*.md"):
            text = path.read_text(encoding="utf-8")
            for n in range(copies):
                (folder / f"{path.stem}-{n}.md").write_text(f"{text}\nCopy {n}.\n")
    return folder


@pytest.mark.slow
def test_cli_ingest_and_reads_while_the_workbench_serves(server, tmp_path: Path) -> None:
    base, db = server
    corpus = _corpus(tmp_path / "docs", copies=3)
    statuses: list[int] = []
    stop = threading.Event()

    def read() -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            while not stop.is_set():
                for path in ("/api/documents", "/api/events", "/timeline", "/api/triangle"):
                    statuses.append(http.get(path).status_code)

    readers = [threading.Thread(target=read) for _ in range(10)]
    for t in readers:
        t.start()
    try:
        ingest = subprocess.run(
            [*AXISWATCH, "--db", str(db), "ingest", str(corpus)],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        listed = subprocess.run(
            [*AXISWATCH, "--db", str(db), "events", "-f", "csv"],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        dyad = subprocess.run(
            [*AXISWATCH, "--db", str(db), "dyad", "RUS", "PRK", "-f", "json"],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        stop.set()
        for t in readers:
            t.join(timeout=120)
    assert ingest.returncode == 0, ingest.stderr
    assert "24 added" in ingest.stderr
    assert listed.returncode == 0 and dyad.returncode == 0, listed.stderr + dyad.stderr
    assert statuses and set(statuses) == {200}
    documents = httpx.get(f"{base}/api/documents", timeout=60).json()
    assert documents["count"] == 24
