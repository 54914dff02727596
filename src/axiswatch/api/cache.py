"""Answers to repeated reads, kept until the workspace changes.

The JSON read routes (``/api/...``, GET) are deterministic given the workspace's contents, and
analysts often ask the same ones (a dashboard of dyads, a triangle, the network). This ASGI
middleware keeps the last answers, keyed by path, query and the workspace's version: the size
and modification time of the database file and of its write-ahead log, taken *before* the
request runs. Any committed write (by the server, or by the command line on the same file)
changes that version, so a later request misses and reads afresh; an answer computed while a
write landed is stored under the version seen before it and is never served again. The
actor files beside the database count too (an edited name shows at once). Only
answers 200 of at most ``max_bytes`` are kept, at most ``size`` of them (least recently used
first out). Each answer says ``X-Axiswatch-Cache: hit`` or ``miss``; a request with
``Cache-Control: no-cache`` is answered afresh.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from axiswatch.workspace import actor_file_paths

Key = tuple[str, bytes, tuple[int, ...]]


def workspace_version(db_path: Path) -> tuple[int, ...]:
    """(size, mtime in ns) of the database file, its write-ahead log and the workspace's actor
    files beside it (0, 0 for each one absent)."""
    out: list[int] = []
    for path in (db_path, db_path.with_name(db_path.name + ".wal"), *actor_file_paths(db_path)):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            out += [0, 0]
        else:
            out += [st.st_size, st.st_mtime_ns]
    return tuple(out)


def _asks_fresh(scope: Scope) -> bool:
    """Whether the request says ``Cache-Control: no-cache`` (answer afresh, keep the answer)."""
    value = dict(scope.get("headers", [])).get(b"cache-control", b"")
    return b"no-cache" in value.lower()


class ResponseCache:
    """ASGI middleware: serve a stored answer while the workspace is unchanged (see module)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        db_path: Path,
        prefix: str = "/api/",
        size: int = 256,
        max_bytes: int = 2_000_000,
    ) -> None:
        self.app = app
        self.db_path = db_path
        self.prefix = prefix
        self.size = size
        self.max_bytes = max_bytes
        self._store: OrderedDict[Key, tuple[int, list[tuple[bytes, bytes]], bytes]] = OrderedDict()

    def _cacheable(self, scope: Scope) -> bool:
        return (
            scope["type"] == "http"
            and scope["method"] == "GET"
            and scope["path"].startswith(self.prefix)
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.size <= 0 or not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        key: Key = (scope["path"], scope.get("query_string", b""), workspace_version(self.db_path))
        stored = None if _asks_fresh(scope) else self._store.get(key)
        if stored is not None:
            self._store.move_to_end(key)
            status, headers, body = stored
            await send(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [*headers, (b"x-axiswatch-cache", b"hit")],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        await self._run_and_keep(key, scope, receive, send)

    async def _run_and_keep(self, key: Key, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message = {}
        chunks: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
                message = {
                    **message,
                    "headers": [*message.get("headers", []), (b"x-axiswatch-cache", b"miss")],
                }
            elif message["type"] == "http.response.body" and size <= self.max_bytes:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                done = not message.get("more_body")
                if done and start.get("status") == 200 and size <= self.max_bytes:
                    self._keep(key, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(self, key: Key, start: Message, body: bytes) -> None:
        self._store[key] = (start["status"], list(start.get("headers", [])), body)
        self._store.move_to_end(key)
        while len(self._store) > self.size:
            self._store.popitem(last=False)
