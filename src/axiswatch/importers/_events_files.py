"""Read an event file (plain, .gz, or .zip holding one file) as numbered batches of lines.

Lines are split on ``\\n`` only, so line numbers are those of a text editor. Before DuckDB
reads a batch, the bytes are made safe for its CSV reader without moving any line: invalid
UTF-8 is replaced (U+FFFD), a CR that is not part of a CRLF becomes a space, NUL bytes
become spaces, and each blank line is marked with a single ``\\x01`` so that it keeps its
place (the engine skips marked lines); a line over MAX_LINE_BYTES becomes ``\\x03`` and is
rejected by its number.
"""

from __future__ import annotations

import gzip
import io
import itertools
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from axiswatch.errors import InputError

BLANK_MARK = b"\x01"
LONG_MARK = b"\x03"
"""Stands in for a line too long to read (the line is rejected by number, the rest goes on)."""
MAX_LINE_BYTES = 1 << 20
"""The longest line read: half DuckDB's CSV line limit; no event row comes near it."""


@dataclass(frozen=True)
class LineBatch:
    """Consecutive lines of a file: ``first`` is the number of ``lines[0]`` (from 1)."""

    first: int
    lines: list[bytes]

    @property
    def last(self) -> int:
        """The number of the batch's last line."""
        return self.first + len(self.lines) - 1

    def text(self, line: int) -> str:
        """One line of the batch as text, without its line end (for reject reports)."""
        raw = self.lines[line - self.first]
        return raw.decode("utf-8", "replace").rstrip("\r\n")

    def safe_bytes(self) -> bytes:
        """The batch as bytes DuckDB's CSV reader reads line for line (see module doc)."""
        lines = self.lines
        if any(len(line) > MAX_LINE_BYTES for line in lines):
            lines = [LONG_MARK + b"\n" if len(line) > MAX_LINE_BYTES else line for line in lines]
        data = b"".join(lines)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            data = data.decode("utf-8", "replace").encode("utf-8")
        if b"\r" in data:
            data = data.replace(b"\r\n", b"\n").replace(b"\r", b" ")
        if b"\x00" in data:
            data = data.replace(b"\x00", b" ")
        if data.startswith(b"\n"):
            data = BLANK_MARK + data
        while b"\n\n" in data:
            data = data.replace(b"\n\n", b"\n" + BLANK_MARK + b"\n")
        return data


@contextmanager
def open_lines(path: Path) -> Iterator[IO[bytes]]:
    """The decompressed bytes of an event file; a .zip must hold exactly one file."""
    if not path.is_file():
        raise InputError(f"{path}: no such file; check the path")
    try:
        with path.open("rb") as raw:
            magic = raw.read(4)
        if magic.startswith(b"PK\x03\x04"):
            with zipfile.ZipFile(path) as archive:
                member = _only_member(path, archive)
                _check_ratio(path, archive.getinfo(member).file_size)
                with archive.open(member) as inner:
                    yield io.BufferedReader(inner, buffer_size=1 << 20)  # type: ignore[arg-type]
        elif magic.startswith(b"\x1f\x8b"):
            _check_ratio(path, _gzip_size(path))
            with gzip.open(path, "rb") as inner:
                yield inner  # type: ignore[misc]
        else:
            with path.open("rb", buffering=1 << 20) as plain:
                yield plain
    except (OSError, EOFError, zipfile.BadZipFile) as e:
        raise InputError(f"{path}: cannot read the file ({e}); re-download it") from e


MAX_RATIO = 200
"""Decompressed / compressed size above which an archive is refused as a bomb (event CSVs
compress about 5-15 to 1)."""
MIN_BOMB_BYTES = 1 << 30


def _check_ratio(path: Path, unpacked: int) -> None:
    packed = max(path.stat().st_size, 1)
    if unpacked > MIN_BOMB_BYTES and unpacked / packed > MAX_RATIO:
        raise InputError(
            f"{path}: unpacks to {unpacked:,} bytes from {packed:,} ({unpacked // packed}:1), "
            f"past the {MAX_RATIO}:1 an event file reaches: refused as a decompression bomb"
        )


def _gzip_size(path: Path) -> int:
    """The uncompressed size a gzip file records (ISIZE: modulo 4 GiB, so a lower bound)."""
    with path.open("rb") as raw:
        raw.seek(-4, 2)
        return int.from_bytes(raw.read(4), "little")


def _only_member(path: Path, archive: zipfile.ZipFile) -> str:
    names = [
        info.filename
        for info in archive.infolist()
        if not info.is_dir() and not info.filename.startswith("__MACOSX/")
    ]
    if len(names) != 1:
        raise InputError(
            f"{path}: the zip holds {len(names)} files ({', '.join(names[:5])}); "
            "give a zip with one event file, or unzip it and give the files"
        )
    return names[0]


def sample_lines(stream: IO[bytes], count: int = 50) -> list[bytes]:
    """The first ``count`` lines of the stream (fewer for a short file)."""
    return list(itertools.islice(stream, count))


def line_batches(
    stream: IO[bytes], batch_rows: int, *, first: int, head: list[bytes] | None = None
) -> Iterator[LineBatch]:
    """Batches of ``batch_rows`` lines; ``head`` holds lines already read (``first`` on)."""
    pending = list(head or [])
    number = first
    while True:
        if len(pending) < batch_rows:
            pending += itertools.islice(stream, batch_rows - len(pending))
        lines, pending = pending[:batch_rows], pending[batch_rows:]
        if not lines:
            return
        yield LineBatch(number, lines)
        number += len(lines)


def decode_header(line: bytes) -> str:
    """A header or first line as text: UTF-8 (BOM tolerated), line end removed."""
    return line.decode("utf-8-sig", "replace").rstrip("\r\n")
