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
    mentions: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    dyads: list[tuple[str, int]] = field(default_factory=list)
    triangle: list[dict[str, Any]] = field(default_factory=list)
    dyad: list[dict[str, Any]] = field(default_factory=list)
    alignment: list[dict[str, Any]] = field(default_factory=list)
    alignment_notes: list[str] = field(default_factory=list)
    reference: list[str] = field(default_factory=list)
    charts: list[Path] = field(default_factory=list)
    claims: int = 0
    checkable: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)
    hypotheses: int = 0
    brief: Path | None = None


def run_demo(
    ws: Workspace,
    *,
    charts_dir: Path | None = None,
    brief: Path | None = None,
    progress: Progress | None = None,
) -> DemoResult:
    """Ingest and extract the sample corpus into ``ws`` (idempotent), then measure it.

    Reference data the workspace lacks comes from the bundled pack. With ``charts_dir``, the
    triangle, the RUS-PRK dyad and the UN vote alignment of RUS, CHN, PRK and USA are also
    written there as charts.
    """
    from axiswatch.analysis.charts import (
        alignment_chart,
        dyad_chart,
        triangle_chart,
        write_chart,
    )

    with corpus_path() as folder:
        report = ws.ingest([folder], progress=progress)
    reference = ws.ensure_reference()
    events = ws.event_list()
    dyads = Counter("–".join(sorted((e.source or "?", e.target or "?"))) for e in events)
    triangle = ws.triangle_periods(*TRIANGLE, by="year")
    dyad = ws.dyad("RUS", "PRK", by="year")
    alignment = ws.votes_align(["RUS", "CHN", "PRK", "USA"], start=1991, end=2024)
    charts: list[Path] = []
    if charts_dir is not None:
        charts_dir.mkdir(parents=True, exist_ok=True)
        charts.append(write_chart(triangle_chart(triangle), charts_dir / "triangle.html"))
        charts.append(write_chart(dyad_chart(dyad), charts_dir / "dyad-RUS-PRK.html"))
        charts.append(write_chart(alignment_chart(alignment), charts_dir / "votes.html"))
    verdicts = Counter(v.verdict for v in ws.verify())
    claims = ws.claims()
    if brief is not None:
        from axiswatch.report.brief import write_brief

        write_brief(ws, brief, actors=TRIANGLE)
    both = dyad[dyad["direction"] == "both"]
    return DemoResult(
        ingest=report,
        documents=ws.document_count(),
        events=len(events),
        mentions=sum(e.mentions or 1 for e in events),
        by_type=dict(Counter(e.event_type for e in events).most_common()),
        dyads=dyads.most_common(5),
        triangle=triangle,
        dyad=both[["period", "n_events", "n_mentions", "goldstein_mean"]].to_dict("records"),
        alignment=alignment.to_dict("records"),
        alignment_notes=list(alignment.attrs.get("notes", [])),
        reference=reference,
        charts=charts,
        claims=len(claims),
        checkable=sum(1 for c in claims if c.checkable_against != "none"),
        verdicts=dict(verdicts.most_common()),
        hypotheses=len(ws.hypotheses()),
        brief=brief,
    )
