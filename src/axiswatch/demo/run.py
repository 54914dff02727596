"""Build a demo workspace from the bundled sample corpus and summarise what it holds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from axiswatch.workspace import IngestReport, Progress, Workspace

TRIANGLE = ("CHN", "RUS", "PRK")


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
    events: int
    by_type: dict[str, int] = field(default_factory=dict)
    dyads: list[tuple[str, int]] = field(default_factory=list)
    triangle: list[dict[str, Any]] = field(default_factory=list)


def run_demo(ws: Workspace, *, progress: Progress | None = None) -> DemoResult:
    """Ingest and extract the sample corpus into ``ws`` (idempotent), then measure it."""
    with corpus_path() as folder:
        report = ws.ingest([folder], progress=progress)
    events = ws.events()
    dyads = Counter("–".join(sorted((e.source or "?", e.target or "?"))) for e in events)
    return DemoResult(
        ingest=report,
        documents=len(ws.documents()),
        events=len(events),
        by_type=dict(Counter(e.event_type for e in events).most_common()),
        dyads=dyads.most_common(5),
        triangle=ws.triangle_periods(*TRIANGLE, by="year"),
    )
