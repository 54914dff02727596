"""Import publisher event files into ``events``, batch by batch, with rejects reported.

Per batch of lines (one transaction each):

1. the lines are written, made safe (``_events_files``), to a scratch file that DuckDB reads
   into ``_aw_stage``, numbered by file line (``_events_statements``);
2. the format's SQL mapping fills ``_aw_mapped``: events columns plus the first failed check
   (field and problem) of each row, and whether the row passes the actor filter;
3. rejected rows are read back with their line numbers, and the good ones are added. The
   event id is the primary key: a plain ``INSERT`` is tried first, and if it meets an id
   already stored or repeated in the batch, the batch is rolled back and done again with
   ``INSERT OR IGNORE`` keeping each id's first row, as is the rest of that file (and all of
   a file the ledger has seen before). Skipped rows are counted as duplicates.

Around the whole import, DuckDB checkpoints once at the end (not after every batch) and a
large import parks the secondary ``events`` indexes and rebuilds them (``_events_indexes``).

A failed batch is rolled back whole and the error names the file and its lines; the batches
before it stay, and importing the file again completes it without duplicates. Every rejected
row is written to ``<reject_dir>/<file name>.tsv`` (columns file, line, field, problem, then
the raw line; ``<reject_dir>`` defaults to ``<workspace file>.rejects``); the first
``show_rejects`` are also kept in the summary. Each file is recorded in ``event_imports``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path

import duckdb

from axiswatch.errors import InputError, StoreError
from axiswatch.importers import _events_ledger as ledger
from axiswatch.importers._events_common import (
    BATCH_ROWS,
    SHOW_REJECTS,
    EventFormat,
    FileSummary,
    ImportSummary,
    Layout,
    ProgressCallback,
    RejectedRow,
)
from axiswatch.importers._events_files import (
    LineBatch,
    decode_header,
    line_batches,
    open_lines,
    sample_lines,
)
from axiswatch.importers._events_indexes import bulk_indexes, estimated_rows
from axiswatch.importers._events_reference import load_reference_tables
from axiswatch.importers._events_sql import lit
from axiswatch.importers._events_statements import WIDTH_FIELD, BatchStatements
from axiswatch.store.connect import process_alive

_ACTOR = re.compile(r"[A-Z]{3}")


def parse_actors(actors: Iterable[str] | str | None) -> tuple[str, ...] | None:
    """``"CHN,RUS"`` or ``["chn", "rus"]`` as ISO codes; None keeps every event."""
    if actors is None:
        return None
    items = actors.split(",") if isinstance(actors, str) else list(actors)
    codes = tuple(dict.fromkeys(a.strip().upper() for a in items if a.strip()))
    bad = [c for c in codes if not _ACTOR.fullmatch(c)]
    if bad or not codes:
        raise InputError(
            f"--actors {', '.join(bad) or '(none)'}: give ISO 3166 alpha-3 codes joined by "
            "commas, e.g. CHN,RUS,PRK"
        )
    return codes


def event_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to import: each path given, folders expanded to their files (sorted)."""
    files: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder; check the path")
    if not files:
        raise InputError("no event files to import: give files or folders that hold them")
    return files


def default_reject_dir(con: duckdb.DuckDBPyConnection) -> Path:
    """``<workspace file>.rejects`` beside the database (``./axiswatch.rejects`` in memory)."""
    rows = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()
    if rows and rows[0][0]:
        row = rows[0]
        db = Path(row[0])
        return db.with_name(db.name + ".rejects")
    return Path.cwd() / "axiswatch.rejects"


def import_event_files(
    con: duckdb.DuckDBPyConnection,
    fmt: EventFormat,
    paths: Iterable[str | Path],
    *,
    actors: Iterable[str] | str | None = None,
    batch_rows: int = BATCH_ROWS,
    reject_dir: str | Path | None = None,
    show_rejects: int = SHOW_REJECTS,
    progress: ProgressCallback | None = None,
) -> ImportSummary:
    """Import event files of one format; returns what was read, added, skipped and rejected.

    ``actors`` keeps only events whose source or target is one of those ISO codes.
    ``progress(done, None, file name)`` is called after each batch with the rows read so far.
    """
    wanted = parse_actors(actors)
    files = event_files(paths)
    if batch_rows < 1:
        raise InputError(f"batch_rows {batch_rows}: give a positive number of rows")
    started = time.perf_counter()
    summary = ImportSummary(fmt.kind)
    rejects_at = Path(reject_dir) if reject_dir is not None else default_reject_dir(con)
    remove_stale_scratch()
    load_reference_tables(con)
    job = _Job(con, fmt, wanted, batch_rows, rejects_at, show_rejects, progress)
    with (
        _bulk_settings(con),
        bulk_indexes(con, estimated_rows(files)),
        tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-") as tmp,
    ):
        for path in files:
            summary.files.append(job.run(path, Path(tmp) / "batch.tsv"))
    summary.seconds = time.perf_counter() - started
    return summary


