"""The server's hold on the workspace file (axiswatch.api.state.AppState)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb
import pytest

from axiswatch.api.state import AppState


@pytest.fixture
def state(tmp_path: Path) -> AppState:
    app_state = AppState(tmp_path / "w.duckdb", token=None)
    app_state.open()
    return app_state


def test_the_database_is_held_only_while_requests_are_in_flight(state: AppState) -> None:
    with state.reader() as first:
        assert state._anchor is not None
        with state.reader() as second:  # joins the open database
            assert second.con.execute("SELECT 1").fetchone() == (1,)
        assert state._anchor is not None  # the first request is still in flight
        assert first.con.execute("SELECT 1").fetchone() == (1,)
    assert state._anchor is None  # nothing held between requests


def test_a_waiting_program_makes_the_server_drain_and_let_go(state: AppState) -> None:
    marker = state.db_path.with_name(f"{state.db_path.name}.waiting-{os.getppid()}")
    released = threading.Event()

    def late_request() -> None:
        with state.reader():
            released.set()

    with state.reader():
        marker.touch()  # another live process now waits for the file
        thread = threading.Thread(target=late_request)
        thread.start()
        assert not released.wait(0.3)  # the new request waits for those in flight to end
    marker.unlink()  # the other program got the file and went
    thread.join(5)
    assert released.is_set()
    assert state._anchor is None


def test_writes_and_reads_share_the_open_database(state: AppState) -> None:
    with state.reader() as reader, state.writer() as writer:
        writer.con.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
        writer.con.execute("INSERT INTO t VALUES (1)")
        assert reader.con.execute("SELECT count(*) FROM t").fetchone() == (1,)
    assert state._anchor is None
    con = duckdb.connect(str(state.db_path))  # the file is free again
    assert con.execute("SELECT count(*) FROM t").fetchone() == (1,)
    con.close()
