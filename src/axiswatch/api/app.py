"""The FastAPI app: the REST API under /api, the web workbench at /, over one workspace."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from axiswatch import __version__
from axiswatch.api.cache import ResponseCache
from axiswatch.api.errors import install_error_handlers
from axiswatch.api.guard import Guard
from axiswatch.api.limits import BodyLimit
from axiswatch.api.read_gate import ENV_READ_TOKEN, ReadGate
from axiswatch.api.routers import (
    actors,
    analyses,
    claims,
    documents,
    events,
    ingest,
    review,
)
from axiswatch.api.state import DEFAULT_MAX_BODY, AppState, resolve_token
from axiswatch.web.routes import STATIC_DIR, render_error
from axiswatch.web.routes import router as web_router

log = logging.getLogger(__name__)

DESCRIPTION = """Events, documents, claims and analyses of one axiswatch workspace.

Reads are open unless the server has a read token (then send it, or the write token, as
`Authorization: Bearer TOKEN`). Writes (`POST /api/ingest`) need `Authorization: Bearer TOKEN`,
the token the server was started with; a server without a token refuses writes with 403.
Every error has the shape `{"error": {"status": int, "code": str, "message": str}}`.
"""


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    allowed_hosts: Iterable[str] | None = None,
    read_token: str | None = None,
    cache_size: int = 256,
) -> FastAPI:
    """The app over the workspace at ``db_path``; writes need ``token`` (or $AXISWATCH_TOKEN).

    ``allowed_hosts``: the Host names answered (others get 400); None answers any (an app
    embedded in a program of the user's); ``axiswatch serve`` always gives a list.
    ``read_token`` (or $AXISWATCH_READ_TOKEN): every request then needs it (or the write token).
    ``cache_size``: JSON read answers kept until the workspace changes (0: none; api/cache.py).
    """
    state = AppState(Path(db_path), resolve_token(token), max_body=max_body)
    state.open()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="axiswatch",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.axiswatch = state
    install_error_handlers(app, html=render_error)
    for module in (documents, events, actors, claims, analyses, ingest, review):
        app.include_router(module.router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(ResponseCache, db_path=state.db_path, size=cache_size)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    reads = read_token if read_token is not None else os.environ.get(ENV_READ_TOKEN)
    if reads:
        app.add_middleware(ReadGate, read_token=reads, write_token=state.token)
    app.add_middleware(Guard, allowed_hosts=allowed_hosts)
    log.info("serving %s (writes %s)", db_path, "on" if state.token else "off")
    return app
