"""/api/hypotheses and the hypotheses page against a real `axiswatch serve`, and the floor: one
hand-written SQL query that scores the same hypotheses against the events.

usage: python benchmarks/hypotheses_speed.py WORKSPACE [--no-seed] [--no-reference]

WORKSPACE is copied first. Unless --no-seed, six hypotheses and two firm claims about CHN, RUS,
GEO, ARM, AZE and TUR (the actors of the bundled GDELT sample) are added to the copy, so that a
workspace of imported events has hypotheses with many events bearing on each. The server
(127.0.0.1, a free port, --cache 0) answers GET /api/hypotheses, GET /hypotheses and the first
page of the largest hypothesis' evidence; warm, best of three. Then, in this process: the floor
query (C, I and N events per hypothesis, the rating written out in SQL), and, unless
--no-reference, the Python reference (`build_hypotheses` over every event touching an actor of
a hypothesis: the computation /api/hypotheses ran before paging). The endpoint's scores are
checked against the floor's plus the claims' items (rated in Python by both). Reported, not
asserted.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from api_load import start_server

from axiswatch.analysis import hypotheses as hyp
from axiswatch.model import Claim
from axiswatch.store.claims import write_claims
from axiswatch.store.connect import connect
from axiswatch.store.events import EventFilter, read_events
from axiswatch.store.reference import read_claims

SEED = (
    ("CHN", "may_become_more_assertive_towards", "RUS", "hypothetical", "none"),
    ("RUS", "supports", "GEO", "alleged", "none"),
    ("CHN", "meets", "RUS", "hypothetical", "none"),
    ("RUS", "plays_part", "GEO", "hypothetical", "none"),
    ("CHN", "exports_arms_to", "ARM", "alleged", "arms_transfers"),
    (["ARM", "AZE"], "relations_decay_with", "TUR", "hypothetical", "none"),
    ("CHN", "trade_partner", "RUS", "asserted", "trade"),
    ("RUS", "visits", "GEO", "reported", "none"),
)

FLOOR = """
WITH h(n, subjects, objects, general, arms, trade, contact, support, conflict) AS (
    SELECT * FROM (VALUES {rows})
),
a AS (SELECT n, unnest(subjects || objects) AS actor FROM h),
e AS (
    SELECT source, target, epistemic, upper(event_type) AS k, lower(coalesce(mode, '')) AS m
    FROM grouped_events WHERE review <> 'rejected'
),
x AS (
    SELECT *,
        coalesce(list_contains(subjects, source), false)
            AND (len(objects) = 0 OR coalesce(list_contains(objects, target), false)) AS fwd,
        coalesce(list_contains(objects, source), false)
            AND coalesce(list_contains(subjects, target), false) AS bwd,
        k IN ('AGREE', 'AID', 'CONCEDE', 'CONSULT', 'COOPERATE', 'RETREAT', 'SUPPORT')
            = NOT conflict AS same_polarity
    FROM (
        SELECT a.n, e.* FROM e JOIN a ON e.source = a.actor
        UNION ALL  -- an event whose source is an actor of n is joined by its source only
        SELECT a.n, e.* FROM e JOIN a ON e.target = a.actor
        WHERE NOT EXISTS (SELECT 1 FROM a AS b WHERE b.n = a.n AND b.actor = e.source)
    ) AS y JOIN h USING (n)
    WHERE CASE WHEN general
        THEN len(subjects || objects) = 2 AND source <> target
             AND list_contains(subjects || objects, source)
             AND list_contains(subjects || objects, target)
        ELSE (arms AND k IN ('AID', 'COOPERATE')
                   AND (m IN ('arms_transfer', 'military_support') OR contains(m, 'arms')))
          OR (trade AND (m = 'trade' OR k = 'SANCTION'))
          OR (contact AND k = 'CONSULT')
          OR (support AND k IN ('AGREE', 'AID', 'COOPERATE', 'SUPPORT'))
          OR (conflict AND k IN ('ACCUSE', 'ASSAULT', 'COERCE', 'MOBILIZE', 'PROTEST',
                                 'REJECT', 'SANCTION', 'THREATEN'))
        END
)
SELECT n, CASE
    WHEN epistemic NOT IN ('asserted', 'reported', 'negated') THEN 'N'
    WHEN fwd OR (bwd AND k = 'CONSULT') THEN
        CASE WHEN epistemic = 'negated' OR NOT same_polarity THEN 'I' ELSE 'C' END
    WHEN bwd AND epistemic <> 'negated' AND NOT same_polarity THEN 'I'
    ELSE 'N' END AS rating, count(*)
