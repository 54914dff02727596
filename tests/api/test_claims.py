"""GET /api/claims (with verdicts) and /api/hypotheses (with or without the analysis)."""

from __future__ import annotations

import importlib.machinery
import re
import sys
import types

import pytest
from fastapi.testclient import TestClient
from tests.api._sample import seed_hypotheses

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


@pytest.fixture
def many_hypotheses(fresh, no_env_token):
    """An app over a workspace with 55 hypotheses and at least 30 items on each."""
    pytest.importorskip(HYPOTHESES_MODULE, reason="the hypotheses analysis is not installed")
    from axiswatch.api import create_app

    app = create_app(fresh.path, token="")
    with app.state.axiswatch.writer() as ws:
        seed_hypotheses(ws)
    with TestClient(app) as test_client:
        yield test_client


def test_hypotheses_paged_with_scores_of_the_old_computation(many_hypotheses) -> None:
    from axiswatch.analysis.hypotheses import build_hypotheses
    from axiswatch.store.events import EventFilter, read_events
    from axiswatch.store.reference import read_claims

    client = many_hypotheses
    with client.app.state.axiswatch.writer() as ws:  # every event rated in Python, as before
        old = build_hypotheses(read_claims(ws.con), read_events(ws.con, EventFilter()))
    first = client.get("/api/hypotheses").json()
    assert (first["count"], first["total"]) == (50, len(old)) and first["available"]
    assert first["next"] == f"/api/hypotheses?after={first['cursor']}"
    second = client.get(first["next"]).json()
    assert (second["count"], second["next"], second["cursor"]) == (len(old) - 50, None, None)
    rows = first["hypotheses"] + second["hypotheses"]
    assert [r["hypothesis_id"] for r in rows] == [h.hypothesis_id for h in old]
    for row, h in zip(rows, old, strict=True):
        assert (row["counts"], row["inconsistency"]) == (h.counts, h.inconsistency)
        assert row["evidence_total"] == len(h.evidence)
        assert row["evidence"] == [e.__dict__ for e in h.evidence[:20]]
        more = row["evidence_next"]
        assert more.startswith(f"/api/hypotheses/{h.hypothesis_id}/evidence?") if more else True
        assert (more is None) == (len(h.evidence) <= 20)
    assert {r for h in old for r, n in h.counts.items() if n} == {"C", "I", "N"}
    assert sum(len(h.evidence) > 20 for h in old) > 20


def test_hypothesis_evidence_paged_to_the_end(many_hypotheses) -> None:
    client = many_hypotheses
    listing = client.get("/api/hypotheses?limit=2&evidence=3").json()
    assert (
        listing["count"] == 2 and "limit=2" in listing["next"] and "evidence=3" in listing["next"]
    )
    row = listing["hypotheses"][1]
    items, url = list(row["evidence"]), row["evidence_next"]
    assert len(items) == 3
    while url:
        page = client.get(url + "&limit=7" if "?" in url else url + "?limit=7").json()
        assert page["total"] == row["evidence_total"] and page["count"] <= 7
        assert page["hypothesis"]["counts"] == row["counts"]
        items += page["evidence"]
        url = page["next"]
    assert len(items) == row["evidence_total"]
    assert len({(e["kind"], e["item_id"]) for e in items}) == len(items)
    whole = client.get(f"/api/hypotheses/{row['hypothesis_id']}/evidence?limit=1000").json()
    assert whole["evidence"] == items and whole["next"] is None


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/hypotheses?limit=0", 400),
        ("/api/hypotheses?limit=501", 400),
        ("/api/hypotheses?evidence=1001", 400),
        ("/api/hypotheses?after=nonsense", 400),
        ("/api/hypotheses/h-001/evidence?after=e.nonsense", 400),
        ("/api/hypotheses/h-001/evidence?limit=1001", 400),
        ("/api/hypotheses/no-such/evidence", 404),
    ],
)
def test_hypotheses_paging_refuses_bad_values(many_hypotheses, path: str, status: int) -> None:
    assert many_hypotheses.get(path).status_code == status


def test_hypothesis_pages_link_the_rest_of_the_evidence(many_hypotheses) -> None:
    client = many_hypotheses
    html = client.get("/hypotheses", headers={"accept": "text/html"}).text
    assert 'id="hypothesis-total">55<' in html and 'id="next-page"' in html
    more = re.search(r'class="more-evidence" href="(/hypotheses/h-000\?after=e\.[^"]+)"', html)
    assert more is not None
    rest = client.get(more.group(1), headers={"accept": "text/html"}).text
    assert 'id="evidence-total">' in rest and 'id="first-page" href="/hypotheses/h-000"' in rest
