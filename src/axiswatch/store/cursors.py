"""Keyset cursors: the sort key of a page's last row as an opaque, URL-safe token.

A listing ordered by a key hands the key of its last row to the next page (``after=``), which
reads the rows after it: as fast deep in a list as at its start, and stable while rows are
added. Only tokens made here are accepted; anything else is a one-line error naming ``after``.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from axiswatch.errors import InputError


def encode_cursor(values: Sequence[Any]) -> str:
    """An opaque, URL-safe cursor for the sort key of one row (dates as ISO text)."""
    plain = [v.isoformat() if isinstance(v, dt.date | dt.datetime) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, length: int) -> list[Any]:
    """The sort key a cursor names (``length`` values); InputError for any other token."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(values, list) or len(values) != length:
            raise ValueError("wrong length")
    except (ValueError, TypeError, json.JSONDecodeError) as e:
        raise InputError(f"after={cursor[:40]!r}: not a cursor from a `next` link") from e
    return values