FROM x GROUP BY ALL
"""
"""C, I and N events per hypothesis ``n``, every rule of the module docstring written out."""


def best(fn: Callable[[], Any], runs: int = 3) -> tuple[float, Any]:
    """Best wall time of ``runs`` calls, and the last call's result."""
    times, out = [], None
    for _ in range(runs):
        began = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - began)
    return min(times), out


def seed(db: Path) -> None:
    """Add the SEED claims (no document) to the workspace."""
    claims = [
        Claim(f"bench-{n}", None, f"{s} {p} {o}.", s, p, o, epistemic=e, checkable_against=c)
        for n, (s, p, o, e, c) in enumerate(SEED)
    ]
    con = connect(db)
    write_claims(con, claims, document_id=None)
    con.close()


def floor_sql(hedged: list[Claim]) -> str:
    """FLOOR with the hypotheses' sides as literal rows."""

    def codes(values: frozenset[str]) -> str:
        return "[" + ", ".join(f"'{v}'" for v in sorted(values)) + "]::VARCHAR[]"

    rows = []
    for n, claim in enumerate(hedged):
        sides = hyp._sides(claim)
        topics = [str(t in sides.topics).upper() for t in hyp._TOPICS]
        general = str(sides.topics == ("general",)).upper()
        rows.append(
            f"({n}, {codes(sides.subjects)}, {codes(sides.objects)}, {general}, "
            + ", ".join(topics)
            + ")"
        )
    return FLOOR.format(rows=", ".join(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", type=Path)
    parser.add_argument("--no-seed", action="store_true", help="leave the claims as they are")
    parser.add_argument("--no-reference", action="store_true", help="skip the Python reference")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "w.duckdb"
        shutil.copy(args.workspace, db)
        if not args.no_seed:
            seed(db)
        server, base = start_server(db, 0)
        try:
            with httpx.Client(base_url=base, timeout=600) as client:
                api, body = best(lambda: client.get("/api/hypotheses").json())
                page, _ = best(lambda: client.get("/hypotheses").text)
                rows = body["hypotheses"]
                largest = max(rows, key=lambda r: r["evidence_total"]) if rows else None
                route = f"/api/hypotheses/{largest['hypothesis_id']}/evidence" if largest else ""
                evidence = best(lambda: client.get(route).json())[0] if largest else float("nan")
                size = len(client.get("/api/hypotheses").content)
        finally:
            server.terminate()
            server.wait(timeout=30)
        con = connect(db)
        events = con.execute("SELECT count(*) FROM grouped_events").fetchone()[0]
        claims = read_claims(con)
        hedged = [c for c in claims if c.epistemic in hyp.HEDGED]
        floor, counted = best(lambda: con.execute(floor_sql(hedged)).fetchall())
        reference = None
        if not args.no_reference:
            actors = tuple(sorted({a for c in hedged for a in hyp._sides(c).actors}))
            reference, _ = best(
                lambda: hyp.build_hypotheses(claims, read_events(con, EventFilter(actors=actors))),
                runs=1,
            )
        con.close()
    scores = [Counter() for _ in hedged]
    for n, rating, count in counted:
        scores[n][rating] += count
    for n, claim in enumerate(hedged):
        for item, _ in hyp._claim_items(hyp._sides(claim), claim, claims):
            scores[n][item.rating] += 1
    floor_counts = [{r: s[r] for r in "CIN"} for s in scores]
    same = [r["counts"] for r in rows] == floor_counts[: len(rows)]
    items = sum(r["evidence_total"] for r in rows)
    print(f"{events:,} events, {len(hedged)} hypotheses, {items:,} items of evidence in all")
    print(f"GET /api/hypotheses            {api:.3f} s ({size:,} bytes; {len(rows)} on the page)")
    print(f"GET /hypotheses (HTML)         {page:.3f} s")
    if largest:
        print(f"GET {route}  {evidence:.3f} s (first {len(largest['evidence'])} items shown "
              f"of {largest['evidence_total']:,})")  # fmt: skip
    print(f"hand-written SQL floor         {floor:.3f} s (ours {api / floor:.1f}x; "
          f"scores equal: {'yes' if same else 'NO'})")  # fmt: skip
    if reference is not None:
        print(f"Python reference (before)      {reference:.3f} s (every item rated in Python)")


if __name__ == "__main__":
    main()
