"""Cost of the actor network (/api/network) on a large workspace, against its SQL floor.

usage: python benchmarks/network_speed.py WORKSPACE.duckdb [--repeat 5]

Times ``api.actors.actor_graph`` (one SQL aggregate over the events view, the first event
ids per pair) and, as the floor, one hand-written GROUP BY that only counts events per
unordered pair of the events table; peak RSS of the process. Build a workspace of 1M GDELT
events with ``benchmarks/dyad_scale.py --sizes 1000000``. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from axiswatch.api.actors import actor_graph
from axiswatch.workspace import Workspace

FLOOR = (
    "SELECT least(source, target), greatest(source, target), count(*) FROM events "
    "WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target GROUP BY ALL"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with Workspace(args.db) as ws:
        events = ws.con.execute("SELECT count(*) FROM events").fetchone()[0]
        graph_t, floor_t = [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            graph = actor_graph(ws)
            graph_t.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            ws.con.execute(FLOOR).fetchall()
            floor_t.append(time.perf_counter() - t0)
    graph_s, floor_s = statistics.median(graph_t), statistics.median(floor_t)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{events:,} events, {len(graph['edges'])} pairs: network {graph_s:.3f} s, "
        f"SQL floor {floor_s:.3f} s ({graph_s / floor_s:.1f}x); peak RSS {peak:,.0f} MB"
    )


if __name__ == "__main__":
    main()
