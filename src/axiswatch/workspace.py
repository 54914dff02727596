"""The Workspace: the one facade that the CLI, the API, the web pages and reports call."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

import duckdb

from axiswatch.config import default_db_path
from axiswatch.errors import AxiswatchError, IngestError
from axiswatch.ingest.documents import build_document, iter_candidate_files
from axiswatch.model import Document
from axiswatch.store import documents as doc_store
from axiswatch.store.connect import connect
from axiswatch.store.migrations import schema_version

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
"""progress(done, total, label): called as long work advances."""


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one input path."""

    path: str
    status: str  # added | unchanged | failed
    document_id: str | None = None
    title: str | None = None
    reason: str | None = None


@dataclass
class IngestReport:
    """The outcome of one ingest call, file by file."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many files ended with this status."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        """The files that could not be ingested."""
        return [o for o in self.outcomes if o.status == "failed"]


class Workspace:
    """One workspace database and the operations on it."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.con: duckdb.DuckDBPyConnection = connect(self.path)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self.con.close()

    @property
    def schema_version(self) -> int:
        """The applied schema version."""
        return schema_version(self.con)

    # documents -------------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        title: str | None = None,
        published: dt.date | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Read files and folders into the store; each document in its own transaction."""
        found = iter_candidate_files(paths)
        report = IngestReport(skipped=[str(p) for p in found.skipped])
        for missing in found.missing:
            report.outcomes.append(
                FileOutcome(missing, "failed", reason="no such file or folder: check the path")
            )
        total = len(found.files)
        for n, path in enumerate(found.files, 1):
            report.outcomes.append(self._ingest_one(path, title=title, published=published))
            if progress is not None:
                progress(n, total, str(path))
        return report

    def _ingest_one(
        self, path: Path, *, title: str | None, published: dt.date | None
    ) -> FileOutcome:
        try:
            document, raw_hash = build_document(path, title=title, published=published)
            added = doc_store.write_document(self.con, document, raw_sha256=raw_hash)
        except IngestError as e:
            return FileOutcome(str(path), "failed", reason=e.reason)
        except AxiswatchError as e:
            return FileOutcome(str(path), "failed", reason=str(e))
        status = "added" if added else "unchanged"
        log.info("%s %s as %s", status, path, document.document_id[:12])
        return FileOutcome(str(path), status, document.document_id, document.title)

    def documents(self, *, limit: int | None = None) -> list[Document]:
        """Stored documents, in ingestion order."""
        return doc_store.read_documents(self.con, limit=limit)

    def document(self, id_or_prefix: str) -> Document:
        """One stored document by id or unique prefix."""
        return doc_store.read_document(self.con, id_or_prefix)


def open(path: str | Path | None = None) -> Workspace:
    """Open (or create) the workspace at ``path`` ($AXISWATCH_DB, else ./axiswatch.duckdb)."""
    return Workspace(path)
