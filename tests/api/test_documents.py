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


def test_documents_page_by_cursor_with_a_total(client: TestClient) -> None:
    everything = client.get("/api/documents").json()
    seen, url = [], "/api/documents?limit=1"
    while url:
        body = client.get(url).json()
        assert body["total"] == everything["total"] and body["count"] <= 1
        seen += [d["document_id"] for d in body["documents"]]
        url = body["next"]
    assert seen == [d["document_id"] for d in everything["documents"]]
    assert len(seen) == everything["total"] >= 2


def test_documents_filter_in_sql_and_refuse_bad_values(client: TestClient) -> None:
    every = client.get("/api/documents").json()["documents"]
    word = every[0]["title"].split()[0].lower()
    found = client.get("/api/documents", params={"q": word}).json()
    assert found["total"] == sum(word in (d["title"] or "").lower() for d in every) >= 1
    dated = sorted(d["published"] for d in every if d["published"])
    later = client.get("/api/documents", params={"since": dated[-1]}).json()
    assert all(d["published"] >= dated[-1] for d in later["documents"])
    assert client.get("/api/documents?since=2020-02-30").status_code == 400
    assert client.get("/api/documents?after=nonsense").status_code == 400
    assert client.get("/api/documents?since=2024-01-01&until=2023-01-01").status_code == 400
