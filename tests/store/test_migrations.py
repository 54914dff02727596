"""Schema migrations are recorded and safe to run twice."""

from __future__ import annotations

from pathlib import Path

import duckdb

from axiswatch.store.connect import connect
from axiswatch.store.migrations import MIGRATIONS, migrate, schema_version

EXPECTED_TABLES = {
    "documents",
    "document_paths",
    "actors",
    "events",
    "claims",
    "verifications",
    "datasets",
    "un_rollcalls",
    "un_votes",
    "unsc_vetoes",
    "borders",
    "trade_partners",
    "schema_migrations",
}


def test_migrate_twice_applies_nothing_the_second_time(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    first = migrate(con)
    second = migrate(con)
    assert first == [m.version for m in MIGRATIONS]
    assert second == []
    assert schema_version(con) == MIGRATIONS[-1].version


def test_connect_creates_every_table(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    tables = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    assert tables >= EXPECTED_TABLES


def test_connect_reopen_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    con = connect(path)
    con.execute("INSERT INTO actors VALUES ('PRK', 'state', 'North Korea', NULL, ['DPRK'], NULL)")
    con.close()
    con = connect(path)
    assert con.execute("SELECT name FROM actors").fetchall() == [("North Korea",)]
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)


def test_event_columns_follow_the_annotation_guide(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    cols = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    guide = {
        "sentence",
        "trigger",
        "date_start",
        "date_end",
        "date_from_context",
        "source",
        "source_person",
        "target",
        "target_person",
        "event_type",
        "mode",
        "cameo",
        "location",
        "epistemic",
        "start_char",
        "end_char",
        "confidence",
        "rule",
    }
    assert guide <= cols
