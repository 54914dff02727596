"""`axiswatch demo`: build a workspace from the bundled sample corpus and say what it did."""

from __future__ import annotations

import sys

import typer

from axiswatch.cli.options import DEFAULT_DB_PATH, DbOption, resolve_db
from axiswatch.cli.output import cli_errors, progress_bar, say
from axiswatch.demo.run import TRIANGLE, run_demo
from axiswatch.workspace import Workspace


@cli_errors
def demo_cmd(db: DbOption = DEFAULT_DB_PATH) -> None:
    """Ingest the sample briefs on China–Russia–North Korea relations, then summarise."""
    db = resolve_db(db)
    with Workspace(db) as ws, progress_bar("demo", enabled=sys.stderr.isatty()) as update:
        result = run_demo(ws, progress=update)
        docs = ws.documents()
    report = result.ingest
    out = sys.stdout.write
    out(f"axiswatch demo workspace: {db}\n")
    out(
        f"1. ingested the sample corpus: {report.count('added')} added, "
        f"{report.count('unchanged')} unchanged, {report.count('failed')} failed\n"
    )
    for d in docs:
        when = d.published.isoformat() if d.published else "undated"
        out(f"   {d.document_id[:12]}  {when}  {d.words:>4} words  {d.title}\n")
    out(f"{result.documents} documents stored.\n")
    types = ", ".join(f"{t} {n}" for t, n in result.by_type.items())
    out(f"2. extracted {result.events} dated events with evidence: {types}\n")
    out("   busiest dyads: " + ", ".join(f"{d} {n}" for d, n in result.dyads) + "\n")
    out(f"3. the {'–'.join(TRIANGLE)} triangle by year (sign of each dyad, Dittmer pattern):\n")
    for period in result.triangle:
        signs = "  ".join(
            f"{d['dyad']} {_sign(d['sign'])}({d['n_ab'] + d['n_ba']})" for d in period["dyads"]
        )
        out(f"   {period['period']}: {signs}  -> {period['configuration']}\n")
    out(
        f"Next: axiswatch timeline --db {db} | axiswatch events show ID --why --db {db} | "
        f"axiswatch dyad RUS PRK --db {db}\n"
    )
    for failed in report.failed:
        say(f"error: {failed.path}: {failed.reason}")
    if report.failed:
        raise typer.Exit(1)


def _sign(sign: int | None) -> str:
    """+, - or 0 for a dyad's sign; ? when too few events decide it."""
    return {1: "+", -1: "-", 0: "0"}.get(sign, "?") if sign is not None else "?"
