"""The optional read token: API clients by header, browsers by a one-time link and a cookie."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from tests.api._live import free_port
from tests.api._sample import build_sample

from axiswatch.api.app import create_app
from axiswatch.api.read_gate import COOKIE


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    sample = build_sample(tmp_path)
    app = create_app(sample.path, token="write-secret", read_token="read-secret")
    return TestClient(app, base_url="http://127.0.0.1")


def test_without_the_token_nothing_is_answered(client: TestClient) -> None:
    for path in ("/", "/api/documents", "/api/events", "/openapi.json", "/static/axiswatch.css"):
        response = client.get(path)
        assert response.status_code == 401, path
    body = client.get("/api/documents").json()
    assert "/?token=TOKEN" in body["error"]["message"]
    assert client.get("/api/documents", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_the_read_or_write_token_in_the_header_reads(client: TestClient) -> None:
    for token in ("read-secret", "write-secret"):
        answer = client.get("/api/documents", headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 200, token


def test_a_browser_link_sets_a_cookie_and_drops_the_token_from_the_address(
    client: TestClient,
) -> None:
    first = client.get("/timeline?type=CONSULT&token=read-secret", follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"] == "/timeline?type=CONSULT"
    cookie = first.headers["set-cookie"]
    assert f"{COOKIE}=read-secret" in cookie and "HttpOnly" in cookie
    assert "samesite=strict" in cookie.lower()
    client.cookies.set(COOKIE, "read-secret")
    assert client.get("/timeline?type=CONSULT").status_code == 200
    assert client.get("/api/documents").status_code == 200
    client.cookies.clear()
    assert client.get("/?token=wrong", follow_redirects=False).status_code == 401


def test_the_read_token_does_not_write(client: TestClient) -> None:
    response = client.post(
        "/api/ingest",
        headers={"Authorization": "Bearer read-secret"},
        files={"file": ("a.txt", b"Russia and China met on 1 May 2024.", "text/plain")},
    )
    assert response.status_code == 401


def test_a_real_server_with_the_environment_variable(tmp_path: Path) -> None:
    sample = build_sample(tmp_path)
    port = free_port()
    env = {**os.environ, "AXISWATCH_READ_TOKEN": "env-secret"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "axiswatch", "serve", "--db", str(sample.path), "--port",
         str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status = httpx.get(f"{base}/api/documents", timeout=2).status_code
                break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            pytest.fail("the server did not start")
        assert status == 401
        auth = {"Authorization": "Bearer env-secret"}
        assert httpx.get(f"{base}/api/documents", headers=auth, timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
