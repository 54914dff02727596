"""Write a synthetic GDELT 1.0 daily-format file of N rows, resampled from the real sample rows.

usage: python benchmarks/generate_gdelt.py --rows 1000000 --out /tmp/gdelt_1M.export.CSV
       [--sample ../shared/data/gdelt_samples/georgia_2012-07-08.export.CSV] [--seed 1]
       [--swap USA=CHN] [--zip]

Each row takes its 20 actor columns (Actor1 and Actor2 together, so actor pairs keep their
weights in the sample), its 10 event columns (IsRootEvent..AvgTone: code, QuadClass and
Goldstein together) and its geography from three sample rows drawn independently (uniformly,
so with the sample's frequencies), a unique GLOBALEVENTID and an event day drawn uniformly from
1979-01-01 to 2024-12-31 (SQLDATE, MonthYear, Year, FractionDate and DATEADDED follow from it).
The sample is about Georgia and has no CHN-RUS pair; ``--swap USA=CHN`` (the default) swaps
the USA and CHN country blocks so that its RUS-USA pairs (2.4 % of rows) stand for CHN-RUS.
Generation is one DuckDB query (hash-based draws, so the same seed gives the same file).
"""

from __future__ import annotations

import argparse
import time
import zipfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / ".." / "shared" / "data" / "gdelt_samples" / "georgia_2012-07-08.export.CSV"
FIRST_DAY = "1979-01-01"
DAYS = 16_437  # 1979-01-01 .. 2024-12-31
ACTOR_COLUMNS = range(5, 25)
EVENT_COLUMNS = range(25, 35)
GEO_COLUMNS = range(35, 56)


def load_sample(con: duckdb.DuckDBPyConnection, sample: Path, swap: tuple[str, str] | None) -> int:
    """The sample rows as table ``sample_rows`` (k = 0..n-1, c0..c57); returns n."""
    columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(58))
    con.execute(
        "CREATE OR REPLACE TEMP TABLE sample_raw AS SELECT row_number() OVER () - 1 AS k, * "
        f"FROM read_csv('{sample}', columns={{{columns}}}, delim='\\t', quote='', escape='', "
        "header=false, auto_detect=false, nullstr=chr(2))"
    ).fetchall()
    cells = []
    for i in range(58):
        cell = f"c{i}"
        if swap and i in (5, 7, 15, 17):
            a, b = swap
            cell = (
                f"CASE WHEN left(c{i}, 3) = '{a}' THEN '{b}' || substr(c{i}, 4) "
                f"WHEN left(c{i}, 3) = '{b}' THEN '{a}' || substr(c{i}, 4) ELSE c{i} END"
            )
        cells.append(f"coalesce({cell}, '') AS c{i}")
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE sample_rows AS SELECT k, {', '.join(cells)} FROM sample_raw"
    ).fetchall()
    return con.execute("SELECT count(*) FROM sample_rows").fetchall()[0][0]


def write_gdelt_file(
    out: Path,
    rows: int,
    *,
    sample: Path = SAMPLE,
    seed: int = 1,
    swap: tuple[str, str] | None = ("USA", "CHN"),
    first_id: int = 100_000_000,
) -> Path:
    """Write ``rows`` synthetic rows to ``out`` (tab-separated, no header, 58 columns)."""
    con = duckdb.connect()
    n = load_sample(con, sample, swap)
    actors = ", ".join(f"a.c{i}" for i in ACTOR_COLUMNS)
    event = ", ".join(f"e.c{i}" for i in EVENT_COLUMNS)
    geo = ", ".join(f"g.c{i}" for i in GEO_COLUMNS)
    line = (
        "concat_ws(chr(9), (r.i + {first})::VARCHAR, strftime(r.d, '%Y%m%d'), "
        "strftime(r.d, '%Y%m'), year(r.d)::VARCHAR, "
        "printf('%.4f', year(r.d) + (dayofyear(r.d) - 1) / 365.0), "
        f"{actors}, {event}, {geo}, strftime(r.d, '%Y%m%d'), g.c57)"
    ).format(first=first_id)
    draws = (
        f"SELECT i, DATE '{FIRST_DAY}' + CAST(hash(i, {seed}, 1) % {DAYS} AS INTEGER) AS d, "
        f"hash(i, {seed}, 2) % {n} AS ka, hash(i, {seed}, 3) % {n} AS ke, "
        f"hash(i, {seed}, 4) % {n} AS kg FROM range({rows}) t(i)"
    )
    query = (
        f"SELECT {line} AS line FROM ({draws}) r JOIN sample_rows a ON a.k = r.ka "
        "JOIN sample_rows e ON e.k = r.ke JOIN sample_rows g ON g.k = r.kg ORDER BY r.i"
    )
    # One output column with a delimiter and quote that never occur: lines are written as is.
    con.execute(
        f"COPY ({query}) TO '{out}' (FORMAT csv, HEADER false, DELIMITER '\x01', QUOTE '\x02', "
        "ESCAPE '\x02')"
    ).fetchall()
    con.close()
    return out


def write_sample_file(
    out: Path, *, sample: Path = SAMPLE, swap: tuple[str, str] | None = ("USA", "CHN")
) -> Path:
    """The sample rows themselves (after the swap) as a GDELT file: one row each."""
    con = duckdb.connect()
    load_sample(con, sample, swap)
    line = "concat_ws(chr(9), " + ", ".join(f"c{i}" for i in range(58)) + ")"
    con.execute(
        f"COPY (SELECT {line} FROM sample_rows ORDER BY k) TO '{out}' "
        "(FORMAT csv, HEADER false, DELIMITER '\x01', QUOTE '\x02', ESCAPE '\x02')"
    ).fetchall()
    con.close()
    return out


def zip_file(path: Path) -> Path:
    """``path`` zipped beside it as ``<name>.zip`` (as GDELT publishes daily files)."""
    target = path.with_name(path.name + ".zip")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(path, path.name)
    return target


def parse_swap(text: str) -> tuple[str, str] | None:
    """``USA=CHN`` -> ("USA", "CHN"); ``none`` -> None."""
    if text.lower() == "none":
        return None
    a, b = text.upper().split("=")
    return a, b


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--swap", default="USA=CHN", help="swap two country blocks, or none")
    parser.add_argument("--zip", action="store_true", help="also write <out>.zip")
    args = parser.parse_args()
    t0 = time.perf_counter()
    write_gdelt_file(
        args.out, args.rows, sample=args.sample, seed=args.seed, swap=parse_swap(args.swap)
    )
    seconds = time.perf_counter() - t0
    size = args.out.stat().st_size / 1e6
    print(f"wrote {args.rows:,} rows ({size:,.0f} MB) to {args.out} in {seconds:.1f} s")
    if args.zip:
        print(f"zipped: {zip_file(args.out)}")


if __name__ == "__main__":
    main()
