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
    ],
)
def test_split_front_matter_rejects_bad_front_matter(text: str, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        split_front_matter(text, path="a.md")
