"""Many rows into a table in few statements: DuckDB runs one INSERT with many VALUES rows
far faster than the same rows through ``executemany`` (one statement each)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

CHUNK = 200
"""Rows per statement: bounded so that a statement's parameters stay few thousand."""


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> None:
    """Insert ``rows`` (each a value per column, in order) into ``table``, in the caller's
    transaction."""
    one = "(" + ", ".join("?" for _ in columns) + ")"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    for start in range(0, len(rows), CHUNK):
        part = rows[start : start + CHUNK]
        params = [value for row in part for value in row]
        con.execute(head + ", ".join(one for _ in part), params)