@contextmanager
def _bulk_settings(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Checkpoint once at the end rather than after every batch; restore the settings after."""
    old = con.execute(
        "SELECT current_setting('checkpoint_threshold'), "
        "current_setting('preserve_insertion_order')"
    ).fetchall()[0]
    con.execute("SET checkpoint_threshold = '1GB'").fetchall()
    try:
        yield
    finally:
        con.execute(f"SET checkpoint_threshold = {lit(str(old[0]))}").fetchall()
        con.execute(f"SET preserve_insertion_order = {bool(old[1])}").fetchall()
        with suppress(duckdb.Error):
            con.execute("CHECKPOINT").fetchall()


class _Job:
    """One import call: its settings and the rows read so far (for progress)."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        fmt: EventFormat,
        wanted: tuple[str, ...] | None,
        batch_rows: int,
        reject_dir: Path,
        show_rejects: int,
        progress: ProgressCallback | None,
    ) -> None:
        self.con = con
        self.fmt = fmt
        self.wanted = wanted
        self.batch_rows = batch_rows
        self.reject_dir = reject_dir
        self.show_rejects = show_rejects
        self.progress = progress
        self.done = 0
        self.careful = False
        """Whether the current file's batches skip stored ids (INSERT OR IGNORE)."""
        self.created = dt.datetime.now(dt.UTC).replace(tzinfo=None)

    def run(self, path: Path, scratch: Path) -> FileSummary:
        """Import one file."""
        reject_file = self.reject_dir / f"{path.name}.tsv"
        reject_file.unlink(missing_ok=True)
        with open_lines(path) as stream:
            sample = sample_lines(stream)
            if not sample:
                return FileSummary(str(path), f"{self.fmt.kind}:{path.name}")
            layout = self.fmt.layout(path, [decode_header(line) for line in sample])
            summary = FileSummary(str(path), f"{layout.dataset}:{path.name}")
            mapping = self.fmt.mapping(layout)
            sql = BatchStatements(
                self.fmt.kind,
                layout,
                mapping,
                dataset=summary.dataset,
                file_name=path.name,
                scratch=scratch,
                wanted=self.wanted,
                created=self.created,
            )
            import_id = ledger.start_import(self.con, self.fmt.kind, summary, self.wanted)
            self.careful = ledger.seen_before(self.con, summary.dataset, import_id)
            head, first = (sample[1:], 2) if layout.header else (sample, 1)
            self._report(path)
            try:
                for batch in line_batches(stream, self.batch_rows, first=first, head=head):
                    self._batch(path, batch, layout, sql, summary, import_id, reject_file)
                    self._report(path)
            except BaseException:
                with suppress(duckdb.Error):
                    ledger.update_import(self.con, import_id, summary, "failed")
                raise
            ledger.update_import(self.con, import_id, summary, "done")
        return summary

    def _report(self, path: Path) -> None:
        if self.progress is not None:
            self.progress(self.done, None, path.name)

    def _batch(
        self,
        path: Path,
        batch: LineBatch,
        layout: Layout,
        sql: BatchStatements,
        summary: FileSummary,
        import_id: str,
        reject_file: Path,
    ) -> None:
        """Stage and map one batch (temp tables), then add its events in one transaction."""
        where = f"{path}: lines {batch.first}-{batch.last}"
        sql.scratch_path.write_bytes(batch.safe_bytes())
        con = self.con
        try:
            # Staged outside a transaction, so the row ids of the new temp table are the
            # rows' places in the file; after staging DuckDB may spread the work over threads.
            con.execute("SET preserve_insertion_order = true").fetchall()
            con.execute(sql.stage()).fetchall()
            con.execute("SET preserve_insertion_order = false").fetchall()
            staged, blank = con.execute(
                "SELECT count(*), count(*) FILTER (WHERE _blank) FROM _aw_stage"
            ).fetchall()[0]
            if staged != len(batch.lines):
                raise StoreError(
                    f"{where}: DuckDB read {staged} rows from {len(batch.lines)} lines, so rows "
                    "cannot be numbered; report this file"
                )
            con.execute(sql.mapped(batch.first)).fetchall()
            bad = con.execute(
                "SELECT line, field, problem FROM _aw_mapped WHERE field IS NOT NULL ORDER BY line"
            ).fetchall()
            kept, dropped = con.execute(
                "SELECT count(*) FILTER (WHERE field IS NULL AND keep), "
                "count(*) FILTER (WHERE field IS NULL AND NOT keep) FROM _aw_mapped"
            ).fetchall()[0]
        except duckdb.Error as e:
            first = (str(e).splitlines() or [""])[0][:300]
            raise StoreError(
                f"{where}: {first}; nothing of this batch was stored and the batches before it "
                "were kept: import the file again to finish it (stored events are skipped)"
            ) from e
        rejects = [self._rejected(path, batch, layout, *row) for row in bad]

        def counted(added: int) -> FileSummary:
            return replace(
                summary,
                read=summary.read + len(batch.lines) - blank,
                blank=summary.blank + blank,
                added=summary.added + added,
                duplicates=summary.duplicates + kept - added,
                filtered=summary.filtered + dropped,
                rejected=summary.rejected + len(rejects),
                reject_file=str(reject_file) if rejects else summary.reject_file,
            )

        after = None
        if not self.careful:
            after = self._commit(sql.insert_new, import_id, counted, where)
            self.careful = after is None
        if after is None:
            after = self._commit(sql.insert_ignore, import_id, counted, where)
        assert after is not None
        for name in ("read", "blank", "added", "duplicates", "filtered", "rejected", "reject_file"):
            setattr(summary, name, getattr(after, name))
        self.done += len(batch.lines) - blank
        if rejects:
            room = self.show_rejects - len(summary.rejects)
            summary.rejects += rejects[: max(room, 0)]
            _write_rejects(reject_file, rejects)

    def _commit(
        self,
        statement: str,
        import_id: str,
        counted: Callable[[int], FileSummary],
        where: str,
    ) -> FileSummary | None:
        """Insert the mapped rows and update the ledger in one transaction; the new counts.

        None (rolled back) when the plain ``INSERT`` of the fast path met a duplicate id.
        """
        con = self.con
        con.execute("BEGIN TRANSACTION").fetchall()
        try:
            after = counted(con.execute(statement).fetchall()[0][0])
            ledger.update_import(con, import_id, after)
            con.execute("COMMIT").fetchall()
        except duckdb.Error as e:
            _rollback(con)
            if statement.startswith("INSERT INTO") and _duplicate_key(e):
                return None
            raise StoreError(
                f"{where}: {e}; this batch was rolled back and the batches before it kept: "
                "import the file again to finish it (stored events are skipped)"
            ) from e
        except BaseException:
            _rollback(con)
            raise
        return after

    def _rejected(
        self, path: Path, batch: LineBatch, layout: Layout, line: int, field: str, problem: str
    ) -> RejectedRow:
        raw = batch.text(line)
        if field == WIDTH_FIELD:
            n = raw.count("\t") + 1
            field = "(row)"
            problem = f"{n} fields where {layout.dataset} rows have {layout.width}"
            if layout.trailing_empty_ok and n > layout.width:
                problem += " and the extra fields are not empty"
        return RejectedRow(path.name, line, field, problem, raw)


