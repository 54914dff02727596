"""API routers, one per noun; each route calls one function of ``axiswatch.api``."""

from __future__ import annotations

from typing import Any

from axiswatch.api.schemas import ErrorResponse

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "Bad request: a parameter is invalid."},
    404: {"model": ErrorResponse, "description": "Not found."},
}
