"""The brief's date window (``--since``/``--until``): which events and periods it shows.

Bounds are ISO dates at year, month or day precision; ``since`` takes the first day of what
it names and ``until`` the last, so ``--since 2023 --until 2024-06`` runs from 1 January 2023
to 30 June 2024. An event is inside when the days it covers overlap the window, a period
when any of its days are inside.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from axiswatch.analysis.periods import shift_period
from axiswatch.errors import UsageError
from axiswatch.extract.dates import parse_iso
from axiswatch.model import Event
from axiswatch.store.events import day_bounds


@dataclass(frozen=True)
class DateWindow:
    """First and last day shown (None: open on that side)."""

    since: dt.date | None = None
    until: dt.date | None = None

    @property
    def is_open(self) -> bool:
        """Whether neither bound is set."""
        return self.since is None and self.until is None

    def overlaps(self, first: dt.date | None, last: dt.date | None) -> bool:
        """Whether the days ``first``..``last`` meet the window (undated: only when open)."""
        if first is None or last is None:
            return self.is_open
        return (self.since is None or last >= self.since) and (
            self.until is None or first <= self.until
        )

    def has_event(self, event: Event) -> bool:
        """Whether the event's days meet the window."""
        return self.overlaps(*day_bounds(event.date_start, event.date_end))

    def has_period(self, period_start: str | dt.date, by: str) -> bool:
        """Whether the period (year, quarter or month) starting on ``period_start`` meets it."""
        first = dt.date.fromisoformat(str(period_start)[:10])
        last = shift_period(first, by, 1) - dt.timedelta(days=1)
        return self.overlaps(first, last)

    def describe(self) -> str | None:
        """'from 2023-01-01 to 2024-06-30', 'from 2023-01-01', ... or None when open."""
        parts = [
            f"from {self.since}" if self.since else "",
            f"to {self.until}" if self.until else "",
        ]
        return " ".join(p for p in parts if p) or None


def parse_bound(value: str | None, *, option: str, last: bool = False) -> dt.date | None:
    """An option's ISO date (YYYY, YYYY-MM or YYYY-MM-DD): its first day, or its last with
    ``last``; UsageError naming the option otherwise."""
    if value is None:
        return None
    try:
        first, final = parse_iso(value.strip())
    except ValueError as e:  # InputError is one
        raise UsageError(
            f"{option} {value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
        ) from e
    return final if last else first


def parse_window(since: str | None, until: str | None) -> DateWindow:
    """The window from ``--since`` and ``--until``; UsageError when it is empty."""
    window = DateWindow(
        parse_bound(since, option="--since"), parse_bound(until, option="--until", last=True)
    )
    if window.since and window.until and window.since > window.until:
        raise UsageError(f"--since {since} is after --until {until}: swap them or widen the window")
    return window
