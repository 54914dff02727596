"""Keyset cursors: round trip, dates as ISO text, foreign tokens refused naming after."""

from __future__ import annotations

import datetime as dt

import pytest

from axiswatch.errors import InputError
from axiswatch.store.cursors import decode_cursor, encode_cursor


def test_round_trip_with_dates_as_iso_text() -> None:
    token = encode_cursor([False, dt.date(2024, 5, 1), "ev-1", 7])
    assert "=" not in token and "/" not in token
    assert decode_cursor(token, 4) == [False, "2024-05-01", "ev-1", 7]


@pytest.mark.parametrize("token", ["nonsense", encode_cursor([1, 2]), "e30"])
def test_other_tokens_are_refused_naming_after(token: str) -> None:
    with pytest.raises(InputError, match="after="):
        decode_cursor(token, 3)
