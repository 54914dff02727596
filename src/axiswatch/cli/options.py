"""Options shared by every command, so that they read the same everywhere."""

from __future__ import annotations

from contextvars import ContextVar
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from axiswatch.config import DEFAULT_DB, ENV_DB, default_db_path


class OutputFormat(StrEnum):
    """How a listing is written to stdout."""

    table = "table"
    json = "json"
    csv = "csv"


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar=ENV_DB,
        help=f"Workspace database file (default: ${ENV_DB}, else axiswatch.toml's db, else "
        f"./{DEFAULT_DB}).",
        show_default=False,
    ),
]
DEFAULT_DB_PATH = None


_root_db: ContextVar[Path | None] = ContextVar("axiswatch_root_db", default=None)


def set_root_db(db: Path | None) -> None:
    """Remember the --db given before the command name (`axiswatch --db X ingest ...`)."""
    _root_db.set(db)


def resolve_db(db: Path | None) -> Path:
    """The workspace file: this command's --db, else the root's --db, else $AXISWATCH_DB or
    the config file's, else the default."""
    if db is not None:
        return db
    return _root_db.get() or default_db_path()


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Output format: table, json or csv.")
]
LimitOption = Annotated[
    int | None, typer.Option("--limit", "-n", min=1, help="Show at most this many rows.")
]
