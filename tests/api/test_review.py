"""POST /api/events/{id}/review: behind the token, one-line errors, effects on the indicators."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.api.conftest import TOKEN

from axiswatch.api import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def writable(fresh, no_env_token) -> Iterator[TestClient]:
    with TestClient(create_app(fresh.path, token=TOKEN)) as test_client:
        yield test_client


def _event_id(client: TestClient, trigger: str) -> str:
    events = client.get("/api/events").json()["events"]
    return next(e["event_id"] for e in events if e["trigger"] == trigger)


def test_reject_removes_the_event_from_listings_and_the_dyad(writable: TestClient) -> None:
    condemned = _event_id(writable, "condemned")
    before = writable.get("/api/dyad", params={"a": "CHN", "b": "PRK"}).json()["series"]
    assert sum(r["n_events"] for r in before if r["direction"] == "both") == 1
    answer = writable.post(
        f"/api/events/{condemned}/review", json={"action": "reject", "note": "misread"},
        headers=AUTH,
    )  # fmt: skip
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["review"]["action"] == "reject" and body["event"]["review"] == "rejected"
    assert [r["note"] for r in body["reviews"]] == ["misread"]
    assert condemned not in {e["event_id"] for e in writable.get("/api/events").json()["events"]}
    after = writable.get("/api/dyad", params={"a": "CHN", "b": "PRK"}).json()["series"]
    assert after == []


def test_edit_direction_shows_in_the_dyad(writable: TestClient) -> None:
    hosted = _event_id(writable, "hosted")
    answer = writable.post(
        f"/api/events/{hosted}/review",
        json={"action": "edit", "changes": {"source": "RUS", "target": "CHN"}},
        headers=AUTH,
    )
    assert answer.status_code == 201, answer.text
    series = writable.get("/api/dyad", params={"a": "CHN", "b": "RUS"}).json()["series"]
    counts = {r["direction"]: r["n_events"] for r in series}
    assert counts["RUS->CHN"] == 1 and counts["CHN->RUS"] == 0
    reviewed = writable.get("/api/dyad", params={"a": "CHN", "b": "RUS", "reviewed": True})
    assert sum(r["n_events"] for r in reviewed.json()["series"] if r["direction"] == "both") == 1


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"action": "approve"}, 400, "action"),
        ({"action": "edit", "changes": {"source": "XXX"}}, 400, "source 'XXX'"),
        ({"action": "edit", "changes": {"date_start": "2020-02-30"}}, 400, "date_start"),
        ({"action": "merge"}, 400, "merge: name at least one"),
    ],
)
def test_bad_reviews_are_refused_and_change_nothing(
    writable: TestClient, body: dict, status: int, message: str
) -> None:
    hosted = _event_id(writable, "hosted")
    answer = writable.post(f"/api/events/{hosted}/review", json=body, headers=AUTH)
    assert answer.status_code == status
    assert message in answer.json()["error"]["message"]
    assert writable.get(f"/api/events/{hosted}").json()["reviews"] == []


def test_unknown_event_is_404(writable: TestClient) -> None:
    answer = writable.post("/api/events/ev-nope/review", json={"action": "accept"}, headers=AUTH)
    assert answer.status_code == 404


def test_reviews_need_the_token(writable: TestClient, client: TestClient) -> None:
    hosted = _event_id(writable, "hosted")
    assert (
        writable.post(f"/api/events/{hosted}/review", json={"action": "accept"}).status_code == 401
    )
    assert client.post(f"/api/events/{hosted}/review", json={"action": "accept"}).status_code == 403


def test_network_counts_events_and_reviewed_ones(writable: TestClient) -> None:
    edges = writable.get("/api/network").json()["edges"]
    assert all(e["mentions"] >= e["n"] for e in edges)
    assert writable.get("/api/network", params={"reviewed": True}).json()["edges"] == []
    hosted = _event_id(writable, "hosted")
    writable.post(f"/api/events/{hosted}/review", json={"action": "accept"}, headers=AUTH)
    [edge] = writable.get("/api/network", params={"reviewed": True}).json()["edges"]
    assert (edge["a"], edge["b"], edge["n"]) == ("CHN", "RUS", 1)
