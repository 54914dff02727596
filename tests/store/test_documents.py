"""Document pages from the store: filters and counts in SQL, keyset cursor, no texts read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from axiswatch.errors import InputError
from axiswatch.model import Document
from axiswatch.store.documents import (
    DocumentQuery,
    latest_documents,
    read_document_page,
    write_document,
)
from axiswatch.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path):
    with Workspace(tmp_path / "w.duckdb") as ws:
        for k in range(5):
            doc = Document(
                document_id=f"{k:064x}",
                title=f"Report {k} on {'vetoes' if k % 2 else 'summits'}",
                publisher="Wire" if k < 3 else "Ministry",
                published=dt.date(2020 + k, 1, 1),
                text=f"text {k}",
            )
            write_document(ws.con, doc, raw_sha256=str(k))
        yield ws


def test_pages_cover_every_document_once_in_ingestion_order(ws: Workspace) -> None:
    seen, after = [], None
    while True:
        page = read_document_page(ws.con, DocumentQuery(limit=2, after=after))
        assert page.total == 5 and len(page.rows) <= 2
        assert all("text" not in row for row in page.rows)
        seen += [row["document_id"] for row in page.rows]
        if page.cursor is None:
            break
        after = page.cursor
    assert seen == [f"{k:064x}" for k in range(5)]


def test_filters_and_total(ws: Workspace) -> None:
    page = read_document_page(ws.con, DocumentQuery(words="VETOES", publisher="wire"))
    assert page.total == 1 and page.rows[0]["title"] == "Report 1 on vetoes"
    dated = read_document_page(
        ws.con, DocumentQuery(since=dt.date(2021, 6, 1), until=dt.date(2023, 1, 1))
    )
    assert [r["published"].year for r in dated.rows] == [2022, 2023]
    assert latest_documents(ws.con, 2)[0]["title"] == "Report 4 on summits"


def test_a_cursor_we_did_not_make_is_refused(ws: Workspace) -> None:
    with pytest.raises(InputError, match="after="):
        read_document_page(ws.con, DocumentQuery(after="bm90IG91cnM"))
