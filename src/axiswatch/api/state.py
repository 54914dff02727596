"""What the app holds between requests: the workspace file, the write token, the writer.

DuckDB connections are not thread-safe, and FastAPI runs plain ``def`` routes in a thread
pool, so every request opens its own :class:`Workspace` on the file (cheap: the first one,
kept open here as the writer, keeps the database instance alive in this process). Writes go
through that one writer under a lock, so the extractor (spaCy) is loaded once.

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
from typing import Annotated

from fastapi import Depends, Request

from axiswatch.workspace import Workspace

ENV_TOKEN = "AXISWATCH_TOKEN"
DEFAULT_MAX_BODY = 5 * 1024 * 1024


@dataclass
class AppState:
    """The workspace path, the token that guards writes and the shared writer."""

    db_path: Path
    token: str | None
    max_body: int = DEFAULT_MAX_BODY
    _writer: Workspace | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def open(self) -> None:
        """Open (creating and migrating if needed) the workspace; idempotent."""
        if self._writer is not None:
            return  # already open: no need to wait for a write in progress
        with self._lock:
            if self._writer is None:
                self._writer = Workspace(self.db_path)

    def close(self) -> None:
        """Close the writer; later requests reopen it."""
        with self._lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None

    @contextmanager
    def reader(self) -> Iterator[Workspace]:
        """A workspace on its own connection, closed after use."""
        self.open()
        ws = Workspace(self.db_path)
        try:
            yield ws
        finally:
            ws.close()

    @contextmanager
    def writer(self) -> Iterator[Workspace]:
        """The one writing workspace, held under the write lock."""
        self.open()
        with self._lock:
            assert self._writer is not None
            yield self._writer


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
