"""`axiswatch import unvotes|vetoes|factbook` through a Typer app built like the real one."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import typer
from tests.importers.conftest import FIXTURES
from typer.testing import CliRunner

from axiswatch.cli import imports

runner = CliRunner()
cli = typer.Typer()
cli.add_typer(imports.app, name="import")


@cli.callback()
def _root() -> None:
    """Test root."""


@pytest.mark.parametrize(
    ("command", "path", "summary"),
    [
        ("unvotes", FIXTURES / "dgrtwo", "imported 13 rows (3 un_rollcalls, 10 un_votes)"),
        ("vetoes", FIXTURES / "vetoes" / "vetoes.csv", "imported 5 rows (5 unsc_vetoes)"),
        ("factbook", FIXTURES / "factbook", "imported 28 rows (3 factbook_profiles"),
    ],
    ids=["unvotes", "vetoes", "factbook"],
)
def test_import_cmd_prints_row_count_on_stderr(
    tmp_path: Path, command: str, path: Path, summary: str
) -> None:
    db = tmp_path / "w.duckdb"
    result = runner.invoke(
        cli, ["import", command, str(path), "--db", str(db), "--dataset-version", "v1"]
    )
    assert result.exit_code == 0, result.output
    assert summary in result.stderr
    assert "version v1" in result.stderr
    con = duckdb.connect(str(db))
    assert con.execute("SELECT version FROM datasets").fetchall() == [("v1",)]


def test_import_cmd_malformed_file_one_error_line_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "votes.csv"
    bad.write_text("resid,session,ccode,iso3c,date,year,vote\n1001,1,2,USA,1946-01-01,1946,5\n")
    result = runner.invoke(cli, ["import", "unvotes", str(bad), "--db", str(tmp_path / "w.db")])
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.exit_code == 1
    assert errors == [f"error: {bad}:2: vote '5' is not one of 1, 2, 3, 8 or 9; fix the vote"]


def test_import_cmd_missing_path_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = runner.invoke(cli, ["import", "factbook", str(missing), "--db", str(tmp_path / "w")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {missing}: no such file or folder; check the path"
