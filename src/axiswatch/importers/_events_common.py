"""What the event-data importers (GDELT, ICEWS, POLECAT) share: layouts, mappings, summaries.

A publisher's file is read as lines; a :class:`Layout` says which field of a line holds which
publisher column. A :class:`Mapping` turns the staged columns into ``events`` columns with SQL
(DuckDB), and lists the checks whose failure rejects a row. The import engine
(``_events_import``) runs both batch by batch; the format modules only describe.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from axiswatch.errors import InputError

ProgressCallback = Callable[[int, int | None, str], None]
"""Called as ``progress(done, total_or_None, label)``: data rows read so far, file name."""

BATCH_ROWS = 491_520
"""Rows per batch and transaction: four DuckDB row groups (122,880 rows each). Larger batches
are faster: on a 1M-row GDELT file (2 cores) batches of 245,760 / 491,520 / 983,040 rows took
about 13 / 11.5 / 9.5 s, because DuckDB rewrites the row groups of earlier transactions at the
final checkpoint. A batch of 491,520 GDELT rows holds about 1.6 GB at its peak."""

SHOW_REJECTS = 10
"""Rejected rows kept in the summary (all of them go to the reject file)."""

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "origin",
    "dataset",
    "dataset_row",
    "date_start",
    "date_end",
    "day_start",
    "day_end",
    "precision",
    "source",
    "target",
    "event_type",
    "mode",
    "cameo",
    "quad_class",
    "goldstein",
    "location",
    "epistemic",
    "rule",
    "why",
    "mentions",
)
"""The ``events`` columns an import writes (plus ``created_at``); the others stay null."""


@dataclass(frozen=True)
class Layout:
    """Where the publisher's columns sit in one file's lines.

    ``columns`` maps publisher column names to 0-based field positions; ``width`` is the
    number of fields a row must have. ``trailing_empty_ok`` accepts rows with further fields
    when those are all empty (POLECAT's defect); ``unquote`` strips double quotes around
    values (files whose header is quoted); ``trim`` strips spaces around values.
    """

    dataset: str
    width: int
    columns: Mapping[str, int]
    header: bool
    trailing_empty_ok: bool = False
    unquote: bool = False
    trim: bool = False

    def has(self, column: str) -> bool:
        """Whether the file has that publisher column."""
        return column in self.columns


@dataclass(frozen=True)
class Check:
    """A reject rule: rows where ``condition`` (SQL) holds are rejected, naming the field."""

    condition: str
    field: str
    problem: str
    """SQL expression for the message (it may quote the bad value)."""


@dataclass(frozen=True)
class EventMapping:
    """SQL that maps staged publisher columns (table alias ``s``) to ``events`` columns.

    ``derived`` are computed first (alias ``p`` then holds them and every staged column),
    ``joins`` are joined to ``p``, ``checks`` reject rows and ``columns`` give each
    ``EVENT_COLUMNS`` entry that the engine does not fill itself (event_id prefix, origin,
    dataset, dataset_row, precision, epistemic and rule are the engine's).
    """

    derived: Mapping[str, str]
    checks: tuple[Check, ...]
    columns: Mapping[str, str]
    joins: tuple[str, ...] = ()


class EventFormat(Protocol):
    """One publisher's event files: how to lay out a file and how to map its rows."""

    kind: str
    """The origin written to ``events.origin`` and the event-id prefix: gdelt, icews, polecat."""

    def layout(self, path: Path, sample: Sequence[str]) -> Layout:
        """The layout of a file from its first lines; InputError when it is not this format."""
        ...

    def mapping(self, layout: Layout) -> EventMapping:
        """The SQL mapping for files of that layout."""
        ...


@dataclass(frozen=True)
class RejectedRow:
    """One row that was not imported: where it is, which field, what is wrong, the line."""

    file: str
    line: int
    field: str
    problem: str
    raw: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.problem}"


@dataclass
class FileSummary:
    """What the import of one file did. ``read = added + duplicates + filtered + rejected``."""

    path: str
    dataset: str
    read: int = 0
    added: int = 0
    duplicates: int = 0
    filtered: int = 0
    rejected: int = 0
    blank: int = 0
    reject_file: str | None = None
    rejects: list[RejectedRow] = field(default_factory=list)


@dataclass
class ImportSummary:
    """What an import of one or more files did, with the first rejected rows."""

    kind: str
    files: list[FileSummary] = field(default_factory=list)
    seconds: float = 0.0

    def _total(self, name: str) -> int:
        return sum(getattr(f, name) for f in self.files)

    @property
    def read(self) -> int:
        """Data rows read (header and blank lines not counted)."""
        return self._total("read")

    @property
    def added(self) -> int:
        """Events written to the store."""
        return self._total("added")

    @property
    def duplicates(self) -> int:
        """Rows whose event id was already stored (or came earlier in the same import)."""
        return self._total("duplicates")

    @property
    def filtered(self) -> int:
        """Rows left out by the actor filter."""
        return self._total("filtered")

    @property
    def rejected(self) -> int:
        """Malformed rows, each written to the reject file with its line."""
        return self._total("rejected")

    @property
    def rejects(self) -> list[RejectedRow]:
        """The first rejected rows of every file, in file order."""
        return [r for f in self.files for r in f.rejects]

    @property
    def reject_files(self) -> list[str]:
        """The reject files written (one per file with rejected rows)."""
        return [f.reject_file for f in self.files if f.reject_file]


def header_layout(
    path: Path,
    header: str,
    dataset: str,
    required: Sequence[str | tuple[str, ...]],
    *,
    trailing_empty_ok: bool = False,
) -> Layout:
    """The layout of a tab-separated file with a header of column names.

    Names are matched exactly after stripping spaces and double quotes; empty names at the
    end of the header are dropped. ``required`` entries are names, or tuples of alternatives
    of which one must be present. InputError lists what is missing.
    """
    cells = header.split("\t")
    quoted = len(cells) > 1 and all(c.startswith('"') and c.endswith('"') for c in cells if c)
    names = [c.strip().strip('"').strip() for c in cells]
    while names and not names[-1]:
        names.pop()
    columns: dict[str, int] = {}
    for i, name in enumerate(names):
        columns.setdefault(name, i)
    missing = [
        " or ".join(r) if isinstance(r, tuple) else r
        for r in required
        if not any(n in columns for n in ((r,) if isinstance(r, str) else r))
    ]
    if missing:
        found = ", ".join(names[:6]) + ("…" if len(names) > 6 else "")
        raise InputError(
            f"{path}: line 1: the header lacks {', '.join(missing)} (found: {found}); give the "
            f"{dataset.upper()} file as published: tab-separated with its header line"
        )
    return Layout(
        dataset,
        len(names),
        columns,
        header=True,
        trailing_empty_ok=trailing_empty_ok,
        unquote=quoted,
        trim=True,
    )
