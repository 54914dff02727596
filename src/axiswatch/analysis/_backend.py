"""The Ibis connection the analyses run on: DuckDB over the workspace file by default.

The analyses themselves take ``ibis.Table`` objects, so the same expressions can be run on
any Ibis backend that holds the store tables (PostgreSQL, Spark, ...). This module only opens
the DuckDB one and fetches tables from it.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import duckdb
import ibis
import pandas as pd
from ibis.backends import BaseBackend
from ibis.common.exceptions import TableNotFound

from axiswatch.errors import InputError, NotFoundError, StoreError
from axiswatch.store.connect import connect

Connectable = str | Path | duckdb.DuckDBPyConnection | BaseBackend


def ibis_connect(path_or_con: Connectable) -> BaseBackend:
    """An Ibis backend over a workspace file (opened read-only), a DuckDB connection or itself."""
    if isinstance(path_or_con, BaseBackend):
        return path_or_con
    if isinstance(path_or_con, duckdb.DuckDBPyConnection):
        return ibis.duckdb.from_connection(path_or_con)
    path = Path(path_or_con)
    if not path.is_file():
        raise StoreError(
            f"{path}: no workspace database there; pick one with --db or create it with "
            "`axiswatch ingest`"
        )
    return ibis.duckdb.from_connection(connect(path, read_only=True))


@contextmanager
def open_backend(path_or_con: Connectable) -> Iterator[BaseBackend]:
    """``ibis_connect`` as a context manager; closes what it opened itself."""
    backend = ibis_connect(path_or_con)
    try:
        yield backend
    finally:
        if isinstance(path_or_con, str | Path):
            backend.disconnect()


# ibis 12.0.0 reads DuckDB schemas with fetch_arrow_table(), which duckdb 2.x deprecates. The
# filter is set once, here, rather than around each call: warnings.catch_warnings() changes
# process-wide state and is not thread-safe, and the server runs analyses side by side.
warnings.filterwarnings("ignore", "fetch_arrow_table", DeprecationWarning)
# ibis 12.0.0's Table.execute() / to_pandas() read pandas' 'future.infer_string' option, which
# pandas 3 deprecates: noise that users composing on Workspace.table cannot act on.
warnings.filterwarnings("ignore", "The 'future.infer_string' option", DeprecationWarning)


def table(backend: BaseBackend, name: str) -> ibis.Table:
    """A store table of the backend; NotFoundError names the table when it is absent."""
    try:
        return backend.table(name)
    except TableNotFound as e:
        raise NotFoundError(f"the workspace has no table {name!r}") from e


def has_table(backend: BaseBackend, name: str) -> bool:
    """Whether the backend holds a table of that name."""
    try:
        table(backend, name)
    except NotFoundError:
        return False
    return True


def fetch(expr: ibis.Table) -> pd.DataFrame:
    """Run an expression and return a DataFrame (dates as ``datetime.date``).

    Goes through Arrow rather than ``expr.execute()``: ibis 12.0.0's pandas conversion reads
    an option that pandas 3 deprecates. On DuckDB the SQL comes from the cache of compiled
    query shapes (:mod:`axiswatch.analysis.compiled`).
    """
    from axiswatch.analysis.compiled import to_arrow

    return to_arrow(expr).to_pandas()


COUNTS = ("events", "mentions")
"""What an indicator counts: events (mentions of one act grouped) or every mention."""


def workspace_view(con: Connectable, count: str = "events") -> str | None:
    """The workspace view an indicator reads when ``con`` is a DuckDB connection holding it.

    ``grouped_events`` (count="events") or ``reviewed_mentions``; None for a path, another
    backend or a database without the view (those go through :func:`events_table`).
    """
    if count not in COUNTS:
        raise InputError(f"count {count!r}: choose events or mentions")
    if not isinstance(con, duckdb.DuckDBPyConnection):
        return None
    name = "grouped_events" if count == "events" else "reviewed_mentions"
    found = con.execute(
        "SELECT 1 FROM duckdb_views() WHERE view_name = $1 AND database_name = "
        "current_database() AND schema_name = current_schema()",
        [name],
    ).fetchall()
    return name if found else None


def workspace_tables(con: Connectable, names: Sequence[str]) -> set[str] | None:
    """Which of ``names`` a DuckDB connection holds as tables or views (in the current schema
    or temporary), in one catalog query; None for a path or another backend."""
    if not isinstance(con, duckdb.DuckDBPyConnection):
        return None
    rows = con.execute(_CATALOG).fetchall()
    return {row[0] for row in rows} & set(names)


_HERE = "(database_name = current_database() AND schema_name = current_schema()) OR " + (
    "database_name = 'temp'"
)
_CATALOG = (
    f"SELECT table_name FROM duckdb_tables() WHERE {_HERE} UNION ALL "
    f"SELECT view_name FROM duckdb_views() WHERE NOT internal AND ({_HERE})"
)


def events_table(
    backend: BaseBackend, *, count: str = "events", reviewed: bool = False
) -> ibis.Table:
    """The rows an indicator counts: one per event (default) or one per mention.

    Rejected events are left out either way and corrections applied; ``reviewed`` keeps
    only events an analyst accepted or corrected. A backend holding only an ``events`` table
    (a Spark or PostgreSQL copy) counts its rows as they are.
    """
    if count not in COUNTS:
        raise InputError(f"count {count!r}: choose events or mentions")
    name = "grouped_events" if count == "events" else "reviewed_mentions"
    if not has_table(backend, name):
        if reviewed:
            raise InputError("reviewed: this backend holds no reviews; leave the option out")
        return table(backend, "events")
    t = table(backend, name)
    t = t.filter(t.review != "rejected")
    if reviewed:
        t = t.filter(t.review.isin(["accepted", "corrected"]))
    return t
