"""Build a demo workspace from the bundled sample corpus."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from axiswatch.workspace import IngestReport, Progress, Workspace


@contextmanager
def corpus_path() -> Iterator[Path]:
    """The folder of sample briefs, as a real path for the duration of the block."""
    with resources.as_file(resources.files("axiswatch.demo") / "corpus") as path:
        yield Path(path)


@dataclass(frozen=True)
class DemoResult:
    """What the demo did, step by step."""

    ingest: IngestReport
    documents: int


def run_demo(ws: Workspace, *, progress: Progress | None = None) -> DemoResult:
    """Ingest the sample corpus into ``ws`` (idempotent) and report what is stored."""
    with corpus_path() as folder:
        report = ws.ingest([folder], progress=progress)
    return DemoResult(ingest=report, documents=len(ws.documents()))
