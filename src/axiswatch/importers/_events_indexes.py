"""Park the secondary indexes of ``events`` during a bulk import and rebuild them after.

DuckDB keeps an ART index up to date row by row (about 3 µs a row for ``events_dyad``) but
builds one from scratch in about 0.1 µs a row. An import expected to add more than a
twentieth of the table therefore drops ``events_dyad`` and ``events_document`` first and
creates them again at the end, with the SQL DuckDB reports for them. The SQL is recorded in
``event_import_indexes`` before the drop, so an import killed halfway leaves the indexes to be
rebuilt when the workspace is next opened for writing (store.recovery). The primary key is
never dropped.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb

from axiswatch.errors import StoreError
from axiswatch.store.recovery import rebuild_indexes as _rebuild

BYTES_PER_ROW = 250
"""A low guess of the bytes per event row of GDELT, ICEWS and POLECAT files."""
MIN_BULK_ROWS = 50_000
TABLE_SHARE = 20


def estimated_rows(paths: Sequence[Path]) -> int:
    """A rough count of the rows in the files (from their uncompressed sizes)."""
    total = 0
    for path in paths:
        size = path.stat().st_size
        with path.open("rb") as f:
            magic = f.read(4)
        if magic.startswith(b"PK\x03\x04"):
            with suppress(zipfile.BadZipFile), zipfile.ZipFile(path) as archive:
                size = sum(info.file_size for info in archive.infolist())
        elif magic.startswith(b"\x1f\x8b"):
            size *= 5
        total += size
    return total // BYTES_PER_ROW


def restore_indexes(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Rebuild indexes an earlier import parked and did not restore; returns their names."""
    parked = con.execute("SELECT index_name, sql FROM event_import_indexes").fetchall()
    if not parked:
        return []
    _rebuild(con, parked)
    return [name for name, _ in parked]


@contextmanager
def bulk_indexes(con: duckdb.DuckDBPyConnection, expected_rows: int) -> Iterator[bool]:
    """Drop the secondary ``events`` indexes for a large import; yields whether it did."""
    restore_indexes(con)
    stored = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    if expected_rows < MIN_BULK_ROWS or expected_rows * TABLE_SHARE < stored:
        yield False
        return
    indexes = con.execute(
        "SELECT index_name, sql FROM duckdb_indexes() "
        "WHERE table_name = 'events' AND NOT is_primary AND NOT is_unique"
    ).fetchall()
    _park(con, indexes)
    try:
        yield True
    finally:
        _rebuild(con, indexes)


def _park(con: duckdb.DuckDBPyConnection, indexes: list[tuple[str, str]]) -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute("BEGIN TRANSACTION").fetchall()
    try:
        for name, sql in indexes:
            con.execute(
                "INSERT OR REPLACE INTO event_import_indexes VALUES (?, ?, ?)", [name, sql, now]
            ).fetchall()
            con.execute(f'DROP INDEX "{name}"').fetchall()
    except duckdb.Error as e:
        con.execute("ROLLBACK").fetchall()
        raise StoreError(f"cannot set aside the events indexes for the import: {e}") from e
    con.execute("COMMIT").fetchall()
