"""Paging through /api/events's listing deep into a large workspace: cursor against offset.

usage: python benchmarks/events_paging.py WORKSPACE [--page 500] [--depth 1000]

Reads page ``depth`` (of ``page`` events each) twice: by OFFSET and by the keyset cursor of the
page before it, with the listing's own query (`store.events.read_page`), and, as the floor,
one hand-written SQL query that fetches the same rows by the same cursor. Warm, best of three.
The workspace is copied first (opening it may apply migrations). Reported, not asserted.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from axiswatch.store.connect import connect
from axiswatch.store.events import (
    ORDER_BY,
    SORT_KEY,
    EventFilter,
    decode_cursor,
    read_page,
)


def best(fn: Callable[[], object], runs: int = 3) -> float:
    """Best wall time of ``runs`` calls (the first call warms the cache and counts too)."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--page", type=int, default=500)
    parser.add_argument("--depth", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "w.duckdb"
        shutil.copy(args.workspace, copy)
        con = connect(copy)
        total = con.execute("SELECT count(*) FROM grouped_events").fetchone()[0]
        skip = args.page * (args.depth - 1)
        before = read_page(con, EventFilter(limit=1, offset=max(skip - 1, 0)))
        by_offset = best(lambda: read_page(con, EventFilter(limit=args.page, offset=skip)))
        by_cursor = best(lambda: read_page(con, EventFilter(limit=args.page, after=before.cursor)))
        first = best(lambda: read_page(con, EventFilter(limit=args.page)))
        marks = ", ".join("?" for _ in SORT_KEY)
        floor_sql = (
            f"SELECT * FROM grouped_events WHERE review IS DISTINCT FROM 'rejected' "
            f"AND ({ORDER_BY}) > ({marks}) ORDER BY {ORDER_BY} LIMIT {args.page}"
        )
        values = decode_cursor(str(before.cursor))
        floor = best(lambda: con.execute(floor_sql, values).fetchall())
        con.close()
    print(f"{total:,} events; page {args.depth} of {args.page} (rows {skip:,}-)")
    print(f"first page              {first:.3f} s")
    print(f"deep page by offset     {by_offset:.3f} s")
    print(f"deep page by cursor     {by_cursor:.3f} s")
    print(f"hand-written SQL floor  {floor:.3f} s (by cursor; ours {by_cursor / floor:.1f}x)")


if __name__ == "__main__":
    main()
