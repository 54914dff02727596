"""Fixtures for the importer tests: a fresh workspace and the hand-made fixture files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from axiswatch.store.connect import connect

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh, migrated workspace database."""
    connection = connect(tmp_path / "w.duckdb")
    yield connection
    connection.close()


def count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Rows in a table."""
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
