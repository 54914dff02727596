"""Cost of the dyad, triangle and UN vote alignment analyses next to their SQL floors.

usage: python benchmarks/dyad_scale.py [--sizes 1000000,10000000] [--method import|sql]
       [--workdir /tmp/axiswatch-bench] [--warm 5] [--rebuild]

Workspaces are built once per size and kept in --workdir:
- ``import``: a GDELT 1.0 file of N rows from generate_gdelt.py (the real sample resampled,
  USA and CHN blocks swapped so that RUS-USA pairs stand for CHN-RUS) imported with
  ``import_gdelt``; the import time is reported too.
- ``sql``: for sizes where writing and importing GDELT text is too slow or too big (100M rows
  are tens of GB of text): the real sample rows are imported once (same swap), and the events
  table is generated from them with one DuckDB ``CREATE TABLE ... AS SELECT`` over
  ``range(N)``: actor pair and event (type, mode, CAMEO, QuadClass, Goldstein) drawn from two
  independent sample events, the day uniformly from 1979-2024, ids unique. That table has the
  workspace's columns and types but no primary key or indexes (the dyad query uses neither).

Each size is measured in a fresh subprocess holding one read-only connection: the first call
(cold: file pages not yet in DuckDB's buffer), then ``--warm`` calls (median); peak RSS of the
process. Analyses: the CHN-RUS dyad series by year (analysis.dyads.dyad), the CHN-RUS-USA
triangle by year (analysis.triangle.triangle) and the RUS-CHN-USA-PRK UN vote alignment by
session 1991-2024 (analysis.alignment.votes_align; the bundled UN votes are installed into the
workspace first). Each is reported next to its floor: one hand-written DuckDB query returning
the rows the analysis reads (the dyad's and triangle's over ``grouped_events``, the view the
analyses count; ``table floor``: the dyad query straight from the ``events`` table, the floor
reported before), timed in the same process, interleaved with the analysis.
Figures are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
from generate_gdelt import DAYS, FIRST_DAY, write_gdelt_file, write_sample_file

from axiswatch.analysis._backend import ibis_connect
from axiswatch.analysis.alignment import choose_dataset, votes_align
from axiswatch.analysis.dyads import dyad
from axiswatch.analysis.triangle import triangle
from axiswatch.importers.gdelt import import_gdelt
from axiswatch.reference.pack import ensure
from axiswatch.store.connect import connect

PAIR = ("CHN", "RUS")
TRIANGLE = ("CHN", "RUS", "USA")
COUNTRIES = ("RUS", "CHN", "USA", "PRK")
STATUSES = ("asserted", "reported")
FLOOR_SQL = """
SELECT year(day_start) AS y, source, event_type, quad_class,
       count(*), count(goldstein), sum(goldstein)
FROM events
WHERE day_start IS NOT NULL AND epistemic IN ('asserted', 'reported')
  AND ((source = ? AND target = ?) OR (target = ? AND source = ?))
GROUP BY ALL
"""
"""The floor reported first: the dyad's counts straight from the events table."""
DYAD_FLOOR = """
SELECT date_trunc('year', day_start) AS y, source, event_type, quad_class, count(*),
       sum(coalesce(mentions, 1)), count(goldstein), sum(goldstein)
FROM grouped_events
WHERE review <> 'rejected' AND day_start IS NOT NULL AND source IN ($1, $2)
  AND target IN ($1, $2) AND source <> target AND epistemic IN ($3, $4)
GROUP BY ALL
"""
"""The dyad's floor: its per-cell counts from the view it reads."""
TRIANGLE_FLOOR = """
SELECT date_trunc('year', day_start) AS y, source, target, count(*),
       sum(coalesce(mentions, 1)), avg(goldstein), list(event_id)
FROM grouped_events
WHERE review <> 'rejected' AND day_start IS NOT NULL AND goldstein IS NOT NULL
  AND source IN ($1, $2, $3) AND target IN ($1, $2, $3) AND source <> target
  AND epistemic IN ($4, $5)
GROUP BY ALL ORDER BY ALL
"""
"""The triangle's floor: per year and ordered pair, the count, mean Goldstein and event ids."""
ALIGNMENT_FLOOR = """
WITH rc AS (
  SELECT rcid, min(coalesce(session, year(date) - 1945 - CAST(month(date) < 9 AS INTEGER))) AS p
  FROM un_rollcalls WHERE dataset = $1 AND dataset_version = $2 GROUP BY rcid
  HAVING p BETWEEN 46 AND 79),
v AS (
  SELECT v.rcid, rc.p, CASE WHEN v.country = 'SUN' THEN 'RUS' ELSE v.country END AS c,
         CASE v.vote WHEN 'yes' THEN 1 WHEN 'abstain' THEN 2 ELSE 3 END AS x
  FROM un_votes v JOIN rc ON rc.rcid = v.rcid
  WHERE v.dataset = $1 AND v.dataset_version = $2 AND v.vote IN ('yes', 'abstain', 'no')
    AND v.country IN ($3, $4, $5, $6, 'SUN'))
SELECT l.p, l.c, r.c, count(*), count(*) FILTER (l.x = r.x), sum(abs(l.x - r.x) / 2),
       sum((abs(l.x - r.x) / 2) ** 2),
       count(*) FILTER (l.x = 1), count(*) FILTER (l.x = 2), count(*) FILTER (l.x = 3),
       count(*) FILTER (r.x = 1), count(*) FILTER (r.x = 2), count(*) FILTER (r.x = 3)
FROM v l JOIN v r ON l.rcid = r.rcid AND l.c < r.c
GROUP BY ALL ORDER BY ALL
"""
"""The alignment's floor: the pair counts of the chosen dataset's sessions 1991-2024."""


