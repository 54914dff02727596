"""Load Bailey–Strezhnev–Voeten UNGA ideal points into the table ``un_idealpoints``.

Two file layouts are read (see ../shared/data/unga_idealpoints/SOURCE.md):

* July 2025, per country-year (``ccode, iso3c, countryname, year, idealpointfp,
  idealpointall, idealpointlegacy, ...``): measures ``idealpointfp`` and ``idealpointall`` are
  stored per ``year``; ``idealpointlegacy`` is session-based (codebook: year = session + 1945)
  and is stored per ``session``. Dataset version ``2025-07``.
* June 2024, per country-session (``ccode, session, ..., IdealPointAll, ..., iso3c, ...``):
  measure ``idealpointall`` per ``session``. Dataset version ``2024-06``.

Rows without an ISO3 code (a few micro-states and pre-1991 entities) or without a value are
skipped. Loading a file again replaces the rows of its dataset version.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import duckdb

from axiswatch.errors import InputError, StoreError

log = logging.getLogger(__name__)

DATASET = "voeten_idealpoints"
TABLE_DDL = """CREATE TABLE IF NOT EXISTS un_idealpoints (
    country VARCHAR NOT NULL, year INTEGER, session INTEGER, measure VARCHAR NOT NULL,
    idealpoint DOUBLE NOT NULL, dataset VARCHAR NOT NULL, dataset_version VARCHAR NOT NULL
)"""

_JULY_2025 = """
    SELECT iso3c AS country, year, NULL AS session, 'idealpointfp' AS measure,
           idealpointfp AS idealpoint FROM src
    UNION ALL
    SELECT iso3c, year, NULL, 'idealpointall', idealpointall FROM src
    UNION ALL
    SELECT iso3c, NULL, year - 1945, 'idealpointlegacy', idealpointlegacy FROM src
"""
_JUNE_2024 = """
    SELECT iso3c AS country, NULL AS year, session, 'idealpointall' AS measure,
           IdealPointAll AS idealpoint FROM src
"""
_LAYOUTS = {
    "2025-07": ({"iso3c", "year", "idealpointfp", "idealpointall", "idealpointlegacy"}, _JULY_2025),
    "2024-06": ({"iso3c", "session", "IdealPointAll"}, _JUNE_2024),
}


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    """Create ``un_idealpoints`` if the workspace does not have it yet."""
    con.execute(TABLE_DDL)


def _layout(columns: set[str], path: Path) -> tuple[str, str]:
    for version, (needed, select) in _LAYOUTS.items():
        if needed <= columns:
            return version, select
    raise InputError(
        f"{path}: not a Bailey–Strezhnev–Voeten ideal point file; expected the columns of "
        "IdealpointsJuly2025 (iso3c, year, idealpointfp, ...) or IdealpointestimatesAll_Jun2024 "
        "(iso3c, session, IdealPointAll, ...)"
    )


def load_idealpoints(con: duckdb.DuckDBPyConnection, path: str | Path) -> int:
    """Load one ideal point file into ``un_idealpoints``; returns the number of rows stored."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such ideal point file")
    source = con.sql("SELECT * FROM read_csv(?, header = true, nullstr = '')", params=[str(path)])
    version, select = _layout(set(source.columns), path)
    ensure_table(con)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "CREATE TEMP TABLE src AS SELECT * FROM read_csv(?, header = true, nullstr = '')",
            [str(path)],
        )
        con.execute(
            "DELETE FROM un_idealpoints WHERE dataset = ? AND dataset_version = ?",
            [DATASET, version],
        )
        con.execute(
            f"INSERT INTO un_idealpoints SELECT country, year, session, measure, idealpoint, "
            f"? AS dataset, ? AS dataset_version FROM ({select}) "
            "WHERE country IS NOT NULL AND idealpoint IS NOT NULL",
            [DATASET, version],
        )
        rows = con.execute(
            "SELECT count(*) FROM un_idealpoints WHERE dataset = ? AND dataset_version = ?",
            [DATASET, version],
        ).fetchone()[0]
        con.execute("DELETE FROM datasets WHERE dataset = ? AND version = ?", [DATASET, version])
        con.execute(
            "INSERT INTO datasets (dataset, version, kind, path, rows, imported_at) "
            "VALUES (?, ?, 'idealpoints', ?, ?, ?)",
            [DATASET, version, str(path), rows, dt.datetime.now(dt.UTC).replace(tzinfo=None)],
        )
        con.execute("DROP TABLE src")
    except duckdb.Error as e:
        con.execute("ROLLBACK")
        raise StoreError(f"{path}: loading ideal points failed: {e}") from e
    con.execute("COMMIT")
    log.info("loaded %s ideal point rows (%s %s) from %s", rows, DATASET, version, path)
    return int(rows)
