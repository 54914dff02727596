"""The Ibis connection helper: workspace files read-only, connections, missing tables."""

from __future__ import annotations

import duckdb
import pytest
from ibis.backends import BaseBackend

from axiswatch.analysis._backend import has_table, ibis_connect, open_backend, table
from axiswatch.errors import NotFoundError, StoreError


def test_ibis_connect_workspace_file_is_read_only(con, db_path):
    con.close()
    with open_backend(db_path) as backend:
        assert has_table(backend, "events")
        with pytest.raises(duckdb.Error, match="read-only"):
            backend.con.execute("CREATE TABLE t (x INTEGER)")


def test_ibis_connect_wraps_a_connection_and_keeps_it_open(con):
    with open_backend(con) as backend:
        assert isinstance(backend, BaseBackend)
    assert con.execute("SELECT 1").fetchone() == (1,)
    assert ibis_connect(backend) is backend


def test_ibis_connect_missing_file_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no workspace database"):
        ibis_connect(tmp_path / "absent.duckdb")


def test_table_missing_is_not_found(con):
    backend = ibis_connect(con)
    assert not has_table(backend, "un_idealpoints")
    with pytest.raises(NotFoundError, match="un_idealpoints"):
        table(backend, "un_idealpoints")
