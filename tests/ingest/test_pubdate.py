"""Publication dates stated in the text."""

from __future__ import annotations

import datetime as dt

import pytest

from axiswatch.ingest.pubdate import detect_published


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Title\n\nRelease Date : 2024-04-10\n\nBody", dt.date(2024, 4, 10), id="release-iso"
        ),
        pytest.param("Published: 10 April 2024\nBody", dt.date(2024, 4, 10), id="published-dmy"),
        pytest.param("Posted on March 3, 2023\nBody", dt.date(2023, 3, 3), id="posted-mdy"),
        pytest.param("Date: 09.11.2022\nBody", dt.date(2022, 11, 9), id="dotted"),
        pytest.param("In 2000, Putin visited Pyongyang.", None, id="no-label"),
        pytest.param("Release Date : 2024-13-40\nBody", None, id="impossible-date"),
    ],
)
def test_detect_published(text: str, expected: dt.date | None) -> None:
    assert detect_published(text) == expected


def test_detect_published_ignores_dates_far_down_the_text() -> None:
    assert detect_published("x " * 2000 + "\nPublished: 10 April 2024") is None
