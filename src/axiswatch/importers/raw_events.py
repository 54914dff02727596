"""Publisher event files as an ``events`` table for the analyses, without a workspace.

The mapping is the importer's own (``import_event_files`` with the kind's format),
so raw files read here give exactly the events an import would store. On DuckDB the files are
imported into an in-memory workspace. On Spark each file is one task: the executor imports it
into its own in-memory DuckDB and hands back the events as Arrow batches
(``DataFrame.mapInArrow``), so the files are mapped in parallel across the cluster and never
pass through the driver; event ids repeated across files are kept once, and the result is
persisted so that the analyses after it do not map the files again. Files must be
readable at the same path from the driver and the executors (a shared or local file system).

Rejected rows are written to reject files as in an import (``reject_dir``, which must be
shared for a cluster) and counted: :class:`RawEvents` says how many were read, kept and
rejected.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from axiswatch.errors import StoreError
from axiswatch.importers._events_common import ImportSummary
from axiswatch.importers._events_files import decode_header, open_lines, sample_lines
from axiswatch.importers._events_import import event_files, import_event_files, parse_actors
from axiswatch.importers.event_formats import event_format

DEFAULT_REJECTS = Path("axiswatch.rejects")
"""Where rejected rows of raw files go unless told (relative to the working folder)."""
_SPARK_TYPES = {
    "VARCHAR": "string",
    "JSON": "string",
    "DATE": "date",
    "INTEGER": "int",
    "BIGINT": "bigint",
    "DOUBLE": "double",
    "BOOLEAN": "boolean",
    "TIMESTAMP": "timestamp",
}


@dataclass
class RawEvents:
    """What the raw files gave: rows read, events kept, rows rejected (and where).

    ``added`` counts the events each file gave; on Spark an id repeated across files is
    then kept once.
    """

    kind: str
    files: list[str]
    read: int = 0
    added: int = 0
    rejected: int = 0
    reject_dir: str | None = None

    def note(self) -> str:
        """One line for the user."""
        text = (
            f"{self.kind}: {len(self.files)} raw file(s), {self.read:,} rows read, "
            f"{self.added:,} events, {self.rejected:,} rejected"
        )
        if self.rejected and self.reject_dir:
            text += f" (reject files in {self.reject_dir})"
        return text


def duckdb_raw_events(
    paths: Iterable[str | Path],
    kind: str,
    *,
    actors: Iterable[str] | str | None = None,
    reject_dir: str | Path | None = None,
) -> tuple[duckdb.DuckDBPyConnection, RawEvents]:
    """An in-memory workspace holding the files' events, and what the import did."""
    from axiswatch.store.connect import connect

    fmt = event_format(kind)
    files = event_files(paths)
    rejects = Path(reject_dir) if reject_dir is not None else DEFAULT_REJECTS
    con = connect(":memory:")
    summary = import_event_files(con, fmt, files, actors=actors, reject_dir=rejects)
    report = RawEvents(kind, [str(f) for f in files], summary.read, summary.added)
    report.rejected = summary.rejected
    report.reject_dir = str(rejects)
    return con, report


def spark_raw_events(
    session: Any,
    paths: Iterable[str | Path],
    kind: str,
    *,
    actors: Iterable[str] | str | None = None,
    reject_dir: str | Path | None = None,
) -> tuple[Any, RawEvents]:
    """A Spark DataFrame of the files' events (one task per file), and a report.

    The DataFrame is computed once here and persisted; the report's counts come from the
    tasks (Spark accumulators) of that pass.
    """
    from pyspark import StorageLevel

    files = [str(f.resolve()) for f in event_files(paths)]
    check_layouts(kind, [Path(f) for f in files])  # a wrong file fails here, in one line
    rejects = str(Path(reject_dir if reject_dir is not None else DEFAULT_REJECTS).resolve())
    wanted = parse_actors(actors)
    context = session.sparkContext
    counts = {name: context.accumulator(0) for name in ("read", "added", "rejected")}
    columns = _event_columns()
    schema = ", ".join(f"`{name}` {_SPARK_TYPES[kind_]}" for name, kind_ in columns)
    select = [name for name, _ in columns]

    def convert(batches: Iterator[Any]) -> Iterator[Any]:
        for batch in batches:
            for path in batch.column("path").to_pylist():
                table, summary = _file_events(path, kind, wanted, rejects, select)
                counts["read"].add(summary.read)
                counts["added"].add(summary.added)
                counts["rejected"].add(summary.rejected)
                yield from table.to_batches()

    listing = session.createDataFrame([(f,) for f in files], "path string")
    frame = listing.repartition(max(len(files), 1)).mapInArrow(convert, schema)
    # Mapped once and kept (memory, then disk): the analyses then read the cached events,
    # and the counts are those of that one pass.
    frame = frame.dropDuplicates(["event_id"]).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        frame.count()
    except Exception as e:  # a task failed: Spark wraps the importer's own message
        raise StoreError(f"Spark could not map the {kind} files: {_task_error(e)}") from e
    report = RawEvents(kind, files, reject_dir=rejects)
    for name, accumulator in counts.items():
        setattr(report, name, int(accumulator.value))
    return frame, report


def check_layouts(kind: str, files: Sequence[Path]) -> None:
    """Read the first lines of each file and check its layout (InputError names the file)."""
    fmt = event_format(kind)
    for path in files:
        with open_lines(path) as stream:
            sample = sample_lines(stream)
        if sample:
            fmt.layout(path, [decode_header(line) for line in sample])


def _task_error(error: Exception) -> str:
    """The axiswatch error line inside a Spark task failure, else its first line."""
    text = str(error)
    for line in text.splitlines():
        for name in ("InputError: ", "StoreError: "):
            if name in line:
                return line.split(name, 1)[1].strip()
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__


def _event_columns() -> list[tuple[str, str]]:
    from axiswatch.store.connect import connect

    con = connect(":memory:")
    try:
        return [(r[0], r[1]) for r in con.execute("DESCRIBE events").fetchall()]
    finally:
        con.close()


def _file_events(
    path: str,
    kind: str,
    actors: Sequence[str] | None,
    reject_dir: str,
    columns: Sequence[str],
) -> tuple[Any, ImportSummary]:
    """One file imported into a fresh in-memory workspace: its events as Arrow, the summary."""
    from axiswatch.store.connect import connect

    con = connect(":memory:")
    try:
        summary = import_event_files(
            con, event_format(kind), [path], actors=actors, reject_dir=reject_dir
        )
        select = ", ".join(f'"{c}"::VARCHAR AS "{c}"' if c == "why" else f'"{c}"' for c in columns)
        table = con.sql(f"SELECT {select} FROM events").to_arrow_table()
    finally:
        con.close()
    return table, summary