def _rss_mb() -> float:
    """Peak resident memory of this process in MB (VmHWM: reset by exec, unlike ru_maxrss)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_by_import(workdir: Path, rows: int, db: Path) -> dict:
    """Generate the GDELT file (if needed) and import it into a fresh workspace ``db``."""
    file = workdir / f"gdelt_{rows}.export.CSV"
    if not file.exists():
        t0 = time.perf_counter()
        write_gdelt_file(file, rows)
        print(f"  generated {file.name} in {time.perf_counter() - t0:.1f} s", flush=True)
    t0 = time.perf_counter()
    con = connect(db)
    summary = import_gdelt(con, [file], reject_dir=workdir / "rejects")
    con.close()
    seconds = time.perf_counter() - t0
    return {"import_s": seconds, "import_rows_per_s": summary.added / seconds}


def build_by_sql(workdir: Path, rows: int, db: Path) -> dict:
    """Generate ``rows`` events directly in DuckDB from the imported sample events."""
    with tempfile.TemporaryDirectory() as tmp:
        sample = write_sample_file(Path(tmp) / "sample.export.CSV")
        small = connect(Path(tmp) / "sample.duckdb")
        import_gdelt(small, [sample], reject_dir=Path(tmp))
        small.close()
        t0 = time.perf_counter()
        con = duckdb.connect(str(db))
        con.execute(f"ATTACH '{Path(tmp) / 'sample.duckdb'}' AS s (READ_ONLY)").fetchall()
        con.execute(
            "CREATE TEMP TABLE sample_events AS SELECT row_number() OVER () - 1 AS k, * "
            "FROM s.events"
        ).fetchall()
        n = con.execute("SELECT count(*) FROM sample_events").fetchall()[0][0]
        columns = [r[0] for r in con.execute("DESCRIBE s.events").fetchall()]
        picked = {
            "event_id": "'gdelt:' || (100000000 + r.i)::VARCHAR",
            "dataset": "'gdelt1:synthetic'",
            "dataset_row": "'synthetic:' || (r.i + 1)::VARCHAR",
            "date_start": "strftime(r.d, '%Y-%m-%d')",
            "date_end": "strftime(r.d, '%Y-%m-%d')",
            "day_start": "r.d",
            "day_end": "r.d",
            "source": "a.source",
            "target": "a.target",
        }
        select = ", ".join(f"{picked.get(c, 'e.' + c)} AS {c}" for c in columns)
        draws = (
            f"SELECT i, DATE '{FIRST_DAY}' + CAST(hash(i, 1) % {DAYS} AS INTEGER) AS d, "
            f"hash(i, 2) % {n} AS ka, hash(i, 3) % {n} AS ke FROM range({rows}) t(i)"
        )
        con.execute(
            f"CREATE TABLE events AS SELECT {select} FROM ({draws}) r "
            "JOIN sample_events a ON a.k = r.ka JOIN sample_events e ON e.k = r.ke"
        ).fetchall()
        con.execute("DETACH s").fetchall()
        con.execute("CHECKPOINT").fetchall()
        con.close()
    return {"build_s": time.perf_counter() - t0}


def _timed(calls: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Seconds per call of each function, the functions interleaved round by round."""
    times: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(max(rounds, 1)):
        for name, call in calls.items():
            t0 = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - t0)
    return times


