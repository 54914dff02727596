"""GET /api/claims (with verdicts) and /api/hypotheses (with or without the analysis)."""

from __future__ import annotations

import importlib.machinery
import sys
import types

import pytest
from fastapi.testclient import TestClient

from axiswatch.api.claims import HYPOTHESES_MODULE


def test_claims_carry_verdicts_and_explanations(client: TestClient) -> None:
    body = client.get("/api/claims").json()
    assert body["count"] == 2
    assert body["verdicts"]["supported"] == 1 and body["verdicts"]["contradicted"] == 1
    border = next(c for c in body["claims"] if c["claim_id"] == "c-border")
    assert border["verdict"] == "supported"
    assert border["verification"]["explanation"] == "The Factbook gives 17 km (within 1 km)."
    assert border["verification"]["dataset_version"] == "2024"
    assert border["verification"]["reference_rows"] == [{"km": 17}]
    assert border["subject"] == "PRK"
    assert border["links"]["document"].endswith("#cl-c-border")


@pytest.mark.parametrize(
    ("verdict", "ids"),
    [("supported", ["c-border"]), ("contradicted", ["c-trade"]), ("unchecked", [])],
)
def test_claims_filter_by_verdict(client: TestClient, verdict: str, ids: list[str]) -> None:
    body = client.get(f"/api/claims?verdict={verdict}").json()
    assert [c["claim_id"] for c in body["claims"]] == ids
    assert sum(body["verdicts"].values()) == 2


def test_claims_empty_table(fresh, no_env_token) -> None:
    from axiswatch.api import create_app

    with TestClient(create_app(fresh.path)) as test_client:
        test_client.app.state.axiswatch.open()
        with test_client.app.state.axiswatch.writer() as ws:
            ws.con.execute("DELETE FROM claims")
        body = test_client.get("/api/claims").json()
    assert body == {
        "count": 0,
        "total": 0,
        "next": None,
        "cursor": None,
        "verdicts": {
            "supported": 0,
            "contradicted": 0,
            "partly": 0,
            "unverifiable": 0,
            "unchecked": 0,
        },
        "claims": [],
    }


def test_hypotheses_listed_from_the_analysis(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = types.ModuleType(HYPOTHESES_MODULE)
    fake.__spec__ = importlib.machinery.ModuleSpec(HYPOTHESES_MODULE, None)
    fake.hypotheses = lambda con: [
        {
            "hypothesis_id": "h1",
            "statement": "Moscow and Pyongyang may act together",
            "counts": {"C": 1, "I": 0, "N": 0},
            "evidence": [{"kind": "event", "item_id": "x-e1", "rating": "C", "why": "same"}],
        }
    ]
    monkeypatch.setitem(sys.modules, HYPOTHESES_MODULE, fake)
    body = client.get("/api/hypotheses").json()
    assert body["available"] is True
    assert body["hypotheses"][0]["statement"] == "Moscow and Pyongyang may act together"
    assert body["hypotheses"][0]["evidence"][0]["rating"] == "C"
    page = client.get("/hypotheses", headers={"accept": "text/html"}).text
    assert 'href="/events/x-e1"' in page


def test_hypotheses_from_a_hedged_claim(fresh, no_env_token) -> None:
    pytest.importorskip(HYPOTHESES_MODULE, reason="the hypotheses analysis is not installed")
    from axiswatch.api import create_app

    app = create_app(fresh.path)
    with app.state.axiswatch.writer() as ws:
        ws.con.execute(
            "INSERT INTO claims (claim_id, document_id, sentence, subject, predicate, object, "
            "epistemic, checkable_against, created_at) VALUES ('c-hedged', NULL, "
            "'North Korea may act together with Russia.', '\"PRK\"', 'acts_together_with', "
            "'\"RUS\"', 'hypothetical', 'none', now())"
        )
    with TestClient(app) as test_client:
        body = test_client.get("/api/hypotheses").json()
    assert body["available"] is True
    [hypothesis] = body["hypotheses"]
    assert hypothesis["hypothesis_id"] == "c-hedged"
    ratings = {e["item_id"]: e["rating"] for e in hypothesis["evidence"]}
    visited = next(e for e in fresh.events if e.trigger == "visited")
    with app.state.axiswatch.writer() as ws:
        assert ratings[ws.event_id_of(visited.event_id)] == "C"


def test_hypotheses_without_the_analysis(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("axiswatch.api.claims.has_hypotheses", lambda: False)
    fresh = {"Cache-Control": "no-cache"}  # the code changed, not the workspace
    assert client.get("/api/hypotheses", headers=fresh).json() == {
        "available": False,
        "count": 0,
        "total": 0,
        "next": None,
        "cursor": None,
        "hypotheses": [],
    }


def test_claims_page_by_cursor_and_count_every_verdict(client: TestClient) -> None:
    everything = client.get("/api/claims").json()
    seen, url = [], "/api/claims?limit=1"
    while url:
        body = client.get(url).json()
        assert body["verdicts"] == everything["verdicts"] and body["count"] <= 1
        seen += [c["claim_id"] for c in body["claims"]]
        url = body["next"]
    assert seen == [c["claim_id"] for c in everything["claims"]]
    assert len(seen) == everything["total"] == sum(everything["verdicts"].values())
    supported = client.get("/api/claims?verdict=supported").json()
    assert supported["total"] == everything["verdicts"]["supported"]
    assert all(c["verdict"] == "supported" for c in supported["claims"])
    assert client.get("/api/claims?after=nonsense").status_code == 400