def _duplicate_key(error: duckdb.Error) -> bool:
    """Whether DuckDB refused rows for a primary key that is already taken."""
    return isinstance(error, duckdb.ConstraintException) and "duplicate key" in str(error).lower()


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    with suppress(duckdb.Error):
        con.execute("ROLLBACK").fetchall()


def _write_rejects(reject_file: Path, rejects: Sequence[RejectedRow]) -> None:
    try:
        reject_file.parent.mkdir(parents=True, exist_ok=True)
        new = not reject_file.exists()
        with reject_file.open("a", encoding="utf-8", newline="\n") as out:
            if new:
                out.write("file\tline\tfield\tproblem\traw\n")
            for r in rejects:
                problem = r.problem.replace("\t", " ").replace("\n", " ")
                out.write(f"{r.file}\t{r.line}\t{r.field}\t{problem}\t{r.raw}\n")
    except OSError as e:
        raise InputError(
            f"{reject_file}: cannot write the reject file ({e.strerror}); pick another folder "
            "for rejects"
        ) from e


SCRATCH_PREFIX = "axiswatch-import-"
"""Scratch folders are named axiswatch-import-<pid>-..., so a killed import's can be found."""


def remove_stale_scratch() -> None:
    """Delete the scratch folders of imports whose process is gone (killed midway)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*-*"):
        pid = folder.name[len(SCRATCH_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
