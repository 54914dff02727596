"""`axiswatch reference list|install|update`: the bundled reference pack and its updates."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from axiswatch.cli.imports import report_import
from axiswatch.cli.options import DEFAULT_DB_PATH, DbOption, FormatOption, OutputFormat, resolve_db
from axiswatch.cli.output import cli_errors, progress_bar, render_rows, say

app = typer.Typer(
    help="Reference data: the snapshots bundled with axiswatch, and updates from publishers.",
    no_args_is_help=True,
)

LIST_COLUMNS = ["name", "kind", "version", "rows", "in_use", "source", "licence", "retrieved"]
TABLE_COLUMNS = ["name", "version", "rows", "in_use", "licence"]


@app.command("list")
@cli_errors
def list_cmd(db: DbOption = DEFAULT_DB_PATH, fmt: FormatOption = OutputFormat.table) -> None:
    """The pack's datasets and every version in the workspace (which one is in use)."""
    from axiswatch.reference import pack
    from axiswatch.workspace import Workspace

    path = resolve_db(db)
    held = []
    if path.exists():
        with Workspace(path) as ws:
            held = pack.installed(ws.con)
    in_use = {}
    for row in held:  # newest import first: the first of a dataset is the one read
        in_use.setdefault(row["dataset"], row["version"])
    rows = []
    for entry in pack.datasets():
        label = pack.pack_version_label(entry)
        rows.append(
            {
                "name": entry.name,
                "kind": entry.kind,
                "version": label,
                "rows": entry.rows,
                "in_use": "yes" if in_use.get(entry.name) == label else "",
                "source": entry.publisher,
                "licence": entry.licence,
                "retrieved": entry.retrieved,
            }
        )
    for row in held:
        if row["from_pack"]:
            continue
        rows.append(
            {
                "name": row["dataset"],
                "kind": row["kind"],
                "version": row["version"],
                "rows": row["rows"],
                "in_use": "yes" if in_use.get(row["dataset"]) == row["version"] else "",
                "source": row["path"],
                "licence": "",
                "retrieved": str(row["imported_at"])[:19],
            }
        )
    columns = TABLE_COLUMNS if fmt is OutputFormat.table else LIST_COLUMNS
    render_rows(rows, columns, fmt, title="reference data (pack and workspace)")
    if fmt is OutputFormat.table:
        say("sources, coverage and retrieval dates: axiswatch reference list --format json")
    shape = pack.manifest()["map"]
    say(f"map shapes: {shape['title']} ({shape['publisher']}; {shape['licence']})")
    capitals = pack.manifest()["capitals"]
    say(f"capitals: {capitals['rows']} ({capitals['title']}; {capitals['licence']})")


@app.command("install")
@cli_errors
def install_cmd(
    names: Annotated[
        list[str] | None,
        typer.Argument(help="Datasets to install (default: all of the pack).", show_default=False),
    ] = None,
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Copy pack datasets into the workspace (again: replaces the same pack version)."""
    from axiswatch.reference import pack
    from axiswatch.workspace import Workspace

    with Workspace(resolve_db(db)) as ws:
        done = pack.install(ws.con, names or None)
    for entry in done:
        say(f"installed {entry.name} {pack.pack_version_label(entry)}: {entry.rows:,} rows")


@app.command("update")
@cli_errors
def update_cmd(
    name: Annotated[str, typer.Argument(help="Dataset name (see `axiswatch reference list`).")],
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="A local file, folder or zip, or a URL; default: the publisher's address.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Download (or read) the publisher's current NAME and import it as a new version."""
    from axiswatch.reference.update import update
    from axiswatch.workspace import Workspace

    with (
        Workspace(resolve_db(db)) as ws,
        progress_bar(name, enabled=sys.stderr.isatty()) as tick,
    ):
        result = update(ws.con, name, source, progress=tick)
    report_import(result)
    say(f"{result.dataset} {result.version} is now the version in use")
