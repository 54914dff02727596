"""An ingest cut short leaves no half-written document once `ingest` runs again."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import axiswatch
from axiswatch.demo.run import corpus_path
from axiswatch.store import claims as claims_store

COPIES = 6


def _counts(db: Path) -> tuple[int, int, int, int]:
    with axiswatch.open(db) as ws:
        con = ws.con
        return tuple(  # type: ignore[return-value]
            con.execute(sql).fetchone()[0]
            for sql in (
                "SELECT count(*) FROM documents",
                "SELECT count(*) FROM documents WHERE extracted_at IS NULL",
                "SELECT count(*) FROM events",
                "SELECT count(*) FROM claims",
            )
        )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    with corpus_path() as source:
        for path in source.glob("*.md"):
            text = path.read_text(encoding="utf-8")
            for n in range(COPIES):  # distinct texts, so that ingesting takes a while
                (folder / f"{path.stem}-{n}.md").write_text(f"{text}\nCopy {n}.\n")
    return folder


@pytest.fixture(scope="module")
def clean_counts(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    db = tmp_path_factory.mktemp("clean") / "w.duckdb"
    with axiswatch.open(db) as ws:
        ws.ingest([corpus])
    return _counts(db)


def test_a_document_stored_without_its_claims_is_finished_by_the_next_ingest(
    corpus: Path, clean_counts: tuple, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "w.duckdb"

    def die(*args, **kwargs):
        raise KeyboardInterrupt  # as if the process were stopped between the two writes

    monkeypatch.setattr(claims_store, "write_claims", die)
    with axiswatch.open(db) as ws, pytest.raises(KeyboardInterrupt):
        ws.ingest([corpus])
    monkeypatch.undo()
    documents, unfinished, _, _ = _counts(db)
    assert (documents, unfinished) == (1, 1)
    with axiswatch.open(db) as ws:
        report = ws.ingest([corpus])
    assert sum(o.completed for o in report.outcomes) == 1
    assert sum(o.status == "added" for o in report.outcomes) == documents_total(corpus) - 1
    assert _counts(db) == clean_counts


@pytest.mark.slow
def test_kill_9_during_ingest_then_ingest_again_gives_the_uninterrupted_result(
    corpus: Path, clean_counts: tuple, tmp_path: Path
) -> None:
    interrupted = 0
    for delay in (3.0, 4.5, 6.0):
        db = tmp_path / f"killed-{delay}.duckdb"
        cmd = [sys.executable, "-m", "axiswatch", "--db", str(db), "ingest", str(corpus)]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            interrupted += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        assert rerun.returncode == 0, rerun.stderr
        assert _counts(db) == clean_counts
    assert interrupted >= 1  # at least one kill came midway


def documents_total(corpus: Path) -> int:
    return len(list(corpus.glob("*.md")))
