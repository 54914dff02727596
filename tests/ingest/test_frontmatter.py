"""YAML front matter."""

from __future__ import annotations

import datetime as dt

import pytest

from axiswatch.errors import IngestError
from axiswatch.ingest.frontmatter import split_front_matter


def test_split_front_matter_reads_fields_and_body() -> None:
    text = "---\ntitle: A brief\npublished: 2024-06-20\nurl: https://example.org/a\n---\nBody.\n"
    meta, body = split_front_matter(text, path="a.md")
    assert meta["title"] == "A brief"
    assert meta["published"] == dt.date(2024, 6, 20)
    assert meta["url"] == "https://example.org/a"
    assert body == "Body.\n"


def test_split_front_matter_absent_returns_text() -> None:
    assert split_front_matter("No fence here.\n---\n", path="a.txt") == (
        {},
        "No fence here.\n---\n",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("---\ntitle: [unclosed\n---\nBody", "not valid YAML", id="bad-yaml"),
        pytest.param("---\n- a\n- b\n---\nBody", "YAML mapping", id="not-mapping"),
        pytest.param("---\npublished: last spring\n---\nBody", "YYYY-MM-DD", id="bad-date"),
        pytest.param("---\npublished: 2024-13-45\n---\nBody", "cannot be read", id="month-13"),
        pytest.param("---\n? [a, b]\n: c\n---\nBody", "unhashable key", id="list-as-key"),
        pytest.param("---\n2024-01-01: x\n---\nBody", "not a field name", id="date-as-key"),
        pytest.param("---\ntitle: &a [*a]\n---\nBody", "cannot be stored", id="self-reference"),
        pytest.param("---\nnote: &a [*a]\n---\nBody", "cannot be stored", id="self-ref-extra"),
        pytest.param("---\nn: " + "9" * 5000 + "\n---\nBody", "cannot be read", id="huge-int"),
        pytest.param("---\nn: " + "[" * 2000 + "\n---\nBody", "cannot be read", id="deep-nesting"),
    ],
)
def test_split_front_matter_rejects_bad_front_matter(text: str, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        split_front_matter(text, path="a.md")


@pytest.mark.parametrize(
    ("value", "date", "precision"),
    [
        pytest.param('"2018-03"', dt.date(2018, 3, 1), "month", id="month"),
        pytest.param("2004", dt.date(2004, 1, 1), "year", id="year"),
        pytest.param("2024-05-14", dt.date(2024, 5, 14), None, id="day"),
    ],
)
def test_split_front_matter_keeps_the_precision_of_a_partial_date(
    value: str, date: dt.date, precision: str | None
) -> None:
    meta, _ = split_front_matter(f"---\npublished: {value}\n---\nBody", path="a.md")
    assert meta["published"] == date
    assert meta.get("published_precision") == precision


def test_split_front_matter_refuses_month_thirteen() -> None:
    with pytest.raises(IngestError, match="YYYY-MM"):
        split_front_matter('---\npublished: "2018-13"\n---\nBody', path="a.md")


def test_split_front_matter_reads_crlf_files_like_lf_ones() -> None:
    lf = "---\ntitle: A brief\npublished: 2024-06-20\n---\nBody.\n"
    meta, body = split_front_matter(lf.replace("\n", "\r\n"), path="a.md")
    assert (meta["title"], meta["published"], body) == ("A brief", dt.date(2024, 6, 20), "Body.\n")


def test_every_front_matter_error_is_one_line() -> None:
    with pytest.raises(IngestError) as caught:
        split_front_matter("---\n? [a, b]\n: c\n---\nBody", path="a.md")
    assert "\n" not in str(caught.value)
