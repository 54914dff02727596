"""The ``event_imports`` ledger: one row per imported file, its counts and how it ended.

A row is written ``running`` when a file starts, its counts are updated inside each batch's
transaction (so they always match the stored events), and it ends ``done`` or ``failed``. An
interrupted import leaves ``running``; importing the file again adds a new row.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from axiswatch.importers._events_common import FileSummary


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def start_import(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    summary: FileSummary,
    actors: Sequence[str] | None,
) -> str:
    """Record that a file's import starts; returns the import id."""
    import_id = uuid.uuid4().hex
    path = Path(summary.path)
    con.execute(
        "INSERT INTO event_imports (import_id, kind, dataset, path, file_bytes, actors, status, "
        "rows_read, added, duplicates, filtered, rejected, reject_file, started_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 'running', 0, 0, 0, 0, 0, NULL, ?)",
        [
            import_id,
            kind,
            summary.dataset,
            str(path),
            path.stat().st_size,
            list(actors) if actors else None,
            _now(),
        ],
    ).fetchall()
    return import_id


def seen_before(con: duckdb.DuckDBPyConnection, dataset: str, import_id: str) -> bool:
    """Whether an earlier import (finished or not) recorded the file ``dataset`` names."""
    rows = con.execute(
        "SELECT count(*) FROM event_imports WHERE dataset = ? AND import_id <> ?",
        [dataset, import_id],
    ).fetchall()
    return bool(rows[0][0])


def update_import(
    con: duckdb.DuckDBPyConnection, import_id: str, summary: FileSummary, status: str = "running"
) -> None:
    """Write the file's counts so far (and its status)."""
    con.execute(
        "UPDATE event_imports SET rows_read = ?, added = ?, duplicates = ?, filtered = ?, "
        "rejected = ?, reject_file = ?, status = ?, "
        "finished_at = CASE WHEN ? = 'running' THEN NULL ELSE ? END WHERE import_id = ?",
        [
            summary.read,
            summary.added,
            summary.duplicates,
            summary.filtered,
            summary.rejected,
            summary.reject_file,
            status,
            status,
            _now(),
            import_id,
        ],
    ).fetchall()


def list_imports(con: duckdb.DuckDBPyConnection, kind: str | None = None) -> list[dict[str, Any]]:
    """Recorded file imports, newest first; optionally of one kind."""
    sql = "SELECT * FROM event_imports"
    params: list[Any] = []
    if kind:
        sql += " WHERE kind = ?"
        params.append(kind)
    cur = con.execute(sql + " ORDER BY started_at DESC", params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
