"""One JSON error shape for every API error, and HTML error pages for browsers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

SHAPE_KEYS = {"status", "code", "message"}


def assert_error(response, status: int, code: str) -> dict:
    """The response is the one error shape with this status and code; returns the error."""
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == SHAPE_KEYS
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/no-such-thing",
        "/api/events/no-such-event",
        "/api/documents/ffffffffffff",
        "/api/actors/NOSUCHACTOR",
    ],
    ids=["path", "event", "document", "actor"],
)
def test_error_shape_not_found(client: TestClient, url: str) -> None:
    assert_error(client.get(url), 404, "not_found")


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?limit=abc",
        "/api/events?limit=0",
        "/api/events?since=2020-13-01",
        "/api/events?epistemic=certain",
        "/api/events?type=HUG",
        "/api/events?dyad=RUS",
        "/api/documents/ab",
        "/api/dyad?a=RUS",
        "/api/triangle?by=decade",
        "/api/triangle?a=RUS&b=RUS&c=PRK",
        "/api/claims?verdict=maybe",
        "/api/votes/align?countries=RUS",
        "/api/actors/resolve?text=putin&date=yesterday",
    ],
    ids=[
        "limit-not-int",
        "limit-zero",
        "since-not-date",
        "epistemic",
        "type",
        "dyad",
        "short-prefix",
        "missing-b",
        "period",
        "same-actor",
        "verdict",
        "one-country",
        "resolve-date",
    ],
)
def test_error_shape_bad_request(client: TestClient, url: str) -> None:
    assert_error(client.get(url), 400, "bad_request")


def test_error_message_names_the_parameter(client: TestClient) -> None:
    error = assert_error(client.get("/api/events?since=2020-13-01"), 400, "bad_request")
    assert error["message"] == "since='2020-13-01' is not a date: write it as YYYY-MM-DD"


def test_error_validation_message_lists_fields(client: TestClient) -> None:
    error = assert_error(client.get("/api/dyad"), 400, "bad_request")
    assert "query.a: Field required" in error["message"]
    assert "query.b: Field required" in error["message"]


def test_error_method_not_allowed(client: TestClient) -> None:
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")


def test_error_page_is_html_for_browsers(client: TestClient) -> None:
    response = client.get("/events/no-such-event", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no event with id" in response.text
    assert 'data-code="not_found"' in response.text


def test_error_page_is_json_for_api_clients(client: TestClient) -> None:
    response = client.get("/events/no-such-event", headers={"accept": "application/json"})
    assert_error(response, 404, "not_found")
