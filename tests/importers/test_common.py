"""Shared importer machinery: CSV streaming with line numbers, versions, error text."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from axiswatch.errors import InputError
from axiswatch.importers._common import ReferenceDataError, content_version, open_csv


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_open_csv_records_carry_their_first_line(tmp_path: Path, compress: bool) -> None:
    text = 'a,b\n1,"two\nlines"\n3,4\n'
    path = tmp_path / ("t.csv.gz" if compress else "t.csv")
    if compress:
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text)
    with open_csv(path) as stream:
        records = list(stream.records)
        assert stream.bytes_read == path.stat().st_size
    assert stream.header == ["a", "b"]
    assert records == [(2, ["1", "two\nlines"]), (4, ["3", "4"])]


def test_open_csv_wrong_field_count_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2\n3\n")
    with pytest.raises(ReferenceDataError) as err, open_csv(path) as stream:
        list(stream.records)
    assert str(err.value) == (
        f"{path}:3: 1 fields where the header has 2; repair the line or re-download the file"
    )
    assert (err.value.line, isinstance(err.value, InputError)) == (3, True)


def test_open_csv_missing_columns_error(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2\n")
    with (
        pytest.raises(ReferenceDataError, match=r"t.csv:1: header lacks column\(s\) c"),
        open_csv(path) as stream,
    ):
        stream.index(["a", "c"])


def test_content_version_changes_with_bytes_only(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a\n1\n")
    first = content_version([path])
    assert first == content_version([path])
    path.write_text("a\n2\n")
    assert content_version([path]) != first
    assert first.startswith("sha256:") and len(first) == len("sha256:") + 12


def test_scratch_folders_of_dead_imports_are_removed(tmp_path, monkeypatch) -> None:
    import os
    import tempfile

    from axiswatch.importers import _events_import as imp

    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    dead = tmp_path / f"{imp.SCRATCH_PREFIX}999999999-abc"
    live = tmp_path / f"{imp.SCRATCH_PREFIX}{os.getpid()}-abc"
    for folder in (dead, live):
        folder.mkdir()
        (folder / "batch.tsv").write_text("x")
    imp.remove_stale_scratch()
    assert not dead.exists() and live.exists()
