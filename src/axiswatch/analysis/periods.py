"""Calendar periods (year, quarter, month): Ibis truncation, labels and complete ranges."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import ibis
import pandas as pd

from axiswatch.errors import InputError

PERIODS: tuple[str, ...] = ("year", "quarter", "month")
_UNIT = {"year": "Y", "quarter": "Q", "month": "M"}


def check_period(by: str, allowed: Sequence[str] = PERIODS, *, option: str = "by") -> str:
    """``by`` if it is one of ``allowed``; InputError listing the choices otherwise."""
    if by not in allowed:
        raise InputError(f"{option}={by!r}: choose one of {', '.join(allowed)}")
    return by


def period_start(day: ibis.Value, by: str) -> ibis.Value:
    """The first day of the period that contains ``day`` (an Ibis date column)."""
    return day.truncate(_UNIT[check_period(by)])


def period_label(start: dt.date | pd.Timestamp, by: str) -> str:
    """'2019', '2019-Q3' or '2019-07' for the period starting on ``start``."""
    ts = pd.Timestamp(start)
    if by == "year":
        return f"{ts.year:04d}"
    if by == "quarter":
        return f"{ts.year:04d}-Q{ts.quarter}"
    return f"{ts.year:04d}-{ts.month:02d}"


def period_starts(first: dt.date | pd.Timestamp, last: dt.date | pd.Timestamp, by: str) -> list:
    """Every period start from the period of ``first`` to the period of ``last``, in order."""
    freq = _UNIT[check_period(by)]
    periods = pd.period_range(
        pd.Timestamp(first).to_period(freq), pd.Timestamp(last).to_period(freq), freq=freq
    )
    return [p.start_time.date() for p in periods]


def shift_period(start: dt.date | pd.Timestamp, by: str, steps: int) -> dt.date:
    """The start of the period ``steps`` periods after (or before) the one starting on ``start``."""
    period = pd.Timestamp(start).to_period(_UNIT[check_period(by)])
    return (period + steps).start_time.date()
