"""Rows inserted in chunks of one statement each, in the caller's transaction."""

from __future__ import annotations

import datetime as dt

import duckdb

from axiswatch.store import rows as rows_module
from axiswatch.store.rows import insert_rows


def test_every_row_lands_across_chunks_with_types_and_nulls(monkeypatch) -> None:
    monkeypatch.setattr(rows_module, "CHUNK", 3)
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a VARCHAR, b INTEGER, c DATE, d DOUBLE)")
    data = [[f"x{i}", i, dt.date(2020, 1, 1 + i), None if i % 2 else i / 2] for i in range(8)]
    insert_rows(con, "t", ["a", "b", "c", "d"], data)
    assert con.execute("SELECT * FROM t ORDER BY b").fetchall() == [tuple(r) for r in data]
    insert_rows(con, "t", ["a", "b", "c", "d"], [])  # nothing to do
    assert con.execute("SELECT count(*) FROM t").fetchone()[0] == 8


def test_a_failing_chunk_leaves_the_transaction_to_the_caller() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a VARCHAR PRIMARY KEY)")
    con.execute("BEGIN TRANSACTION")
    try:
        insert_rows(con, "t", ["a"], [["k"], ["k"]])
    except duckdb.Error:
        con.execute("ROLLBACK")
    assert con.execute("SELECT count(*) FROM t").fetchone()[0] == 0
