"""`axiswatch import gdelt|icews|polecat FILE...` and `axiswatch export events`.

Mount with ``imports_app.command("gdelt")(gdelt_cmd)`` (and icews, polecat) and
``app.add_typer(export_app, name="export")``, or ``export_app.command("events")(export_cmd)``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from axiswatch.cli.options import DEFAULT_DB_PATH, DbOption, resolve_db
from axiswatch.cli.output import cli_errors, progress_bar, say
from axiswatch.importers._events_common import BATCH_ROWS, ImportSummary

PathsArg = Annotated[
    list[Path],
    typer.Argument(help="Event files as published (plain or .zip), or folders holding them."),
]
ActorsOption = Annotated[
    str | None,
    typer.Option(
        "--actors",
        help="Keep only events whose source or target is one of these ISO codes: CHN,RUS,PRK.",
    ),
]
RejectsOption = Annotated[
    Path | None,
    typer.Option(
        "--rejects",
        help="Folder for the reject files (default: <db>.rejects beside the workspace).",
        show_default=False,
    ),
]
BatchOption = Annotated[
    int, typer.Option("--batch-rows", min=1, help="Rows per batch (one transaction each).")
]


def import_events_cmd(
    kind: str,
    paths: list[Path],
    actors: str | None = None,
    db: Path | None = None,
    rejects: Path | None = None,
    batch_rows: int = BATCH_ROWS,
) -> ImportSummary:
    """Run one importer on the workspace and report the summary on stderr."""
    from axiswatch.importers._events_import import import_event_files
    from axiswatch.importers.event_formats import event_format
    from axiswatch.store.connect import connect

    con = connect(resolve_db(db))
    try:
        with progress_bar(f"{kind} rows", enabled=sys.stderr.isatty()) as update:
            summary = import_event_files(
                con,
                event_format(kind),
                paths,
                actors=actors,
                batch_rows=batch_rows,
                reject_dir=rejects,
                progress=update,  # type: ignore[arg-type]  # rich takes total=None
            )
    finally:
        con.close()
    report(summary)
    return summary


def report(summary: ImportSummary) -> None:
    """The summary of an import as lines for the terminal."""
    files = len(summary.files)
    say(
        f"{summary.kind}: read {summary.read:,} rows from {files} file{'s' * (files != 1)} "
        f"in {summary.seconds:.1f} s: added {summary.added:,}, duplicates "
        f"{summary.duplicates:,}, filtered out {summary.filtered:,}, rejected {summary.rejected:,}"
    )
    if summary.rejected:
        shown = summary.rejects
        where = ", ".join(summary.reject_files)
        say(f"rejected rows (first {len(shown)}; every one is in {where}):")
        for row in shown:
            say(f"  {row}")


@cli_errors
def gdelt_cmd(
    paths: PathsArg,
    actors: ActorsOption = None,
    db: DbOption = DEFAULT_DB_PATH,
    rejects: RejectsOption = None,
    batch_rows: BatchOption = BATCH_ROWS,
) -> None:
    """GDELT 1.0 daily or back-files and GDELT 2.0 exports (tab-separated, plain or zipped)."""
    import_events_cmd("gdelt", paths, actors, db, rejects, batch_rows)


@cli_errors
def icews_cmd(
    paths: PathsArg,
    actors: ActorsOption = None,
    db: DbOption = DEFAULT_DB_PATH,
    rejects: RejectsOption = None,
    batch_rows: BatchOption = BATCH_ROWS,
) -> None:
    """ICEWS event files (.tab with the 20-column header), plain or zipped."""
    import_events_cmd("icews", paths, actors, db, rejects, batch_rows)


@cli_errors
def polecat_cmd(
    paths: PathsArg,
    actors: ActorsOption = None,
    db: DbOption = DEFAULT_DB_PATH,
    rejects: RejectsOption = None,
    batch_rows: BatchOption = BATCH_ROWS,
) -> None:
    """POLECAT weekly event files (tab-separated with a header), plain or zipped."""
    import_events_cmd("polecat", paths, actors, db, rejects, batch_rows)


@cli_errors
def export_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="File format: parquet.")] = "parquet",
    origin: Annotated[
        list[str] | None,
        typer.Option("--origin", help="Only events of this origin (repeatable): gdelt, icews..."),
    ] = None,
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Export the stored events (every column) to a Parquet file."""
    from axiswatch.store.connect import connect
    from axiswatch.store.export import export_events

    con = connect(resolve_db(db))
    try:
        rows = export_events(con, out, fmt=fmt, origins=origin)
    finally:
        con.close()
    say(f"wrote {rows:,} events to {out}")


@cli_errors
def export_votes_cmd(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="The folder to write <table>.parquet files to.")
    ],
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Export the UN vote tables (roll calls, votes, ideal points) to Parquet files."""
    from axiswatch.store.connect import connect
    from axiswatch.store.export import export_votes

    con = connect(resolve_db(db))
    try:
        written = export_votes(con, out)
    finally:
        con.close()
    say(", ".join(f"{name}: {rows:,} rows" for name, rows in written.items()) + f" in {out}")


export_app = typer.Typer(help="Export workspace tables to files.", no_args_is_help=True)
export_app.command("events")(export_cmd)
export_app.command("votes")(export_votes_cmd)
