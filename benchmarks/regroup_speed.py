"""Cost of rebuilding the events from N extracted mentions (store.groups.regroup).

usage: python benchmarks/regroup_speed.py [--sizes 20000,100000]

Synthetic mentions (8 states, 5 types, days 2000-2024 at day, month or year precision, 50 a
document) are written to an in-memory workspace; the rebuild is timed against a SQL floor
that only counts mentions per type, unordered pair and date (no nesting of dates, no reviews,
no writes). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from axiswatch.store.connect import connect
from axiswatch.store.groups import regroup

CODES = ("RUS", "CHN", "PRK", "USA", "JPN", "KOR", "IRN", "UKR")
TYPES = ("CONSULT", "SUPPORT", "ACCUSE", "AGREE", "COOPERATE")


def _workspace(n: int):
    con = connect(":memory:")
    rng = random.Random(1)
    rows = []
    for i in range(n):
        day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
        precision = rng.choice(("day", "month", "year"))
        text = day.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]
        lo = {"day": day, "month": day.replace(day=1), "year": day.replace(month=1, day=1)}
        hi = {
            "day": day,
            "month": (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            - dt.timedelta(days=1),
            "year": day.replace(month=12, day=31),
        }
        a, b = rng.sample(CODES, 2)
        rows.append((f"d{i // 50}-e{i % 50}", f"doc{i // 50}", i % 50 * 10, i % 50 * 10 + 5,
                     text, text, lo[precision], hi[precision], precision, a, b,
                     rng.choice(TYPES)))  # fmt: skip
    con.execute(
        "CREATE TEMP TABLE _rows (event_id VARCHAR, document_id VARCHAR, start_char INT, "
        "end_char INT, date_start VARCHAR, date_end VARCHAR, day_start DATE, day_end DATE, "
        "precision VARCHAR, source VARCHAR, target VARCHAR, event_type VARCHAR)"
    )
    con.executemany("INSERT INTO _rows VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.execute(
        "INSERT INTO events BY NAME SELECT *, 'extracted' AS origin, 's' AS sentence, "
        "'asserted' AS epistemic, 0.9 AS confidence, now() AS created_at FROM _rows"
    )
    return con


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,100000")
    args = parser.parse_args()
    for n in (int(x) for x in args.sizes.split(",")):
        con = _workspace(n)
        t0 = time.perf_counter()
        events = regroup(con)
        rebuild = time.perf_counter() - t0
        t0 = time.perf_counter()
        con.execute(
            "SELECT event_type, least(source, target), greatest(source, target), date_start, "
            "count(*) FROM events GROUP BY ALL"
        ).fetchall()
        floor = time.perf_counter() - t0
        print(f"{n:>9,} mentions -> {events:,} events: regroup {rebuild:.2f} s; "
              f"SQL count floor {floor:.3f} s ({rebuild / floor:.0f}x)")  # fmt: skip


if __name__ == "__main__":
    main()
