"""`axiswatch ingest`: read files and folders into the workspace."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from axiswatch.cli.options import DEFAULT_DB_PATH, DbOption, FormatOption, OutputFormat, resolve_db
from axiswatch.cli.output import cli_errors, progress_bar, render_rows, say
from axiswatch.errors import InputError

if TYPE_CHECKING:
    from axiswatch.workspace import IngestReport


def parse_date_option(value: str | None, *, option: str) -> dt.date | None:
    """A YYYY-MM-DD option value as a date; a clear error otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise InputError(f"{option} {value!r} is not a date: write it as YYYY-MM-DD") from e


def _gather_paths(paths: list[str], from_list: str | None) -> list[str]:
    from axiswatch.ingest.documents import iter_list_file

    gathered = list(paths)
    if from_list == "-":
        gathered.extend(iter_list_file(sys.stdin))
    elif from_list is not None:
        try:
            lines = Path(from_list).read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise InputError(f"{from_list}: cannot read the file list: {e.strerror}") from e
        gathered.extend(iter_list_file(lines))
    if not gathered:
        raise InputError("nothing to ingest: give files or folders, or --from-list FILE")
    return gathered


def report_ingest(report: IngestReport, events_held: int | None = None) -> None:
    """One line per failed file, then the summary (with the workspace's event count when
    given: mentions of one act count once); all on stderr."""
    for outcome in report.failed:
        sys.stderr.write(f"error: {outcome.path}: {outcome.reason}\n")
    for outcome in report.outcomes:
        if outcome.extract_error:
            sys.stderr.write(
                f"error: {outcome.path}: stored, but extraction failed: {outcome.extract_error}\n"
            )
    for outcome in report.outcomes:
        if outcome.completed and not outcome.extract_error:
            say(f"completed: {outcome.path} was stored without its events; extracted them now")
        elif outcome.status == "unchanged":
            say(f"unchanged: {outcome.path} is already stored as {outcome.document_id[:12]}")
    if report.skipped:
        say(f"skipped {len(report.skipped)} file(s) with unknown suffixes in folders")
    mentions = sum(o.events or 0 for o in report.outcomes)
    say(
        f"ingested: {report.count('added')} added, {report.count('unchanged')} unchanged, "
        f"{report.count('failed')} failed; {mentions} event mentions extracted"
        + (f"; the workspace holds {events_held} events" if events_held is not None else "")
    )


@cli_errors
def ingest_cmd(
    paths: Annotated[list[str] | None, typer.Argument(help="Files or folders (recursive).")] = None,
    from_list: Annotated[
        str | None,
        typer.Option("--from-list", help="A file listing paths, one a line; - for stdin."),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title for the documents.")] = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date, YYYY-MM-DD.")
    ] = None,
    no_extract: Annotated[
        bool, typer.Option("--no-extract", help="Store the documents without extracting events.")
    ] = False,
    db: DbOption = DEFAULT_DB_PATH,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Ingest plain text, Markdown, HTML and PDF files and extract their events.

    The same text is stored once; a document whose extraction fails keeps its text.
    """
    from axiswatch.workspace import Workspace

    date = parse_date_option(published, option="--published")
    targets = _gather_paths(paths or [], from_list)
    with (
        Workspace(resolve_db(db)) as ws,
        progress_bar("ingesting", enabled=sys.stderr.isatty()) as update,
    ):
        report = ws.ingest(
            targets, title=title, published=date, extract=not no_extract, progress=update
        )
        held = ws.event_total()  # each act once, rejected ones left out
    if fmt is not OutputFormat.table:
        rows = [
            {
                "path": o.path,
                "status": o.status,
                "document_id": o.document_id,
                "title": o.title,
                "reason": o.reason,
            }
            for o in report.outcomes
        ]
        render_rows(rows, ["path", "status", "document_id", "title", "reason"], fmt)
    report_ingest(report, held)
    if report.failed or any(o.extract_error for o in report.outcomes):
        raise typer.Exit(1)
