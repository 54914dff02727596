"""`axiswatch serve` as its own process: requests that once killed or froze it.

The server runs in a subprocess so that a crash shows as a dead process, not a dead test run.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from tests.api._live import free_port
from tests.api._sample import Sample, build_sample


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen, Sample]]:
    sample = build_sample(tmp_path)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "axiswatch", "serve", "--db", str(sample.path), "--port",
         str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/documents", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.3)
    else:
        proc.kill()
        message = proc.stderr.read().decode()[-2000:]
        proc.stderr.close()
        pytest.fail("the server did not start: " + message)
    yield base, proc, sample
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("the server did not stop on SIGTERM")
    finally:
        proc.stderr.close()


@pytest.mark.parametrize(
    "query",
    ["/?a=%00", "/?a=%01", "/?a=%EF%BF%BE", "/?b=RUS%00", "/dyad?a=%00&b=RUS",
     "/api/triangle?c=%00", "/api/dyad?a=%00&b=RUS", "/api/changes?a=RUS&b=%1F"],
)  # fmt: skip
def test_control_characters_are_refused_and_the_server_lives(served, query: str) -> None:
    base, proc, _ = served
    response = httpx.get(base + query, timeout=30)
    assert response.status_code == 400
    assert "actor" in response.json()["error"]["message"]
    assert proc.poll() is None
    assert httpx.get(f"{base}/", timeout=30).status_code == 200


def test_a_hundred_concurrent_analyses_then_every_route_answers(served) -> None:
    base, proc, _sample = served
    paths = ["/api/dyad?a=RUS&b=PRK", "/api/triangle", "/api/changes?a=RUS&b=PRK", "/"]

    def fetch(n: int) -> int:
        return httpx.get(base + paths[n % len(paths)], timeout=60).status_code

    with ThreadPoolExecutor(max_workers=100) as pool:
        statuses = list(pool.map(fetch, range(100)))
    assert statuses == [200] * 100
    routes = ["/api/events", "/api/documents", "/timeline", "/api/network", "/network"]
    assert [httpx.get(base + r, timeout=30).status_code for r in routes] == [200] * len(routes)
    assert proc.poll() is None


def test_unknown_host_names_are_refused(served) -> None:
    base, _proc, _ = served
    rebinding = httpx.get(f"{base}/api/events", headers={"Host": "evil.example"}, timeout=30)
    assert rebinding.status_code == 400
    assert "--allow-host" in rebinding.json()["error"]["message"]
    for name in ("localhost", "127.0.0.1"):
        port = base.rsplit(":", 1)[1]
        ok = httpx.get(f"{base}/api/events", headers={"Host": f"{name}:{port}"}, timeout=30)
        assert ok.status_code == 200


def test_every_page_and_answer_carries_the_security_headers(served) -> None:
    base, _proc, _ = served
    for path in ("/", "/timeline", "/api/events", "/static/axiswatch.js", "/api/nope"):
        headers = httpx.get(base + path, timeout=30).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
