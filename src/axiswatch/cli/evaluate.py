"""`axiswatch eval GOLD [PATHS]` and `axiswatch export gold`: a team's own measure."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from axiswatch.cli.options import DEFAULT_DB_PATH, DbOption, OutputFormat, resolve_db
from axiswatch.cli.output import cli_errors, progress_bar, render_rows, say
from axiswatch.errors import InputError

DOC_COLUMNS = ["doc", "gold", "pred", "matched", "precision", "recall", "f1", "strict_f1"]


def _predictions(
    paths: list[str] | None, pred: Path | None, db: Path | None
) -> tuple[list[dict], set[str] | None]:
    """The predicted events, and the documents they were made on (None: every gold one)."""
    from axiswatch.evaluation.guide import guide_row, read_guide_jsonl

    if paths and pred:
        raise InputError("give PATHS to extract or --pred FILE, not both")
    if pred is not None:
        rows = read_guide_jsonl(pred, required=("doc", "sentence", "source", "target"))
        return rows, None
    if paths:
        from axiswatch.cli.extract import file_sources
        from axiswatch.extract.pipeline import Extractor

        failed: list[str] = []
        sources = list(file_sources(paths, failed))
        if failed:
            raise InputError(f"{len(failed)} of the given files cannot be read (named above)")
        with progress_bar("extracting", enabled=sys.stderr.isatty()) as update:
            rows = [guide_row(e) for e in Extractor().extract(sources, progress=update)]
        return rows, {s.doc for s in sources}
    from axiswatch.evaluation.gold import mention_rows
    from axiswatch.workspace import Workspace

    path = resolve_db(db)
    if not path.is_file():
        raise InputError(f"{path}: no workspace there; give PATHS to extract or --db WORKSPACE")
    with Workspace(path) as ws:
        return mention_rows(ws), None


@cli_errors
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold events, JSONL as in the annotation guide.")],
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files or folders to extract and score (default: the workspace)."),
    ] = None,
    pred: Annotated[
        Path | None, typer.Option("--pred", help="Score these predicted events (JSONL) instead.")
    ] = None,
    misses: Annotated[
        bool, typer.Option("--misses", help="Also list missed and spurious events.")
    ] = False,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table, json or csv.")
    ] = OutputFormat.table,
) -> None:
    """Score the extractor against gold events: precision, recall, F1, per field, per document.

    Matching is the shared scorer's (axiswatch.evaluation.scoring): same document,
    overlapping sentence, the same actor pair, overlapping dates; one to one.
    """
    from axiswatch.evaluation.guide import read_guide_jsonl
    from axiswatch.evaluation.scoring import score, score_by_document, summary_line

    gold_rows = read_guide_jsonl(gold)
    predicted, read = _predictions(paths, pred, db)
    if read is not None:  # the gold of the documents that were given, events found or not
        gold_rows = [g for g in gold_rows if str(g.get("doc")) in read]
    total = score(gold_rows, predicted)
    documents = score_by_document(gold_rows, predicted)
    if fmt is OutputFormat.json:
        out: dict[str, Any] = {"total": total, "documents": documents}
        if not misses:
            out["total"] = {k: v for k, v in total.items() if k not in {"missed", "spurious"}}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if misses:
        for kind in ("missed", "spurious"):
            for ev in total[kind]:
                sys.stdout.write(
                    f"{kind.upper():8} {ev.get('doc')}: {ev.get('date_start')} "
                    f"{ev.get('source')}->{ev.get('target')} {ev.get('event_type')} | "
                    f"{(ev.get('sentence') or '')[:90]}\n"
                )
    render_rows(documents, DOC_COLUMNS, fmt, title="per document")
    if fmt is OutputFormat.table:
        sys.stdout.write(summary_line(total) + "\n")


@cli_errors
def export_gold_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="The JSONL file to write.")],
    reviewed: Annotated[
        bool,
        typer.Option(
            "--reviewed/--all",
            help="Only events an analyst accepted or corrected (default), or every event "
            "not rejected (a start for annotation).",
        ),
    ] = True,
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Write events as annotation-guide JSONL, one line per mention: the gold for `eval`."""
    from axiswatch.evaluation.gold import gold_rows
    from axiswatch.workspace import Workspace

    path = resolve_db(db)
    if not path.is_file():
        raise InputError(f"{path}: no workspace there; choose one with --db")
    with Workspace(path) as ws:
        rows = gold_rows(ws, reviewed=reviewed)
    tmp = out.with_name(out.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        tmp.replace(out)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise InputError(f"{out}: cannot write: {e.strerror}") from e
    say(f"wrote {len(rows)} gold events to {out}")
