"""What every reference-data importer shares: results, errors, versions, CSV reading.

Files are read as a stream: a CSV (plain or gzip) yields one record at a time with the line
it starts on, and progress is reported in bytes of the file on disk.
"""

from __future__ import annotations

import _csv
import csv
import gzip
import hashlib
import io
import itertools
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from axiswatch.errors import InputError

ProgressCallback = Callable[[int, int, str], None]
"""Called as ``progress(done, total, label)``; units are the importer's (bytes or files)."""

PROGRESS_EVERY = 20_000
_READ_ERRORS = (csv.Error, UnicodeDecodeError, OSError, EOFError, zlib.error)


def no_progress(done: int, total: int, label: str) -> None:
    """The default progress callback: does nothing."""


class ReferenceDataError(InputError):
    """A reference file that cannot be imported; names the file, the line and the field."""

    def __init__(
        self,
        path: str | Path,
        line: int | None,
        problem: str,
        hint: str,
        *,
        field: str | None = None,
    ) -> None:
        where = f"{path}:{line}" if line is not None else f"{path}"
        super().__init__(f"{where}: {problem}; {hint}")
        self.path = str(path)
        self.line = line
        self.field = field
        self.problem = problem
        self.hint = hint


@dataclass(frozen=True)
class ImportResult:
    """What one import wrote: the dataset, its version, and the rows per table."""

    dataset: str
    version: str
    kind: str
    path: str
    rows: int
    tables: dict[str, int] = field(default_factory=dict)
    skipped: int = 0
    warnings: tuple[str, ...] = ()


def one_csv(path: Path, what: str, *, prefer: tuple[str, ...] = ()) -> Path:
    """The CSV file to import: ``path`` itself, or the one ``*.csv`` of a folder (among several,
    the one whose name holds a word of ``prefer``); ``what`` names it in errors."""
    if path.is_file():
        return path
    if not path.is_dir():
        raise ReferenceDataError(path, None, "no such file or folder", "check the path")
    files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv")
    named = [p for p in files if any(w in p.name.lower() for w in prefer)]
    chosen = named if len(named) == 1 else files
    if len(chosen) != 1:
        raise ReferenceDataError(
            path, None, f"the folder holds {len(files)} CSV files, not one", f"give {what} itself"
        )
    return chosen[0]


def content_version(paths: Sequence[Path], root: Path | None = None) -> str:
    """A version label from the files' bytes: ``sha256:`` and 12 hex digits.

    The same files give the same label, so a re-import without ``--dataset-version`` replaces
    the earlier rows instead of adding a second copy.
    """
    digest = hashlib.sha256()
    for path in sorted(paths):
        name = path.relative_to(root).as_posix() if root else path.name
        digest.update(name.encode("utf-8") + b"\0")
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    return "sha256:" + digest.hexdigest()[:12]


class _CountingReader(io.RawIOBase):
    """A raw binary stream that counts the bytes read from the file underneath."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        return n


@dataclass
class CsvStream:
    """An open CSV file: its header, its records with line numbers, and bytes read so far."""

    path: Path
    header: list[str]
    records: Iterator[tuple[int, list[str]]]
    _counter: _CountingReader

    @property
    def bytes_read(self) -> int:
        """Bytes of the file on disk consumed so far (compressed bytes for .gz)."""
        return self._counter.count

    def index(self, required: Sequence[str]) -> dict[str, int]:
        """Column positions by name; an error naming the missing columns."""
        positions = {name.strip(): i for i, name in enumerate(self.header)}
        missing = [name for name in required if name not in positions]
        if missing:
            raise ReferenceDataError(
                self.path,
                1,
                f"header lacks column(s) {', '.join(missing)}",
                "give the file as its publisher distributes it",
            )
        return positions


def read_header(path: Path) -> list[str]:
    """The first CSV record of a file (plain or .gz); an error if it cannot be read."""
    with open_csv(path) as stream:
        return stream.header


@contextmanager
def open_csv(path: Path, *, header_starts: str | None = None) -> Iterator[CsvStream]:
    """Open a CSV or CSV.gz file as UTF-8 (BOM tolerated) and stream its records.

    Each record comes with the line it starts on (records may span lines inside quotes).
    A record whose field count differs from the header's is an error with its line number.
    ``header_starts``: lines before the first one starting with it are a preamble, skipped
    (up to 200 lines; SIPRI's exports open with notes on their conventions).
    """
    try:
        raw = path.open("rb")
    except OSError as e:
        raise ReferenceDataError(path, None, f"cannot open: {e.strerror}", "check the path") from e
    counter = _CountingReader(raw)
    buffered = io.BufferedReader(counter, buffer_size=1 << 16)
    binary: IO[bytes] = gzip.GzipFile(fileobj=buffered) if _is_gzip(path) else buffered
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
    try:
        skipped, lines = _preamble(path, text, header_starts)
        reader = csv.reader(lines)
        header = _first_record(path, reader)
        yield CsvStream(path, header, _records(path, reader, len(header), skipped), counter)
    finally:
        text.close()
        raw.close()


def _preamble(path: Path, text: IO[str], header_starts: str | None) -> tuple[int, Iterator[str]]:
    """Lines skipped before the header, and the lines from the header on."""
    if header_starts is None:
        return 0, iter(text)
    try:
        for skipped in range(200):
            line = text.readline()
            if not line:
                break
            if line.lstrip("\ufeff").startswith(header_starts):
                return skipped, itertools.chain([line], text)
    except _READ_ERRORS as e:
        raise ReferenceDataError(path, None, f"not a readable text file ({e})", "give a CSV") from e
    raise ReferenceDataError(
        path,
        None,
        f"no header line starting with {header_starts!r} in the first 200 lines",
        "give the file as its publisher distributes it",
    )


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(2) == b"\x1f\x8b"


def _first_record(path: Path, reader: _csv.Reader) -> list[str]:
    try:
        header = next(reader)
    except StopIteration:
        raise ReferenceDataError(
            path, 1, "the file is empty", "give a CSV file with a header"
        ) from None
    except _READ_ERRORS as e:
        raise ReferenceDataError(
            path, 1, f"not a readable CSV file ({e})", "give a CSV file"
        ) from e
    return [name.strip() for name in header]


def _records(
    path: Path, reader: _csv.Reader, width: int, offset: int = 0
) -> Iterator[tuple[int, list[str]]]:
    last_line = reader.line_num + offset
    while True:
        start = last_line + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except _READ_ERRORS as e:
            raise ReferenceDataError(
                path, start, f"unreadable record ({e})", "repair or re-download the file"
            ) from e
        last_line = reader.line_num + offset
        if not record:
            continue
        if len(record) != width:
            raise ReferenceDataError(
                path,
                start,
                f"{len(record)} fields where the header has {width}",
                "repair the line or re-download the file",
            )
        yield start, record


def required(path: Path, line: int, name: str, value: str) -> str:
    """A field that must not be empty."""
    value = value.strip()
    if not value:
        raise ReferenceDataError(
            path, line, f"empty {name}", f"fill in {name} or drop the line", field=name
        )
    return value
