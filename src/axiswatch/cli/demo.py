"""`axiswatch demo`: build a workspace from the bundled sample corpus and say what it did."""

from __future__ import annotations

import sys

import typer

from axiswatch.cli.options import DEFAULT_DB_PATH, DbOption, resolve_db
from axiswatch.cli.output import cli_errors, progress_bar, say


@cli_errors
def demo_cmd(db: DbOption = DEFAULT_DB_PATH) -> None:
    """Ingest the sample briefs on China–Russia–North Korea relations, then summarise."""
    from axiswatch.demo.run import TRIANGLE, run_demo
    from axiswatch.workspace import Workspace

    db = resolve_db(db)
    with Workspace(db) as ws, progress_bar("demo", enabled=sys.stderr.isatty()) as update:
        charts_dir = db.resolve().parent / f"{db.stem}-charts"
        brief = db.resolve().parent / f"{db.stem}-brief.html"
        result = run_demo(ws, charts_dir=charts_dir, brief=brief, progress=update)
        docs = ws.documents()
    report = result.ingest
    out = sys.stdout.write
    out(f"axiswatch demo workspace: {db}\n")
    out(
        f"1. ingested the sample corpus: {report.count('added')} added, "
        f"{report.count('unchanged')} unchanged, {report.count('failed')} failed\n"
    )
    for d in docs:
        when = d.published_iso or "undated"
        out(f"   {d.document_id[:12]}  {when}  {d.words:>4} words  {d.title}\n")
    out(f"{result.documents} documents stored.\n")
    types = ", ".join(f"{t} {n}" for t, n in result.by_type.items())
    out(
        f"2. extracted {result.mentions} event mentions with evidence; one act reported in "
        f"several sentences counts once: {result.events} events: {types}\n"
    )
    out("   busiest dyads: " + ", ".join(f"{d} {n}" for d, n in result.dyads) + "\n")
    out(f"3. the {'–'.join(TRIANGLE)} triangle by year (sign of each dyad, Dittmer pattern):\n")
    for period in result.triangle:
        signs = "  ".join(
            f"{d['dyad']} {_sign(d['sign'])}({d['n_ab'] + d['n_ba']})" for d in period["dyads"]
        )
        out(f"   {period['period']}: {signs}  -> {period['configuration']}\n")
    out("4. RUS–PRK events by year (both directions, mean Goldstein):\n")
    for row in result.dyad:
        out(
            f"   {row['period']}: {_count(row['n_events'], 'event')} "
            f"({_count(row['n_mentions'], 'mention')}), "
            f"{row['goldstein_mean']:+.2f}\n"
        )
    if result.reference:
        out(
            "5. reference data from the bundled pack (axiswatch reference list): "
            + ", ".join(result.reference)
            + "\n"
        )
    else:
        out("5. reference data: as already in the workspace (axiswatch reference list)\n")
    sessions = sorted({r["session"] for r in result.alignment if r["n"]})
    for session in sessions[:1] + sessions[-1:]:
        pairs = ", ".join(
            f"{r['a']}-{r['b']} {r['agree']:.2f}"
            for r in result.alignment
            if r["session"] == session and r["n"]
        )
        out(f"   UN General Assembly agreement, session {session} ({session + 1945}): {pairs}\n")
    for note in result.alignment_notes:
        out(f"   {note}\n")
    verdicts = ", ".join(f"{k} {n}" for k, n in result.verdicts.items()) or "none"
    out(
        f"6. {result.claims} claims, {result.checkable} of a kind reference data can check; "
        "verdicts: "
        f"{verdicts}; {result.hypotheses} hypotheses (axiswatch verify, axiswatch hypotheses)\n"
    )
    for chart in result.charts:
        out(f"   chart: {chart}\n")
    out(f"7. briefing report: {result.brief} (self-contained; open it in any browser)\n")
    out(
        f"Workbench: axiswatch serve --db {db}, then open http://127.0.0.1:8000/ "
        "(triangle overview -> a dyad's sign -> an event and its source sentence)\n"
    )
    out(
        f"Next: axiswatch timeline --db {db} | axiswatch events show ID --why --db {db} | "
        f"axiswatch triangle CHN RUS PRK --db {db}\n"
    )
    for failed in report.failed:
        say(f"error: {failed.path}: {failed.reason}")
    if report.failed:
        raise typer.Exit(1)


def _sign(sign: int | None) -> str:
    """+, - or 0 for a dyad's sign; ? when too few events decide it."""
    return {1: "+", -1: "-", 0: "0"}.get(sign, "?") if sign is not None else "?"


def _count(n: int, noun: str) -> str:
    """ "1 event", "2 events"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
