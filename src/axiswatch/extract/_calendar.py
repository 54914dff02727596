"""Calendar arithmetic on ISO strings at year, month or day precision (private to dates)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from axiswatch.errors import InputError

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_RANK = {"day": 0, "month": 1, "year": 2}

Dates = tuple[str, str]
"""A (date_start, date_end) pair of ISO strings of one precision."""


def iso_precision(s: str) -> str:
    """'day', 'month' or 'year' for an ISO string by its length."""
    return {4: "year", 7: "month", 10: "day"}[len(s)]


def parse_iso(s: str) -> tuple[dt.date, dt.date]:
    """The first and last day covered by an ISO date 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'."""
    m = _ISO.fullmatch(s)
    if m is None:
        raise InputError(f"not an ISO date at year, month or day precision: {s!r}")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        mo = int(month)
        if day is None:
            return dt.date(year, mo, 1), dt.date(year, mo, month_len(year, mo))
        d = dt.date(year, mo, int(day))
    except ValueError as exc:
        raise InputError(f"not a valid date: {s!r} ({exc})") from None
    return d, d


def month_len(year: int, month: int) -> int:
    """Number of days in a month."""
    return calendar.monthrange(year, month)[1]


def fmt(d: dt.date, precision: str) -> str:
    """An ISO string for the day, month or year containing d."""
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def day(year: int, month: int, day_: int) -> str | None:
    """'YYYY-MM-DD', or None when the day does not exist."""
    if not 1 <= month <= 12 or not 1 <= day_ <= month_len(year, month):
        return None
    return f"{year:04d}-{month:02d}-{day_:02d}"


def month(year: int, month_: int) -> str:
    """'YYYY-MM'."""
    return f"{year:04d}-{month_:02d}"


def year(y: int) -> str:
    """'YYYY'."""
    return f"{y:04d}"


def coarser(a: str, b: str) -> str:
    """The coarser of two precisions among day, month and year."""
    return a if _RANK[a] >= _RANK[b] else b


def shift(point: str, amount: int, unit: str) -> Dates | None:
    """The span covered by an ISO point moved by amount units (year, month, week or day).

    The result is at the coarser of the unit's and the point's precision: six months after
    '2014' is '2014'..'2015', two days after '2018-04-11' is '2018-04-13'. None when it
    falls outside the calendar (before year 1 or after 9999).
    """
    lo, hi = parse_iso(point)
    if unit == "week":
        unit, amount = "day", amount * 7
    delta = relativedelta(**{unit + "s": amount})
    precision = coarser(unit, iso_precision(point))
    try:
        return fmt(lo + delta, precision), fmt(hi + delta, precision)
    except (ValueError, OverflowError):
        return None


def at_anchor(anchor: dt.date, like: str) -> str:
    """The anchor as an ISO string at the precision of `like`."""
    return fmt(anchor, iso_precision(like))
