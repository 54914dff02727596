"""GET /api/dyad, /api/triangle, /api/votes/align and /api/changes."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from tests.api._sample import Sample
from tests.importers.conftest import FIXTURES

from axiswatch.api import create_app
from axiswatch.importers.unvotes import import_unvotes


def test_dyad_series_per_direction(client: TestClient) -> None:
    body = client.get("/api/dyad?a=RUS&b=PRK").json()
    assert (body["a"], body["b"], body["by"]) == ("RUS", "PRK", "year")
    rows = {(r["period"], r["direction"]): r["n_events"] for r in body["series"]}
    assert rows[("2019", "PRK->RUS")] == 1
    assert rows[("2024", "RUS->PRK")] == 1
    assert ("2021", "both") not in rows  # the alleged accusation is left out by default
    every = client.get("/api/dyad?a=RUS&b=PRK&epistemic=all").json()
    assert any(r["period"] == "2021" for r in every["series"])


def test_triangle_links_each_sign_to_its_events(client: TestClient) -> None:
    body = client.get("/api/triangle").json()
    assert body["actors"] == ["CHN", "RUS", "PRK"]
    assert body["latest"]["period"] == "2024"
    chn_rus = body["latest"]["dyads"][0]
    assert chn_rus["dyad"] == "CHN-RUS" and chn_rus["sign"] == 1
    assert chn_rus["links"]["timeline"] == (
        "/timeline?dyad=CHN-RUS&since=2024-01-01&until=2024-12-31"
    )
    events = client.get(chn_rus["links"]["events"]).json()["events"]
    assert [e["event_id"] for e in events] == chn_rus["event_ids"]
    assert body["latest"]["period_end"] == "2024-12-31"


def test_triangle_window_links_cover_the_pooled_periods(client: TestClient) -> None:
    body = client.get("/api/triangle?window=3").json()
    assert body["window"] == 3
    latest = body["latest"]
    assert (latest["period"], latest["window_start"]) == ("2024", "2022")
    chn_rus = latest["dyads"][0]
    assert chn_rus["links"]["timeline"] == (
        "/timeline?dyad=CHN-RUS&since=2022-01-01&until=2024-12-31"
    )
    events = client.get(chn_rus["links"]["events"]).json()["events"]
    assert sorted(e["event_id"] for e in events) == sorted(chn_rus["event_ids"])
    assert client.get("/api/triangle?window=0").status_code == 400  # one error shape


def test_triangle_by_quarter(client: TestClient) -> None:
    body = client.get("/api/triangle?by=quarter").json()
    assert body["latest"]["period"] == "2024-Q2"
    assert body["latest"]["period_end"] == "2024-06-30"


def test_changes_has_series_and_breaks(client: TestClient) -> None:
    body = client.get("/api/changes?a=RUS&b=PRK&by=year").json()
    assert body["a"] == "RUS" and body["by"] == "year"
    assert isinstance(body["breaks"], list)
    assert len(body["series"]) >= 3


def test_votes_align_without_votes_reads_the_bundled_pack(client: TestClient) -> None:
    response = client.get("/api/votes/align?countries=RUS,CHN&from=2014&to=2014")
    assert response.status_code == 200
    body = response.json()
    assert body["dataset"] == "unvotes-voeten"
    assert body["dataset_version"].startswith("pack-")
    assert body["rows"][0]["n"] > 50


def test_votes_align_unknown_dataset_is_not_found(client: TestClient) -> None:
    response = client.get("/api/votes/align?countries=RUS,CHN&dataset=nope")
    assert response.status_code == 404
    assert "dataset 'nope'" in response.json()["error"]["message"]


def test_votes_align_with_votes(fresh: Sample, no_env_token: None) -> None:
    app = create_app(fresh.path)
    with app.state.axiswatch.writer() as ws:
        import_unvotes(ws.con, Path(FIXTURES) / "dgrtwo", dataset_version="t1")
    with TestClient(app) as test_client:
        body = test_client.get("/api/votes/align?countries=USA,RUS&from=1946&to=2024").json()
    assert body["countries"] == ["USA", "RUS"]
    assert body["from"] == 1946 and body["to"] == 2024
    assert body["rows"] and {"agree", "n"} <= set(body["rows"][0])
