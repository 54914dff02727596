"""Many readers at once against a real `axiswatch serve`: latency, failures, server memory.

usage: python benchmarks/api_load.py WORKSPACE [--readers 50] [--seconds 60] [--think 1]
       [--cache 256]

Starts `axiswatch serve` on a copy of WORKSPACE (127.0.0.1, a free port), then ``readers``
threads (each waiting --think seconds between requests, as a person reading would; 0 for a
flood) request, in turn, a page of events, the CHN-RUS dyad by year, the actor network,
the actor list and the CHN-RUS-PRK triangle, for ``seconds``. Prints requests, failures
(timeouts of 30 s, errors, non-200 answers), p50/p95/max latency per route and overall, and the
server's peak resident memory (VmHWM). Reported, not asserted.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROUTES = (
    "/api/events?limit=50",
    "/api/dyad?a=CHN&b=RUS&by=year",
    "/api/network",
    "/api/actors",
    "/api/triangle?a=CHN&b=RUS&c=PRK&by=year",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, cache: int) -> tuple[subprocess.Popen[bytes], str]:
    """A real `axiswatch serve` on ``db`` (answer cache ``cache``), once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "axiswatch", "serve", "--db", str(db)),
            *("--port", str(port), "--cache", str(cache)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(f"{base}/api/documents", timeout=5)
            break
        except httpx.TransportError:
            time.sleep(0.3)
    return server, base


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--think", type=float, default=1.0, help="seconds a reader waits between requests"
    )
    parser.add_argument(
        "--cache", type=int, default=256, help="the server's --cache (0: every read computed)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "w.duckdb"
        shutil.copy(args.workspace, db)
        server, base = start_server(db, args.cache)
        try:
            for route in ROUTES:  # warm: first use of each query
                httpx.get(base + route, timeout=120)
            times: dict[str, list[float]] = defaultdict(list)
            failures: dict[str, int] = defaultdict(int)
            lock = threading.Lock()
            stop = time.monotonic() + args.seconds

            def reader(offset: int) -> None:
                with httpx.Client(base_url=base, timeout=30) as client:
                    n = offset
                    while time.monotonic() < stop:
                        route = ROUTES[n % len(ROUTES)]
                        n += 1
                        began = time.perf_counter()
                        try:
                            ok = client.get(route).status_code == 200
                        except httpx.HTTPError:
                            ok = False
                        took = time.perf_counter() - began
                        with lock:
                            times[route].append(took)
                            if not ok:
                                failures[route] += 1
                        time.sleep(args.think)

            threads = [threading.Thread(target=reader, args=(i,)) for i in range(args.readers)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            rss = peak_rss_mb(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    every = [t for ts in times.values() for t in ts]
    print(f"{args.readers} readers ({args.think:g} s between requests) for "
          f"{args.seconds:.0f} s: {len(every):,} requests, "
          f"{sum(failures.values())} failed; server peak RSS {rss:,.0f} MB")  # fmt: skip
    for route in ROUTES:
        ts = times[route]
        print(f"  {route:<42} n={len(ts):>5}  p50 {statistics.median(ts):.3f}  "
              f"p95 {quantile(ts, 0.95):.3f}  max {max(ts):.3f} s  "
              f"failed {failures[route]}")  # fmt: skip
    print(f"  {'all':<42} n={len(every):>5}  p50 {statistics.median(every):.3f}  "
          f"p95 {quantile(every, 0.95):.3f}  max {max(every):.3f} s")  # fmt: skip


if __name__ == "__main__":
    main()