def worker(db: Path, warm: int) -> None:
    """Measure the analyses and their floors on ``db`` and print one JSON line."""
    rss0 = _rss_mb()
    con = duckdb.connect(str(db), read_only=True)
    events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    chosen = choose_dataset(ibis_connect(con), None, None, start=1991, end=2024)
    analyses: dict[str, Callable[[], object]] = {
        "dyad": lambda: dyad(con, *PAIR, by="year"),
        "triangle": lambda: triangle(con, *TRIANGLE, by="year"),
        "alignment": lambda: votes_align(con, COUNTRIES, start=1991, end=2024),
    }
    floors: dict[str, Callable[[], object]] = {
        "dyad": lambda: con.execute(DYAD_FLOOR, [*PAIR, *STATUSES]).fetchall(),
        "triangle": lambda: con.execute(TRIANGLE_FLOOR, [*TRIANGLE, *STATUSES]).fetchall(),
        "alignment": lambda: con.execute(
            ALIGNMENT_FLOOR, [chosen.dataset, chosen.version, *COUNTRIES]
        ).fetchall(),
        "table": lambda: con.execute(FLOOR_SQL, [*PAIR, *PAIR]).fetchall(),
    }
    out: dict = {"events": events}
    for name, call in analyses.items():
        t0 = time.perf_counter()
        result = call()
        out[f"{name}_cold_s"] = time.perf_counter() - t0
        if name == "dyad":
            both = result[result["direction"] == "both"]["n_events"].sum()  # type: ignore[index]
            out["dyad_events"] = int(both)
            out["result_rows"] = len(result)  # type: ignore[arg-type]
    times = _timed({**analyses, **{f"{k}_floor": f for k, f in floors.items()}}, warm)
    for name, values in times.items():
        out[f"{name}_s"] = statistics.median(values)
        out[f"{name}_min_s"] = min(values)
    con.close()
    out.update(
        cold_s=out["dyad_cold_s"],
        warm_s=out["dyad_s"],
        floor_s=out["dyad_floor_s"],
        rss_start_mb=rss0,
        rss_peak_mb=_rss_mb(),
    )
    print(json.dumps(out))


def ensure_votes(db: Path) -> None:
    """Install the bundled UN votes into the workspace when it holds none."""
    con = connect(db)
    try:
        ensure(con, ["un_votes"])
    finally:
        con.close()


def measure(db: Path, warm: int) -> dict:
    """Run the worker in a fresh process; its JSON result."""
    out = subprocess.run(
        [sys.executable, __file__, "--worker", str(db), "--warm", str(warm)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--method", choices=("import", "sql"), default="import")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/axiswatch-bench"))
    parser.add_argument("--warm", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.warm)
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for rows in (int(s) for s in args.sizes.split(",")):
        db = args.workdir / f"dyad_{args.method}_{rows}.duckdb"
        built: dict = {}
        if args.rebuild or not db.exists():
            for p in (db, db.with_name(db.name + ".wal")):
                p.unlink(missing_ok=True)
            print(f"building {db.name} ({args.method}) ...", flush=True)
            builder = build_by_import if args.method == "import" else build_by_sql
            built = builder(args.workdir, rows, db)
        ensure_votes(db)
        result = {"rows": rows, "db_mb": db.stat().st_size / 1e6, **built, **measure(db, args.warm)}
        results.append(result)
        print(json.dumps(result), flush=True)
    base = results[0]
    print(
        f"\n{'events':>12} {'CHN-RUS':>9} {'db MB':>8} {'cold s':>8} {'warm s':>8} {'x 1st':>6} "
        f"{'floor s':>8} {'x floor':>8} {'start MB':>9} {'peak MB':>8}"
    )
    for r in results:
        print(
            f"{r['events']:>12,} {r['dyad_events']:>9,} {r['db_mb']:>8,.0f} {r['cold_s']:>8.3f} "
            f"{r['warm_s']:>8.3f} {r['warm_s'] / base['warm_s']:>6.1f} {r['floor_s']:>8.4f} "
            f"{r['warm_s'] / r['floor_s']:>8.2f} {r['rss_start_mb']:>9,.0f} "
            f"{r['rss_peak_mb']:>8,.0f}"
        )
    print(
        f"\n{'events':>12} {'analysis':>10} {'cold s':>8} {'warm s':>8} {'floor s':>8} "
        f"{'x floor':>8} {'table floor s':>14} {'x table':>8}"
    )
    for r in results:
        for name in ("dyad", "triangle", "alignment"):
            table = (
                f"{r['table_floor_s']:>14.4f} {r[f'{name}_s'] / r['table_floor_s']:>8.2f}"
                if name == "dyad"
                else f"{'':>14} {'':>8}"
            )
            print(
                f"{r['events']:>12,} {name:>10} {r[f'{name}_cold_s']:>8.3f} {r[f'{name}_s']:>8.4f} "
                f"{r[f'{name}_floor_s']:>8.4f} {r[f'{name}_s'] / r[f'{name}_floor_s']:>8.2f} "
                f"{table}"
            )


if __name__ == "__main__":
    main()
