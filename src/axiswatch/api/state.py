"""What the app holds between requests: the workspace file, the write token, the writer.

DuckDB connections are not thread-safe, and FastAPI runs plain ``def`` routes in a thread
pool, so every request opens its own :class:`Workspace` on the file (cheap: the first one,
kept open here as the writer, keeps the database instance alive in this process). Writes go
through that one writer under a lock, so the extractor (spaCy) is loaded once.

Requests that run an Ibis analysis take one more lock, so that only one runs at a time:
``axiswatch.analysis._backend.table`` silences a DuckDB deprecation warning with
``warnings.catch_warnings()``, which changes process-wide state and is not thread-safe.
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
    _analysis_lock: threading.Lock = field(default_factory=threading.Lock)

    def open(self) -> None:
        """Open (creating and migrating if needed) the workspace; idempotent."""
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
    def analyst(self) -> Iterator[Workspace]:
        """A reading workspace for a request that runs analyses, one such request at a time."""
        with self._analysis_lock, self.reader() as ws:
            yield ws

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
    """FastAPI dependency: a workspace for a request that runs an analysis (serialised)."""
    with app_state(request).analyst() as ws:
        yield ws


WorkspaceDep = Annotated[Workspace, Depends(workspace)]
"""A route parameter that receives the request's workspace."""

AnalysisDep = Annotated[Workspace, Depends(analysis_workspace)]
"""A route parameter that receives a workspace for analyses (one request at a time)."""
