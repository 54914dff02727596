"""The date window: ISO bounds at year, month or day precision; errors name the option."""

from __future__ import annotations

import datetime as dt

import pytest

from axiswatch.errors import UsageError
from axiswatch.model import Event
from axiswatch.report.window import DateWindow, parse_bound, parse_window


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2024-06-19", dt.date(2024, 6, 19), dt.date(2024, 6, 19)),
    ],
)
def test_bounds_take_the_first_or_last_day(value: str, first: dt.date, last: dt.date) -> None:
    assert parse_bound(value, option="--since") == first
    assert parse_bound(value, option="--until", last=True) == last


@pytest.mark.parametrize("value", ["2024-13", "yesterday", "2024-02-30", "2024-Q1", ""])
def test_a_bad_date_names_its_option(value: str) -> None:
    with pytest.raises(UsageError, match=r"^--until .* is not a date: write YYYY"):
        parse_bound(value, option="--until")


def test_since_after_until_is_refused() -> None:
    with pytest.raises(UsageError, match="--since 2024-07 is after --until 2024-06"):
        parse_window("2024-07", "2024-06")
    assert parse_window("2024-06", "2024-06") == DateWindow(
        dt.date(2024, 6, 1), dt.date(2024, 6, 30)
    )


def test_periods_meet_the_window_by_any_day() -> None:
    window = parse_window("2023-12-31", "2024-01")
    assert window.has_period("2023-01-01", "year")
    assert window.has_period("2024-01-01", "month")
    assert not window.has_period("2024-02-01", "month")
    assert not window.has_period("2023-07-01", "quarter")


def test_events_meet_the_window_by_their_days() -> None:
    window = parse_window("2023-06", None)

    def event(start: str | None) -> Event:
        return Event("e", "extracted", start, start, "RUS", "PRK", "AGREE")

    assert window.has_event(event("2023"))  # the year 2023 reaches into June
    assert not window.has_event(event("2023-05-31"))
    assert not window.has_event(event(None))
    assert DateWindow().has_event(event(None))
    assert window.describe() == "from 2023-06-01" and DateWindow().describe() is None
