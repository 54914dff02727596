"""Export stored tables to Parquet (DuckDB ``COPY ... TO ... (FORMAT parquet)``).

``export_events`` writes every column of ``events`` under the same names; ``why`` is written
as JSON text, so any Parquet reader (Spark, pandas, Polars) can load it without DuckDB's JSON
type. ``export_votes`` writes the UN vote tables (``un_rollcalls``, ``un_votes`` and, when
loaded, ``un_idealpoints``) as ``<table>.parquet`` files into a folder, which is what
``axiswatch votes align --tables FOLDER`` reads on DuckDB or Spark.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb

from axiswatch.errors import InputError, StoreError

FORMATS: tuple[str, ...] = ("parquet",)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def export_events(
    con: duckdb.DuckDBPyConnection,
    out: str | Path,
    *,
    fmt: str = "parquet",
    origins: Iterable[str] | None = None,
) -> int:
    """Write the events (optionally of some origins only) to ``out``; returns the row count.

    Rows are ordered by day and event id, so two exports of the same store are identical.
    """
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: choose from {', '.join(FORMATS)}")
    path = Path(out)
    if not path.parent.is_dir():
        raise InputError(f"{path}: folder {path.parent} does not exist; create it first")
    columns = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
    select = ", ".join("why::VARCHAR AS why" if c == "why" else f'"{c}"' for c in columns)
    where = ""
    if origins is not None:
        wanted = sorted({o.strip() for o in origins if o.strip()})
        if not wanted:
            raise InputError("--origin is empty: name one or more origins, e.g. gdelt")
        where = f" WHERE origin IN ({', '.join(_literal(o) for o in wanted)})"
    query = f"SELECT {select} FROM events{where} ORDER BY day_start NULLS LAST, event_id"
    try:
        count = con.execute(f"SELECT count(*) FROM events{where}").fetchall()[0][0]
        con.execute(
            f"COPY ({query}) TO {_literal(str(path))} (FORMAT parquet, COMPRESSION zstd)"
        ).fetchall()
    except duckdb.Error as e:
        raise StoreError(f"{path}: cannot write the Parquet file: {e}") from e
    return int(count)


VOTE_TABLES: tuple[str, ...] = ("un_rollcalls", "un_votes", "un_idealpoints")


def export_votes(con: duckdb.DuckDBPyConnection, folder: str | Path) -> dict[str, int]:
    """Write the UN vote tables to ``folder/<table>.parquet``; rows written per table."""
    out = Path(folder)
    if not out.is_dir():
        raise InputError(f"{out}: no such folder; create it first")
    present = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        ).fetchall()
    }
    written: dict[str, int] = {}
    for name in VOTE_TABLES:
        if name not in present:
            continue
        path = out / f"{name}.parquet"
        try:
            rows = con.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0]
            con.execute(
                f'COPY (SELECT * FROM "{name}") TO {_literal(str(path))} '
                "(FORMAT parquet, COMPRESSION zstd)"
            ).fetchall()
        except duckdb.Error as e:
            raise StoreError(f"{path}: cannot write the Parquet file: {e}") from e
        written[name] = int(rows)
    if not written.get("un_votes"):
        raise InputError(
            "the workspace holds no UN votes to export: import them first with "
            "`axiswatch import unvotes ...`"
        )
    return written
