"""Claim pages from the store: verdict filter and counts, keyset cursor over documents."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from axiswatch.errors import InputError
from axiswatch.model import Claim
from axiswatch.store.claim_pages import read_claim_page
from axiswatch.store.claims import write_claims
from axiswatch.store.reference import write_verifications
from axiswatch.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path):
    with Workspace(tmp_path / "w.duckdb") as ws:
        for doc in ("d1", "d2"):
            claims = [
                Claim(f"{doc}-c{k}", doc, f"Sentence {k}.", "RUS", "borders", start_char=10 * k)
                for k in range(3)
            ]
            write_claims(ws.con, claims, document_id=doc)
        checks = [("d1-c0", "supported"), ("d2-c2", "contradicted")]
        write_verifications(
            ws.con,
            [
                SimpleNamespace(
                    claim_id=c,
                    verdict=v,
                    explanation="x",
                    dataset=None,
                    dataset_version=None,
                    reference_rows=[],
                )
                for c, v in checks
            ],
        )
        yield ws


def test_pages_walk_documents_in_order_with_all_verdict_counts(ws: Workspace) -> None:
    seen, after = [], None
    while True:
        page = read_claim_page(ws.con, limit=4, after=after)
        assert page.total == 6
        assert page.verdicts == {"supported": 1, "contradicted": 1, "unchecked": 4}
        seen += [c.claim_id for c in page.claims]
        if page.cursor is None:
            break
        after = page.cursor
    assert seen == [f"{d}-c{k}" for d in ("d1", "d2") for k in range(3)]


def test_verdict_and_document_filters(ws: Workspace) -> None:
    page = read_claim_page(ws.con, verdict="unchecked", document_id="d2")
    assert [c.claim_id for c in page.claims] == ["d2-c0", "d2-c1"]
    assert page.verdicts == {"unchecked": 2, "contradicted": 1}
    with pytest.raises(InputError, match="after="):
        read_claim_page(ws.con, after="WzFd")
