"""The OpenAPI schema lists every route, the write token and the error shape."""

from __future__ import annotations

from fastapi.testclient import TestClient

PATHS = {
    "/api/documents",
    "/api/documents/{document_id}",
    "/api/events",
    "/api/events.csv",
    "/api/events/{event_id}",
    "/api/events/{event_id}/review",
    "/api/actors",
    "/api/actors/resolve",
    "/api/actors/{actor_id}",
    "/api/network",
    "/api/network.{fmt}",
    "/api/claims",
    "/api/hypotheses",
    "/api/hypotheses/{hypothesis_id}/evidence",
    "/api/dyad",
    "/api/triangle",
    "/api/votes/align",
    "/api/changes",
    "/api/ingest",
}


def test_openapi_lists_every_api_route(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) == PATHS


def test_openapi_ingest_needs_bearer_and_takes_two_bodies(client: TestClient) -> None:
    ingest = client.get("/openapi.json").json()["paths"]["/api/ingest"]["post"]
    assert ingest["security"] == [{"HTTPBearer": []}]
    assert set(ingest["requestBody"]["content"]) == {"application/json", "multipart/form-data"}
    assert {"401", "403", "413"} <= set(ingest["responses"])


def test_openapi_documents_the_error_shape(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    error = schema["components"]["schemas"]["ErrorDetail"]
    assert set(error["required"]) == {"status", "code", "message"}


def test_no_docs_page_loading_outside_scripts(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
