"""Open the workspace database file and bring its schema up to date."""

from __future__ import annotations

from pathlib import Path

import duckdb

from axiswatch.errors import StoreError
from axiswatch.store.migrations import migrate
from axiswatch.store.recovery import recover


def connect(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the DuckDB file at ``path`` and apply pending migrations."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise StoreError(f"{path}: folder {path.parent} does not exist; create it or pick --db")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as e:
        raise StoreError(f"{path}: cannot open the workspace database: {e}") from e
    if not read_only:
        migrate(con)
        recover(con)
    return con
