"""An import killed halfway leaves parked indexes and a running ledger row: both are put
right when the workspace is next opened for writing."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from axiswatch.store.connect import connect


def _interrupted_import(path: Path) -> None:
    con = connect(path)
    con.execute(
        "INSERT INTO event_imports (import_id, kind, dataset, path, status, rows_read, added, "
        "duplicates, filtered, rejected, started_at) "
        "VALUES ('i1', 'gdelt', 'gdelt1', 'x.CSV', 'running', 0, 0, 0, 0, 0, now())"
    )
    sql = con.execute(
        "SELECT sql FROM duckdb_indexes() WHERE index_name = 'events_dyad'"
    ).fetchone()[0]
    con.execute("INSERT INTO event_import_indexes VALUES ('events_dyad', ?, now())", [sql])
    con.execute("DROP INDEX events_dyad")
    con.close()


def test_opening_rebuilds_parked_indexes_and_closes_running_imports(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "w.duckdb"
    _interrupted_import(db)
    with caplog.at_level(logging.WARNING):
        con = connect(db)
    names = {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    assert "events_dyad" in names
    assert con.execute("SELECT count(*) FROM event_import_indexes").fetchone()[0] == 0
    assert con.execute("SELECT status FROM event_imports").fetchall() == [("interrupted",)]
    assert "interrupted import" in caplog.text


def test_a_read_only_open_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _interrupted_import(db)
    con = connect(db, read_only=True)
    assert con.execute("SELECT status FROM event_imports").fetchall() == [("running",)]
