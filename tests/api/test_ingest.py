"""POST /api/ingest: refused without the token, stored and extracted with it, size-limited."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.api.conftest import TOKEN
from tests.api.test_errors import assert_error

from axiswatch.api import create_app

POSTED = {
    "text": "Sergei Shoigu visited Pyongyang on 26 July 2023 and met Kim Jong Un.",
    "title": "Shoigu in Pyongyang",
    "published": "2023-07-28",
}
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def writable(fresh, no_env_token) -> Iterator[TestClient]:
    """A client of an app with the token set, over a fresh workspace."""
    with TestClient(create_app(fresh.path, token=TOKEN, max_body=4096)) as test_client:
        yield test_client


def test_ingest_refused_without_configured_token(fresh, no_env_token) -> None:
    with TestClient(create_app(fresh.path)) as test_client:
        response = test_client.post("/api/ingest", json=POSTED, headers=AUTH)
    error = assert_error(response, 403, "forbidden")
    assert "AXISWATCH_TOKEN" in error["message"]


def test_ingest_token_from_environment(fresh, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AXISWATCH_TOKEN", TOKEN)
    with TestClient(create_app(fresh.path)) as test_client:
        response = test_client.post("/api/ingest", json={"text": ""}, headers=AUTH)
    assert_error(response, 400, "bad_request")  # past the token check


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}],
    ids=["missing", "wrong", "not-bearer"],
)
def test_ingest_unauthorized(writable: TestClient, headers: dict[str, str]) -> None:
    response = writable.post("/api/ingest", json=POSTED, headers=headers)
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


def test_ingest_reads_are_open_writes_are_not(writable: TestClient) -> None:
    assert writable.get("/api/documents").status_code == 200
    assert writable.post("/api/ingest", json=POSTED).status_code == 401


def test_ingest_body_too_large(writable: TestClient) -> None:
    big = {"text": "x" * 10_000}
    error = assert_error(writable.post("/api/ingest", json=big, headers=AUTH), 413, "too_large")
    assert "limit" in error["message"]


def test_ingest_streamed_body_too_large(writable: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b"x" * 1000

    response = writable.post(
        "/api/ingest",
        content=chunks(),
        headers={**AUTH, "content-type": "application/json"},
    )
    assert_error(response, 413, "too_large")


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"json": {"title": "no text"}}, 400, "bad_request"),
        ({"json": {"text": "   "}}, 400, "bad_request"),
        ({"json": {"text": "x", "published": "soon"}}, 400, "bad_request"),
        (
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            400,
            "bad_request",
        ),
        (
            {"content": b"plain", "headers": {"content-type": "text/plain"}},
            415,
            "unsupported_media_type",
        ),
        ({"data": {"title": "no file"}, "files": {"other": ("a.txt", b"x")}}, 400, "bad_request"),
    ],
    ids=["no-text", "blank", "bad-date", "bad-json", "media-type", "no-file-part"],
)
def test_ingest_bad_requests(writable: TestClient, kwargs: dict, status: int, code: str) -> None:
    headers = {**AUTH, **kwargs.pop("headers", {})}
    assert_error(writable.post("/api/ingest", headers=headers, **kwargs), status, code)


@pytest.fixture(scope="module")
def extracting(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A writable app whose extractor (spaCy) loads once for the tests that extract."""
    from tests.api._sample import build_sample

    sample = build_sample(tmp_path_factory.mktemp("extracting"))
    with TestClient(create_app(sample.path, token=TOKEN)) as test_client:
        yield test_client


@pytest.mark.slow
def test_ingest_json_stores_and_extracts(extracting: TestClient) -> None:
    response = extracting.post("/api/ingest", json=POSTED, headers=AUTH)
    assert response.status_code == 201
    outcome = response.json()["documents"][0]
    assert outcome["status"] == "added" and outcome["title"] == "Shoigu in Pyongyang"
    assert outcome["events"] >= 1
    listed = extracting.get("/api/documents").json()["documents"]
    assert "Shoigu in Pyongyang" in [d["title"] for d in listed]
    detail = extracting.get(outcome["links"]["self"]).json()
    assert detail["document"]["published"] == "2023-07-28"
    assert any(e["trigger"] == "visited" for e in detail["events"])
    again = extracting.post("/api/ingest", json=POSTED, headers=AUTH)
    assert again.status_code == 200 and again.json()["documents"][0]["status"] == "unchanged"


@pytest.mark.slow
def test_ingest_multipart_upload(extracting: TestClient) -> None:
    text = b"---\ntitle: Uploaded brief\n---\nXi Jinping met Kim Jong Un in Beijing on 8 May 2018."
    response = extracting.post(
        "/api/ingest",
        files={"file": ("brief.md", text, "text/markdown")},
        data={"published": "2018-05-09"},
        headers=AUTH,
    )
    assert response.status_code == 201
    outcome = response.json()["documents"][0]
    assert outcome["title"] == "Uploaded brief"
    listed = extracting.get("/api/documents").json()["documents"]
    assert "Uploaded brief" in [d["title"] for d in listed]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("u16.txt", "\ufeffhi".encode("utf-16-le") + b"\x00", "UTF-16"),
        ("fm.txt", b"---\npublished: 2024-13-45\n---\nText.\n", "front matter"),
        ("keys.txt", b"---\n? [a, b]\n: c\n---\nText.\n", "front matter"),
    ],
)
def test_ingest_unreadable_upload_is_400_and_stores_nothing(
    writable: TestClient, name: str, data: bytes, message: str
) -> None:
    before = writable.get("/api/documents").json()["count"]
    response = writable.post("/api/ingest", files={"file": (name, data)}, headers=AUTH)
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]
    assert writable.get("/api/documents").json()["count"] == before
