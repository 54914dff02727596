"""`axiswatch demo`: build a workspace from the bundled sample corpus and say what it did."""

from __future__ import annotations

import sys

import typer

from axiswatch.cli.options import DEFAULT_DB_PATH, DbOption, resolve_db
from axiswatch.cli.output import cli_errors, progress_bar, say
from axiswatch.demo.run import run_demo
from axiswatch.workspace import Workspace


@cli_errors
def demo_cmd(db: DbOption = DEFAULT_DB_PATH) -> None:
    """Ingest the sample briefs on China–Russia–North Korea relations, then summarise."""
    db = resolve_db(db)
    with Workspace(db) as ws, progress_bar("demo", enabled=sys.stderr.isatty()) as update:
        result = run_demo(ws, progress=update)
        docs = ws.documents()
    report = result.ingest
    out = sys.stdout
    out.write(f"axiswatch demo workspace: {db}\n")
    out.write(
        f"1. ingested the sample corpus: {report.count('added')} added, "
        f"{report.count('unchanged')} unchanged, {report.count('failed')} failed\n"
    )
    for d in docs:
        when = d.published.isoformat() if d.published else "undated"
        out.write(f"   {d.document_id[:12]}  {when}  {d.words:>4} words  {d.title}\n")
    out.write(f"{result.documents} documents stored.\n")
    out.write(f"Next: axiswatch --help, or axiswatch documents --db {db}\n")
    for failed in report.failed:
        say(f"error: {failed.path}: {failed.reason}")
    if report.failed:
        raise typer.Exit(1)
