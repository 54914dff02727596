"""`axiswatch ingest` and `axiswatch documents` through the real CLI app."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ingest._fixtures import ARTICLE
from typer.testing import CliRunner

from axiswatch.cli.app import app

runner = CliRunner()


def _write(folder: Path) -> Path:
    folder.mkdir()
    (folder / "one.txt").write_text("One\n\n" + ARTICLE, encoding="utf-8")
    (folder / "two.txt").write_text(
        "Two\n\nKim Jong Un visited Beijing in March 2018.", encoding="utf-8"
    )
    return folder


def test_ingest_cmd_root_db_option_and_rerun(tmp_path: Path) -> None:
    folder = _write(tmp_path / "docs")
    db = str(tmp_path / "w.duckdb")
    first = runner.invoke(app, ["--db", db, "ingest", "--no-extract", str(folder)])
    second = runner.invoke(app, ["--db", db, "ingest", "--no-extract", str(folder)])
    assert first.exit_code == 0, first.output
    assert "2 added, 0 unchanged, 0 failed" in first.stderr
    assert second.exit_code == 0
    assert "0 added, 2 unchanged, 0 failed" in second.stderr


def test_ingest_cmd_binary_file_one_error_line_exit_1(tmp_path: Path) -> None:
    folder = _write(tmp_path / "docs")
    blob = tmp_path / "blob.bin"
    blob.write_bytes(bytes(range(256)) * 8)
    db = str(tmp_path / "w.duckdb")
    result = runner.invoke(app, ["ingest", "--no-extract", str(folder), str(blob), "--db", db])
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.exit_code == 1
    assert errors == [
        f"error: {blob}: binary file, not text, HTML or PDF: give a text, HTML or PDF file"
    ]
    listed = runner.invoke(app, ["documents", "--db", db, "--format", "json"])
    assert len(json.loads(listed.stdout)) == 2


def test_ingest_cmd_from_list_and_bad_date(tmp_path: Path) -> None:
    folder = _write(tmp_path / "docs")
    listing = tmp_path / "list.txt"
    listing.write_text(f"# files\n{folder / 'one.txt'}\n\n", encoding="utf-8")
    db = str(tmp_path / "w.duckdb")
    ok = runner.invoke(app, ["ingest", "--no-extract", "--from-list", str(listing), "--db", db])
    bad = runner.invoke(app, ["ingest", str(folder), "--published", "June 2024", "--db", db])
    assert ok.exit_code == 0
    assert "1 added" in ok.stderr
    assert bad.exit_code == 1
    assert (
        bad.stderr.strip() == "error: --published 'June 2024' is not a date: write it as YYYY-MM-DD"
    )


def test_documents_cmd_formats_and_show(tmp_path: Path) -> None:
    folder = _write(tmp_path / "docs")
    db = str(tmp_path / "w.duckdb")
    runner.invoke(app, ["ingest", "--no-extract", str(folder), "--db", db])
    table = runner.invoke(app, ["documents", "--db", db])
    csv_out = runner.invoke(app, ["documents", "--db", db, "-f", "csv"])
    rows = json.loads(runner.invoke(app, ["documents", "--db", db, "-f", "json"]).stdout)
    shown = runner.invoke(app, ["documents", "show", rows[0]["id"], "--db", db])
    assert "One" in table.stdout and "Two" in table.stdout
    assert csv_out.stdout.splitlines()[0].startswith("id,document_id,title,published")
    assert {r["title"] for r in rows} == {"One", "Two"}
    assert shown.exit_code == 0
    assert rows[0]["document_id"] in shown.stdout


def test_documents_show_unknown_id_is_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "w.duckdb")
    result = runner.invoke(app, ["documents", "show", "abcdef12", "--db", db])
    assert result.exit_code == 1
    assert result.stderr == "error: no document with id 'abcdef12': see `axiswatch documents`\n"
