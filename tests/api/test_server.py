"""The app behind a real uvicorn server on 127.0.0.1, fetched with httpx."""

from __future__ import annotations

import httpx
from tests.api._live import live_server
from tests.api._sample import Sample

from axiswatch.api import create_app


def test_server_serves_events_over_http(sample: Sample) -> None:
    with live_server(create_app(sample.path, token="")) as base:
        response = httpx.get(f"{base}/api/events", params={"actor": "CHN"}, timeout=10)
        page = httpx.get(f"{base}/timeline", timeout=10)
    assert base.startswith("http://127.0.0.1:")
    assert response.status_code == 200
    assert response.json()["count"] == 2
    assert page.status_code == 200 and "<mark" in page.text


def test_server_answers_concurrent_reads(sample: Sample) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with (
        live_server(create_app(sample.path, token="")) as base,
        httpx.Client(base_url=base, timeout=20) as http,
    ):

        def fetch(n: int) -> int:
            path = ("/api/events", "/api/triangle", "/api/documents", "/timeline")[n % 4]
            return http.get(path).status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(fetch, range(64)))
    assert statuses == [200] * 64
