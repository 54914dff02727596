"""Fixtures for the analysis tests: a fresh workspace and helpers that fill it by hand."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from axiswatch.model import Event
from axiswatch.store.connect import connect
from axiswatch.store.events import write_events


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test workspace lives."""
    return tmp_path / "w.duckdb"


@pytest.fixture
def con(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh, migrated workspace database."""
    connection = connect(db_path)
    yield connection
    connection.close()


AddEvent = Callable[..., Event]


@pytest.fixture
def add_event(con: duckdb.DuckDBPyConnection) -> AddEvent:
    """Store one event: add_event(id, source, target, goldstein, date, type=..., quad=...)."""

    def add(
        event_id: str,
        source: str,
        target: str,
        goldstein: float | None,
        date: str,
        event_type: str = "CONSULT",
        quad_class: int | None = 1,
        epistemic: str = "asserted",
        origin: str = "manual",
    ) -> Event:
        event = Event(
            event_id=event_id,
            origin=origin,
            date_start=date,
            date_end=date,
            source=source,
            target=target,
            event_type=event_type,
            quad_class=quad_class,
            goldstein=goldstein,
            epistemic=epistemic,
            sentence=f"sentence of {event_id}",
        )
        write_events(con, [event])
        return event

    return add


AddVotes = Callable[..., None]


@pytest.fixture
def add_votes(con: duckdb.DuckDBPyConnection) -> AddVotes:
    """Store one roll call and its votes: add_votes(rcid, session, date, {ISO3: vote})."""

    def add(
        rcid: str,
        session: int | None,
        date: str,
        votes: dict[str, str],
        dataset: str = "test",
        version: str = "1",
    ) -> None:
        con.execute(
            "INSERT INTO un_rollcalls (rcid, session, date, dataset, dataset_version) "
            "VALUES (?, ?, ?, ?, ?)",
            [rcid, session, date, dataset, version],
        )
        con.executemany(
            "INSERT INTO un_votes (rcid, country, vote, dataset, dataset_version) "
            "VALUES (?, ?, ?, ?, ?)",
            [[rcid, country, vote, dataset, version] for country, vote in votes.items()],
        )

    return add
