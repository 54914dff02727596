"""The optional read token: on a machine with other users, reads need it too.

With a read token (``axiswatch serve --read-token`` or $AXISWATCH_READ_TOKEN) every request
must carry it, or the write token, which also allows reads: API clients send
``Authorization: Bearer TOKEN``; a browser opens ``/?token=TOKEN`` once, gets an HttpOnly,
SameSite=Strict cookie for this server, and is sent on to the same address without the token
in it. Anything else is 401 with the way in. Without a read token, reads stay open.
"""

from __future__ import annotations

import hmac
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from axiswatch.api.errors import error_response

COOKIE = "axiswatch_read"
ENV_READ_TOKEN = "AXISWATCH_READ_TOKEN"


def _same(given: str | None, wanted: str | None) -> bool:
    return bool(given and wanted) and hmac.compare_digest(given.encode(), str(wanted).encode())


class ReadGate:
    """ASGI middleware: without the read (or write) token, nothing is answered but 401."""

    def __init__(self, app: ASGIApp, *, read_token: str, write_token: str | None) -> None:
        self.app = app
        self.tokens = [t for t in (read_token, write_token) if t]

    def _allowed(self, value: str | None) -> bool:
        return any(_same(value, token) for token in self.tokens)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        auth = headers.get(b"authorization", b"").decode("latin-1")
        bearer = auth[7:].strip() if auth.lower().startswith("bearer ") else None
        cookies = SimpleCookie(headers.get(b"cookie", b"").decode("latin-1"))
        cookie = cookies[COOKIE].value if COOKIE in cookies else None
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        offered = next((v for k, v in query if k == "token"), None)
        if offered is not None and self._allowed(offered):
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            target = scope["path"] + (f"?{rest}" if rest else "")
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(COOKIE, offered, httponly=True, samesite="strict", path="/")
            await response(scope, receive, send)
            return
        if self._allowed(bearer) or self._allowed(cookie):
            await self.app(scope, receive, send)
            return
        response = error_response(
            401,
            "this server needs its read token: open /?token=TOKEN once in the browser, or "
            "send 'Authorization: Bearer TOKEN' (the write token also reads)",
            headers={"WWW-Authenticate": "Bearer"},
        )
        await response(scope, receive, send)
