"""GET /api/documents and /api/documents/{id}."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.api._sample import XSS, Sample


def test_documents_list_counts_events(client: TestClient, sample: Sample) -> None:
    body = client.get("/api/documents").json()
    assert body["count"] == 3
    counts = {d["title"]: d["events"] for d in body["documents"]}
    assert counts == {"Summit in Vladivostok": 3, "China and Russia": 2, "Leaked memo": 1}
    assert all("text" not in d for d in body["documents"])


def test_documents_list_limit(client: TestClient) -> None:
    assert client.get("/api/documents?limit=1").json()["count"] == 1


def test_document_detail_has_text_events_claims(client: TestClient, sample: Sample) -> None:
    document = sample.documents["summit.md"]
    body = client.get(f"/api/documents/{document.document_id}").json()
    assert body["document"]["text"] == document.text
    assert body["document"]["links"]["html"] == f"/documents/{document.document_id}"
    starts = [e["start_char"] for e in body["events"]]
    assert starts == sorted(starts) and len(starts) == 3
    assert [c["claim_id"] for c in body["claims"]] == ["c-border"]
    assert body["claims"][0]["verdict"] == "supported"


def test_document_detail_by_prefix(client: TestClient, sample: Sample) -> None:
    document = sample.documents["leak.txt"]
    body = client.get(f"/api/documents/{document.document_id[:8]}").json()
    assert body["document"]["document_id"] == document.document_id
    assert XSS in body["document"]["text"]
