"""`axiswatch extract`: print the events of files or of a JSON-lines corpus, without storing."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from axiswatch.cli.options import DEFAULT_DB_PATH, DbOption, resolve_db
from axiswatch.cli.output import cli_errors, progress_bar
from axiswatch.errors import IngestError, InputError
from axiswatch.model import Document

if TYPE_CHECKING:
    from axiswatch.extract.pipeline import SourceText


def iter_jsonl_sources(path: str) -> Iterator[SourceText]:
    """A corpus given as JSON lines {"id", "text", "published"?}; '-' reads stdin."""
    from axiswatch.extract.pipeline import SourceText

    handle = sys.stdin if path == "-" else None
    try:
        lines = handle.readlines() if handle else Path(path).read_text("utf-8").splitlines()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from e
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{n}: not JSON ({e.msg}): one object per line") from e
        except RecursionError as e:
            raise InputError(f"{path}:{n}: nested too deeply: one flat object per line") from e
        if not isinstance(row, dict) or "text" not in row or "id" not in row:
            raise InputError(f"{path}:{n}: needs the fields 'id' and 'text'")
        if not isinstance(row["text"], str):
            raise InputError(f"{path}:{n}: field 'text' must be a string")
        try:
            row["text"].encode("utf-8")
        except UnicodeEncodeError as e:
            raise InputError(
                f"{path}:{n}: field 'text' holds a lone surrogate ({e.object[e.start]!r} at "
                f"{e.start}): write the character as a pair or drop it"
            ) from e
        published = row.get("published")
        try:
            date = dt.date.fromisoformat(published[:10]) if published else None
        except (TypeError, ValueError) as e:
            raise InputError(f"{path}:{n}: field 'published' {published!r}: use YYYY-MM-DD") from e
        yield SourceText(str(row["id"]), str(row["text"]), None, date)


def file_documents(paths: list[str], failed: list[str]) -> Iterator[tuple[Path, Document]]:
    """The readable files under the paths, read; each other one gets an error line on stderr
    and is added to ``failed`` (so that the command can exit 1 at the end)."""
    from axiswatch.ingest.documents import build_document, iter_candidate_files

    found = iter_candidate_files(paths)
    for missing in found.missing:
        sys.stderr.write(f"error: {missing}: no such file or folder: check the path\n")
        failed.append(missing)
    for path in found.files:
        try:
            document, _ = build_document(path)
        except IngestError as e:
            sys.stderr.write(f"error: {e}\n")
            failed.append(str(path))
            continue
        yield path, document


def file_sources(paths: list[str], failed: list[str] | None = None) -> Iterator[SourceText]:
    """The readable files under the paths as extraction sources; the others are reported."""
    from axiswatch.extract.pipeline import SourceText

    for path, document in file_documents(paths, failed if failed is not None else []):
        yield SourceText.of(document, path.name)


@cli_errors
def extract_cmd(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders to read.")] = None,
    jsonl_in: Annotated[
        str | None, typer.Option("--jsonl-in", help='JSON lines {"id","text","published"?}.')
    ] = None,
    undated: Annotated[
        bool, typer.Option("--undated", help="Also keep events whose date is unknown.")
    ] = False,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl (one event a line) or json.")
    ] = "jsonl",
) -> None:
    """Extract dated PLOVER/CAMEO events and print them; nothing is stored."""
    from axiswatch.evaluation.guide import guide_row

    if fmt not in {"jsonl", "json"}:
        raise InputError(f"--format {fmt!r}: choose jsonl or json")
    if not paths and not jsonl_in:
        raise InputError("nothing to extract: give files or folders, or --jsonl-in FILE")
    failed: list[str] = []
    sources = (
        list(iter_jsonl_sources(jsonl_in)) if jsonl_in else list(file_sources(paths or [], failed))
    )
    from axiswatch.extract.pipeline import Extractor

    extractor = Extractor(keep_undated=undated)
    rows = []
    with progress_bar("extracting", enabled=sys.stderr.isatty()) as update:
        for event in extractor.extract(sources, progress=update):
            row = guide_row(event)
            if fmt == "jsonl":
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                rows.append(row)
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise typer.Exit(1)  # the readable files were extracted; the others are named above


@cli_errors
def reextract_cmd(db: DbOption = DEFAULT_DB_PATH) -> None:
    """Extract events and claims again from every stored document (after an upgrade)."""
    from axiswatch.workspace import Workspace

    with (
        Workspace(resolve_db(db)) as ws,
        progress_bar("re-extracting", enabled=sys.stderr.isatty()) as update,
    ):
        total = ws.extract_all(progress=update)
        documents = ws.document_count()
        claims = len(ws.claims())
    sys.stderr.write(f"re-extracted {documents} documents: {total} events, {claims} claims\n")
