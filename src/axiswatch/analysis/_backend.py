"""The Ibis connection the analyses run on: DuckDB over the workspace file by default.

The analyses themselves take ``ibis.Table`` objects, so the same expressions can be run on
any Ibis backend that holds the store tables (PostgreSQL, Spark, ...). This module only opens
the DuckDB one and fetches tables from it.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import ibis
import pandas as pd
from ibis.backends import BaseBackend
from ibis.common.exceptions import TableNotFound

from axiswatch.errors import NotFoundError, StoreError
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


def table(backend: BaseBackend, name: str) -> ibis.Table:
    """A store table of the backend; NotFoundError names the table when it is absent."""
    # ibis 12.0.0 reads DuckDB schemas with fetch_arrow_table(), which duckdb 2.x deprecates.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "fetch_arrow_table", DeprecationWarning)
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
    an option that pandas 3 deprecates.
    """
    return expr.to_pyarrow().to_pandas()
