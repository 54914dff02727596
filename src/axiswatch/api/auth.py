"""The write token: ``Authorization: Bearer TOKEN`` on every write request.

Reads are open. A server started without a token refuses every write with 403; a request
without the header, or with another token, gets 401.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from axiswatch.api.errors import ApiError
from axiswatch.api.state import ENV_TOKEN, app_state

bearer = HTTPBearer(auto_error=False, description="The token the server was started with.")

CHALLENGE = {"WWW-Authenticate": "Bearer"}


def check_token(configured: str | None, given: str | None) -> None:
    """ApiError 403 when writes are off, 401 when the token is missing or wrong."""
    if configured is None:
        raise ApiError(
            403,
            "writes are disabled on this server: start it with `axiswatch serve --token TOKEN` "
            f"or set {ENV_TOKEN}",
        )
    if given is None:
        raise ApiError(401, "send the header 'Authorization: Bearer TOKEN'", headers=CHALLENGE)
    if not hmac.compare_digest(given.encode(), configured.encode()):
        raise ApiError(
            401, "the token is not the one this server was started with", headers=CHALLENGE
        )


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def require_token(request: Request, credentials: Credentials) -> None:
    """FastAPI dependency guarding write routes."""
    given = credentials.credentials if credentials is not None else None
    check_token(app_state(request).token, given)
