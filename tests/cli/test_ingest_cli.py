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


def test_bad_files_are_reported_one_line_each_and_the_rest_is_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a-month13.txt").write_text("---\npublished: 2024-13-45\n---\nText.\n")
    (folder / "b-listkey.txt").write_text("---\n? [a, b]\n: c\n---\nText.\n")
    (folder / "c-utf16.txt").write_bytes("\ufeffhello".encode("utf-16-le") + b"\x00")
    (folder / "d-good.txt").write_text("---\ntitle: Good\n---\nKim Jong Un visited Beijing.\n")
    db = str(tmp_path / "w.duckdb")
    result = runner.invoke(app, ["--db", db, "ingest", "--no-extract", str(folder)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3 and all("Traceback" not in e for e in errors)
    assert "1 added, 0 unchanged, 3 failed" in result.stderr
    listed = json.loads(runner.invoke(app, ["--db", db, "documents", "-f", "json"]).stdout)
    assert [d["title"] for d in listed] == ["Good"]


def test_a_crlf_copy_of_a_brief_is_the_same_document(tmp_path: Path) -> None:
    text = "---\ntitle: Brief\npublished: 2024-01-05\n---\nKim Jong Un visited Beijing.\n"
    (tmp_path / "lf.txt").write_text(text, encoding="utf-8", newline="\n")
    (tmp_path / "crlf.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    db = str(tmp_path / "w.duckdb")
    runner.invoke(app, ["--db", db, "ingest", "--no-extract", str(tmp_path / "lf.txt")])
    again = runner.invoke(app, ["--db", db, "ingest", "--no-extract", str(tmp_path / "crlf.txt")])
    assert "0 added, 1 unchanged" in again.stderr
    listed = json.loads(runner.invoke(app, ["--db", db, "documents", "-f", "json"]).stdout)
    assert [(d["title"], d["published"]) for d in listed] == [("Brief", "2024-01-05")]
