"""What the app holds between requests: the workspace file, the write token, the extractor.

DuckDB connections are not thread-safe, and FastAPI runs plain ``def`` routes in a thread
pool, so every request opens its own :class:`Workspace` on the file and closes it after.
While requests are in flight the server keeps one more connection open (the *anchor*), so
that each request's connection joins the open database (about 1 ms) instead of opening the
file afresh (about 15 ms); when the last request in flight ends, or another program waits
for the file, the anchor is closed. So between requests the server holds no connection and
the CLI can use the same workspace while the workbench is open (each side waits a moment for
the other; a request that waits longer than SERVER_LOCK_WAIT gets 503). Writes go one at a
time under a lock, and the extractor (spaCy) is loaded once and handed to each writing
workspace.

Reads and analyses run side by side, each on its own connection; no lock is held from a
dependency's setup to its teardown (FastAPI runs those in different pool threads, so such a
lock starved the pool and froze the server under about 45 concurrent analyses).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import duckdb
from fastapi import Depends, Request

from axiswatch.store.connect import connect, others_waiting, yield_to_waiters
from axiswatch.workspace import Workspace

if TYPE_CHECKING:
    from axiswatch.extract.pipeline import Extractor

ENV_TOKEN = "AXISWATCH_TOKEN"
DEFAULT_MAX_BODY = 5 * 1024 * 1024
SERVER_LOCK_WAIT = 20.0
"""Seconds a request waits for a workspace another program holds, before 503."""


@dataclass
class AppState:
    """The workspace path, the token that guards writes and the shared writer."""

    db_path: Path
    token: str | None
    max_body: int = DEFAULT_MAX_BODY
    _extractor: Extractor | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _gate: threading.Condition = field(default_factory=threading.Condition)
    _anchor: duckdb.DuckDBPyConnection | None = None
    _in_flight: int = 0

    def open(self) -> None:
        """Create and migrate the workspace if needed, then let go of the file."""
        Workspace(self.db_path, wait=SERVER_LOCK_WAIT).close()

    def close(self) -> None:
        """Let the database go (the app's lifespan hook)."""
        with self._gate:
            self._release()

    @contextmanager
    def reader(self) -> Iterator[Workspace]:
        """A workspace on its own connection, closed after use."""
        with self._held():
            ws = Workspace(self.db_path, wait=SERVER_LOCK_WAIT)
            try:
                yield ws
            finally:
                ws.close()

    @contextmanager
    def _held(self) -> Iterator[None]:
        """Keep the database open while requests are in flight; let it go when none is, and
        drain and let it go when another program waits for the file."""
        with self._gate:
            while self._anchor is not None and others_waiting(self.db_path):
                if self._in_flight == 0:
                    self._release()
                else:
                    self._gate.wait(0.05)  # let the requests in flight finish first
            if self._anchor is None:
                yield_to_waiters(self.db_path, SERVER_LOCK_WAIT)
                self._anchor = connect(self.db_path, wait=SERVER_LOCK_WAIT)
            self._in_flight += 1
        try:
            yield
        finally:
            with self._gate:
                self._in_flight -= 1
                if self._in_flight == 0:
                    self._release()
                self._gate.notify_all()

    def _release(self) -> None:
        if self._anchor is not None:
            self._anchor.close()
            self._anchor = None

    @contextmanager
    def writer(self) -> Iterator[Workspace]:
        """A writing workspace, one at a time, with the extractor loaded once for all."""
        with self._lock, self._held():
            ws = Workspace(self.db_path, wait=SERVER_LOCK_WAIT, extractor=self._extractor)
            try:
                yield ws
            finally:
                self._extractor = ws.loaded_extractor
                ws.close()


def resolve_token(token: str | None) -> str | None:
    """The write token: the argument, else $AXISWATCH_TOKEN, else None (writes refused)."""
    value = token if token is not None else os.environ.get(ENV_TOKEN)
    return value or None


def app_state(request: Request) -> AppState:
    """The state of the app serving this request."""
    return request.app.state.axiswatch


def workspace(request: Request) -> Iterator[Workspace]:
    """FastAPI dependency: a workspace for this request only."""
    with app_state(request).reader() as ws:
        yield ws


def analysis_workspace(request: Request) -> Iterator[Workspace]:
    """FastAPI dependency: a workspace for a request that runs an analysis."""
    with app_state(request).reader() as ws:
        yield ws


WorkspaceDep = Annotated[Workspace, Depends(workspace)]
"""A route parameter that receives the request's workspace."""

AnalysisDep = Annotated[Workspace, Depends(analysis_workspace)]
"""A route parameter that receives a workspace for analyses."""
