"""Where the event analyses run: the workspace, DuckDB over Parquet, or a Spark session.

The analyses are Ibis expressions over a table named ``events``, so the engine only decides
what that table is:

- ``duckdb`` without Parquet: the workspace file itself (the default);
- ``duckdb`` with Parquet: files written by ``axiswatch export events`` (or anything with the
  events columns), read in place by an in-memory DuckDB;
- ``spark``: the same Parquet read by a Spark session through Ibis's pyspark backend
  (``pip install 'axiswatch[spark]'``, Java 17). The master is ``--spark-master``, else
  ``$AXISWATCH_SPARK_MASTER``, else ``local[*]``; a cluster master (``spark://...``,
  ``yarn``) runs the work there, so the data can outgrow this machine. A Spark session that
  is already active in the process is used as it is and left running. Raw files need
  axiswatch on the executors' Python (``PYSPARK_PYTHON``; locally, this interpreter).

With ``raw`` (``gdelt``, ``icews`` or ``polecat``) the ``events`` paths are the publisher's
own files instead of Parquet, mapped by the importer on either engine
(:mod:`axiswatch.importers.raw_events`); ``on_report`` then gets one line with what the
files gave (rows read, events, rejects) after the analysis.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ibis

from axiswatch.analysis._backend import Connectable
from axiswatch.errors import InputError, StoreError

ENGINES: tuple[str, ...] = ("duckdb", "spark")
ENV_SPARK_MASTER = "AXISWATCH_SPARK_MASTER"
_GLOB = ("*", "?", "[")


def parquet_paths(paths: Sequence[str | Path]) -> list[str]:
    """The Parquet inputs as strings; each must exist (a file or folder) or be a glob."""
    if not paths:
        raise InputError("no Parquet events given: pass --events with a file or folder")
    out = []
    for item in paths:
        text = str(item)
        if not any(ch in text for ch in _GLOB) and not Path(text).exists():
            raise InputError(
                f"{text}: no such Parquet file or folder; write one with "
                "`axiswatch export events --format parquet --out FILE`"
            )
        out.append(text)
    return out


@contextmanager
def event_source(
    db: Path,
    *,
    engine: str = "duckdb",
    events: Sequence[str | Path] | None = None,
    spark_master: str | None = None,
    raw: str | None = None,
    reject_dir: Path | None = None,
    on_report: Callable[[str], None] | None = None,
) -> Iterator[Connectable]:
    """What the analyses should read: the workspace path or a backend holding ``events``."""
    if engine not in ENGINES:
        raise InputError(f"--engine {engine!r}: choose from {', '.join(ENGINES)}")
    if engine == "duckdb" and not events:
        if raw:
            raise InputError(f"--raw {raw}: give the publisher files with --events")
        yield db
        return
    if not events:
        raise InputError(
            "--engine spark reads events from Parquet: give --events FILE or FOLDER (write it "
            "with `axiswatch export events --format parquet --out FILE`)"
        )
    if raw:
        with _raw_source(engine, events, raw, spark_master, reject_dir, on_report) as source:
            yield source
        return
    paths = parquet_paths(events)
    with parquet_tables(engine, {"events": paths}, spark_master) as backend:
        _check_columns(backend, "events", EVENT_COLUMNS, paths)
        yield backend


@contextmanager
def vote_source(
    db: Path,
    *,
    engine: str = "duckdb",
    tables: Path | None = None,
    spark_master: str | None = None,
) -> Iterator[Connectable]:
    """The UN vote tables: the workspace, or ``<table>.parquet`` files in a folder written
    by ``axiswatch export votes`` (on DuckDB or Spark)."""
    from axiswatch.store.export import VOTE_TABLES

    if engine not in ENGINES:
        raise InputError(f"--engine {engine!r}: choose from {', '.join(ENGINES)}")
    if tables is None:
        if engine == "spark":
            raise InputError(
                "--engine spark reads the vote tables from Parquet: give --tables FOLDER "
                "(write it with `axiswatch export votes --out FOLDER`)"
            )
        yield db
        return
    files = {name: tables / f"{name}.parquet" for name in VOTE_TABLES}
    found = {name: [str(path)] for name, path in files.items() if path.is_file()}
    missing = [name for name in ("un_rollcalls", "un_votes") if name not in found]
    if missing:
        raise InputError(
            f"{tables}: no {', '.join(f'{m}.parquet' for m in missing)} there; write the "
            "folder with `axiswatch export votes --out FOLDER`"
        )
    with parquet_tables(engine, found, spark_master) as backend:
        yield backend


EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "origin",
    "day_start",
    "source",
    "target",
    "event_type",
    "quad_class",
    "goldstein",
    "epistemic",
)
"""The columns the event analyses read; Parquet without them is refused up front."""


def _check_columns(
    backend: Connectable, name: str, needed: Sequence[str], paths: Sequence[str]
) -> None:
    from axiswatch.analysis._backend import table

    have = set(table(backend, name).columns)  # type: ignore[arg-type]
    missing = [c for c in needed if c not in have]
    if missing:
        raise InputError(
            f"{', '.join(paths)}: no column {', '.join(missing)}; give events written by "
            "`axiswatch export events --format parquet`"
        )


@contextmanager
def parquet_tables(
    engine: str, tables: dict[str, list[str]], spark_master: str | None = None
) -> Iterator[Connectable]:
    """A DuckDB (in memory) or Spark backend with each table read from its Parquet paths."""
    if engine == "duckdb":
        backend = ibis.duckdb.connect()
        try:
            # ibis 12.0.0 reads the schema with fetch_arrow_table(), deprecated by duckdb 2.x.
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", "fetch_arrow_table", DeprecationWarning)
                for name, paths in tables.items():
                    backend.read_parquet([_duckdb_glob(p) for p in paths], table_name=name)
            yield backend
        finally:
            backend.disconnect()
        return
    with spark_session(spark_master) as session:
        for name, paths in tables.items():
            try:
                frame = session.read.parquet(*paths)
            except Exception as e:  # Spark raises its own analysis exceptions
                raise StoreError(f"Spark cannot read {', '.join(paths)}: {_first_line(e)}") from e
            frame.createOrReplaceTempView(name)
        yield ibis.pyspark.connect(session)


@contextmanager
def _raw_source(
    engine: str,
    events: Sequence[str | Path],
    raw: str,
    spark_master: str | None,
    reject_dir: Path | None,
    on_report: Callable[[str], None] | None,
) -> Iterator[Connectable]:
    """Publisher files mapped by the importer: an in-memory workspace, or a Spark view."""
    from axiswatch.importers.event_formats import event_format
    from axiswatch.importers.raw_events import duckdb_raw_events, spark_raw_events

    event_format(raw)  # an unknown kind fails before any file is read
    if engine == "duckdb":
        con, report = duckdb_raw_events(events, raw, reject_dir=reject_dir)
        try:
            yield con
            if on_report is not None:
                on_report(report.note())
        finally:
            con.close()
        return
    from axiswatch.importers._events_import import event_files
    from axiswatch.importers.raw_events import check_layouts

    check_layouts(raw, event_files(events))  # before Spark starts: a wrong file in one line
    with spark_session(spark_master) as session:
        frame, report = spark_raw_events(session, events, raw, reject_dir=reject_dir)
        frame.createOrReplaceTempView("events")
        yield ibis.pyspark.connect(session)
        if on_report is not None:
            on_report(report.note())


@contextmanager
def spark_session(master: str | None = None) -> Iterator[Any]:
    """A Spark session: the active one, else a new one on ``master`` (stopped afterwards)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        raise InputError(
            "--engine spark needs pyspark and Java 17: pip install 'axiswatch[spark]'"
        ) from e
    active = SparkSession.getActiveSession()
    if active is not None:
        yield active
        return
    url = master or os.environ.get(ENV_SPARK_MASTER) or "local[*]"
    builder = (
        SparkSession.builder.master(url)
        .appName("axiswatch")
        .config("spark.sql.session.timeZone", "UTC")
    )
    if url.startswith("local"):
        # Python tasks (raw files) run in this interpreter, which has axiswatch installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.config("spark.ui.enabled", "false")
    try:
        session = builder.getOrCreate()
    except Exception as e:  # the JVM gateway fails with several types
        raise StoreError(
            f"cannot start Spark on {url}: {_first_line(e)}; install Java 17 (or set "
            "JAVA_HOME) and check the master URL"
        ) from e
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()


def _duckdb_glob(path: str) -> str:
    """A folder as the glob of the Parquet files under it (DuckDB reads files, not folders)."""
    return f"{path.rstrip('/')}/**/*.parquet" if Path(path).is_dir() else path


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
