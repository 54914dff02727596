"""Repeated reads answered from the cache until the workspace changes (api/cache.py)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.api._sample import Sample

from axiswatch.api import create_app
from axiswatch.api.cache import workspace_version
from axiswatch.workspace import Workspace

TOKEN = "cache-token-0123456789"


def test_a_repeated_read_is_a_hit_with_the_same_answer(fresh: Sample) -> None:
    with TestClient(create_app(fresh.path, token="")) as client:
        first = client.get("/api/network")
        again = client.get("/api/network")
        other = client.get("/api/network?epistemic=alleged")
        asked = client.get("/api/network", headers={"Cache-Control": "no-cache"})
    assert first.headers["x-axiswatch-cache"] == "miss"
    assert again.headers["x-axiswatch-cache"] == "hit" and again.json() == first.json()
    assert other.headers["x-axiswatch-cache"] == "miss"  # the query is part of the key
    assert asked.headers["x-axiswatch-cache"] == "miss"
    assert "content-security-policy" in again.headers  # the outer layers still answer


def test_a_write_by_the_server_invalidates(fresh: Sample) -> None:
    with TestClient(create_app(fresh.path, token=TOKEN)) as client:
        before = client.get("/api/events").json()
        event_id = before["events"][0]["event_id"]
        review = {"action": "reject", "reviewer": "test"}
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert client.post(f"/api/events/{event_id}/review", json=review, headers=auth).is_success
        after = client.get("/api/events")
    assert after.headers["x-axiswatch-cache"] == "miss"
    assert after.json()["total"] == before["total"] - 1


def test_a_write_by_another_program_invalidates(fresh: Sample) -> None:
    with TestClient(create_app(fresh.path, token="")) as client:
        before = client.get("/api/documents").json()["total"]
        version = workspace_version(fresh.path)
        with Workspace(fresh.path) as ws:  # as the command line would, between requests
            ws.con.execute(
                "DELETE FROM documents WHERE document_id = ?", [fresh.events[0].document_id]
            )
        assert workspace_version(fresh.path) != version
        after = client.get("/api/documents")
    assert after.headers["x-axiswatch-cache"] == "miss" and after.json()["total"] == before - 1


def test_errors_and_pages_are_not_kept(fresh: Sample) -> None:
    with TestClient(create_app(fresh.path, token="")) as client:
        client.get("/api/dyad?a=RUS&b=RUS")
        second = client.get("/api/dyad?a=RUS&b=RUS")
        page = client.get("/timeline")
    assert second.status_code == 400 and second.headers["x-axiswatch-cache"] == "miss"
    assert "x-axiswatch-cache" not in page.headers


def test_size_zero_turns_it_off(fresh: Sample) -> None:
    with TestClient(create_app(fresh.path, token="", cache_size=0)) as client:
        client.get("/api/network")
        assert "x-axiswatch-cache" not in client.get("/api/network").headers
