"""One error shape for every API error, and the handlers that produce it.

Every error answers ``{"error": {"status": int, "code": str, "message": str}}`` with the same
HTTP status; FastAPI's validation errors become 400 ``bad_request`` with each field named in
the message. Pages of the web workbench answer the same facts as HTML (see ``html_errors``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from axiswatch.errors import AxiswatchError, InputError, NotFoundError, WorkspaceBusy

log = logging.getLogger(__name__)

CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "bad_request",
    500: "internal_error",
    503: "busy",
}

HtmlRenderer = Callable[[Request, int, str, str], Response]
"""render(request, status, code, message) -> an HTML error page."""


class ApiError(Exception):
    """An error raised by a route on purpose, with its HTTP status."""

    def __init__(
        self, status: int, message: str, *, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})


def error_code(status: int) -> str:
    """The short code of an HTTP status (``not_found``, ``too_large``...)."""
    return CODES.get(status, "client_error" if status < 500 else "server_error")


def error_body(status: int, message: str) -> dict[str, Any]:
    """The JSON error document."""
    return {"error": {"status": status, "code": error_code(status), "message": message}}


def error_response(
    status: int, message: str, *, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """A JSON response carrying the error document."""
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


def status_of(exc: AxiswatchError) -> int:
    """The HTTP status an axiswatch error maps to."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, InputError):
        return 400
    if isinstance(exc, WorkspaceBusy):
        return 503
    return 500


def validation_message(exc: RequestValidationError) -> str:
    """Every validation problem as 'where: what', joined by '; '."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "body") or "body"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request is invalid"


def wants_json(request: Request) -> bool:
    """True for API paths and for clients that do not ask for HTML."""
    path = request.url.path
    if path.startswith(("/api/", "/openapi")):
        return True
    return "text/html" not in request.headers.get("accept", "")


def install_error_handlers(app: FastAPI, *, html: HtmlRenderer | None = None) -> None:
    """Answer every error in the one shape (or as an HTML page where a page was asked for)."""

    def respond(
        request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
    ) -> Response:
        if html is not None and not wants_json(request):
            return html(request, status, error_code(status), message)
        return error_response(status, message, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path}"
        return respond(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, 400, validation_message(exc))

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return respond(request, exc.status, exc.message, exc.headers)

    @app.exception_handler(AxiswatchError)
    async def axiswatch_error(request: Request, exc: AxiswatchError) -> Response:
        status = status_of(exc)
        if status >= 500:
            log.error("request %s failed: %s", request.url.path, exc)
        return respond(request, status, str(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("request %s crashed", request.url.path)
        return respond(request, 500, "internal error: see the server log")
