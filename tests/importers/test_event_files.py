"""Event files: a zip or gzip that unpacks far past what an event file compresses to is refused
before a byte is imported."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest

import axiswatch.importers._events_files as event_files
from axiswatch.errors import InputError
from axiswatch.importers._events_files import open_lines


@pytest.fixture
def small_bombs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bomb floor at 1 MB, so that a few MB of zeros show the rule."""
    monkeypatch.setattr(event_files, "MIN_BOMB_BYTES", 1 << 20)


def test_a_zip_bomb_is_refused(tmp_path: Path, small_bombs: None) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("events.csv", b"\0" * (4 << 20))
    refused = pytest.raises(InputError, match=r"bomb.zip: unpacks to 4,194,304 bytes .* bomb")
    with refused, open_lines(path):
        pass


def test_a_gzip_bomb_is_refused(tmp_path: Path, small_bombs: None) -> None:
    path = tmp_path / "bomb.csv.gz"
    path.write_bytes(gzip.compress(b"\0" * (4 << 20)))
    with pytest.raises(InputError, match="refused as a decompression bomb"), open_lines(path):
        pass


def test_an_ordinary_compressed_event_file_opens(tmp_path: Path, small_bombs: None) -> None:
    rows = b"".join(f"{n}\t20240101\tCHN\tRUS\t042\n".encode() for n in range(100_000))
    path = tmp_path / "events.csv.gz"
    path.write_bytes(gzip.compress(rows))
    with open_lines(path) as stream:
        assert stream.readline() == b"0\t20240101\tCHN\tRUS\t042\n"
