"""What an interrupted write left behind, put right when the workspace is next opened.

A bulk event import parks the secondary ``events`` indexes (recorded in
``event_import_indexes``) and marks its ledger row ``running``; killed halfway, it leaves both.
Opening the workspace for writing means no other process holds it, so whatever is still
parked or running was interrupted: the indexes are rebuilt and the rows marked so.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

import duckdb

from axiswatch.errors import StoreError

log = logging.getLogger(__name__)


def recover(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild parked indexes and close the ledger rows of interrupted imports.

    Runs on every open for writing (every server request), so it only reads unless an
    interrupted import left something behind.
    """
    parked, running = con.execute(
        "SELECT (SELECT count(*) FROM event_import_indexes), "
        "(SELECT count(*) FROM event_imports WHERE status = 'running')"
    ).fetchone()
    if parked:
        _rebuild_parked(con)
    if running:
        _close_running(con)


def _rebuild_parked(con: duckdb.DuckDBPyConnection) -> None:
    parked = con.execute("SELECT index_name, sql FROM event_import_indexes").fetchall()
    if parked:
        rebuild_indexes(con, parked)
        log.warning(
            "rebuilt the events indexes an interrupted import had set aside: %s",
            ", ".join(name for name, _ in parked),
        )


def _close_running(con: duckdb.DuckDBPyConnection) -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    stale = con.execute(
        "UPDATE event_imports SET status = 'interrupted', finished_at = ? "
        "WHERE status = 'running' RETURNING import_id",
        [now],
    ).fetchall()
    if stale:
        log.warning("%d event import(s) were interrupted; run them again to finish", len(stale))


def rebuild_indexes(con: duckdb.DuckDBPyConnection, indexes: Sequence[tuple[str, str]]) -> None:
    """Create the recorded indexes that are missing and forget them; one transaction."""
    con.execute("BEGIN TRANSACTION").fetchall()
    try:
        present = {
            r[0]
            for r in con.execute(
                "SELECT index_name FROM duckdb_indexes() WHERE table_name = 'events'"
            ).fetchall()
        }
        for name, sql in indexes:
            if name not in present:
                con.execute(sql).fetchall()
            con.execute("DELETE FROM event_import_indexes WHERE index_name = ?", [name]).fetchall()
    except duckdb.Error as e:
        con.execute("ROLLBACK").fetchall()
        names = ", ".join(name for name, _ in indexes)
        raise StoreError(
            f"cannot rebuild the events indexes ({names}): {e}; they are recorded in "
            "event_import_indexes and the next import rebuilds them"
        ) from e
    con.execute("COMMIT").fetchall()
