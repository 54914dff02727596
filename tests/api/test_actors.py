"""GET /api/actors (search and the workspace's actors), /api/actors/{id}, resolve."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_actors_search_finds_person_and_state(client: TestClient) -> None:
    body = client.get("/api/actors?q=putin").json()
    assert body["query"] == "putin"
    assert any(hit["kind"] == "person" and "Putin" in hit["name"] for hit in body["actors"])
    states = client.get("/api/actors?q=russia").json()["actors"]
    assert states[0]["id"] == "RUS"


def test_actors_without_query_lists_workspace_actors(client: TestClient) -> None:
    body = client.get("/api/actors").json()
    assert [a["id"] for a in body["actors"]] == ["PRK", "RUS", "CHN"]
    assert body["actors"][0]["events"] == 5


def test_actor_detail_has_partners(client: TestClient) -> None:
    body = client.get("/api/actors/rus").json()
    assert body["id"] == "RUS"
    assert body["name"] == "Russia"
    assert body["events"] == 5
    assert body["partners"] == [{"id": "PRK", "events": 4}, {"id": "CHN", "events": 1}]


def test_actor_resolve_role_on_date(client: TestClient) -> None:
    body = client.get("/api/actors/resolve?text=Vladimir Putin&date=2019-04-25").json()
    assert body["actor"] == "RUS"
    assert body["person"] == "Vladimir Putin"


def test_network_counts_pairs(client: TestClient) -> None:
    body = client.get("/api/network").json()
    pairs = {(e["a"], e["b"]): e["n"] for e in body["edges"]}
    assert pairs == {("PRK", "RUS"): 4, ("CHN", "RUS"): 1, ("CHN", "PRK"): 1}
    assert client.get("/api/network?epistemic=alleged").json()["edges"][0]["n"] == 1


def test_network_exports_graphml_and_gexf_for_gephi(client: TestClient, tmp_path) -> None:
    import xml.etree.ElementTree as ET

    import networkx as nx

    body = client.get("/api/network").json()
    for fmt in ("graphml", "gexf"):
        response = client.get(f"/api/network.{fmt}")
        assert response.status_code == 200
        assert "attachment" in response.headers["content-disposition"]
        ET.fromstring(response.content)  # well-formed XML
        path = tmp_path / f"network.{fmt}"
        path.write_bytes(response.content)
        read = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        assert read.number_of_nodes() == len(body["nodes"])
        assert read.number_of_edges() == len(body["edges"])
    assert client.get("/api/network.csv").status_code in (400, 404, 422)
