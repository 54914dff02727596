"""`axiswatch actors` commands through the Typer app, with CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from axiswatch.cli.actors import app

runner = CliRunner()


def test_cli_resolve_json_prints_the_decision() -> None:
    result = runner.invoke(app, ["resolve", "Kim Jong", "--date", "2011-08-24", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["actor"] == "PRK" and data["person"] == "Kim Jong Il"
    assert data["rule"] == "partial_name_by_date" and data["candidates"] == []


def test_cli_resolve_json_person_null_and_candidates() -> None:
    result = runner.invoke(app, ["resolve", "Korean", "-f", "json"])
    data = json.loads(result.stdout)
    assert data["person"] is None and data["actor"] is None
    assert data["candidates"] == ["KOR", "PRK"]


def test_cli_resolve_table_shows_fields() -> None:
    result = runner.invoke(app, ["resolve", "Russian President", "--date", "2019-06-01"])
    assert result.exit_code == 0
    assert "Vladimir Putin" in result.stdout and "head_of_state" in result.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_cli_search_formats(fmt: str) -> None:
    result = runner.invoke(app, ["search", "lavrov", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.stdout)[0]["id"] == "Sergei Lavrov"
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert rows[0]["kind"] == "person"
    else:
        assert "Lavrov" in result.stdout


def test_cli_show_state_json_has_aliases_and_offices() -> None:
    result = runner.invoke(app, ["show", "prk", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["id"] == "PRK" and "the DPRK" in data["aliases"]
    leaders = [o["person"] for o in data["offices"] if o["role"] == "supreme_leader"]
    assert leaders == ["Kim Il Sung", "Kim Jong Il", "Kim Jong Un"]


def test_cli_show_person_by_alias_gives_timeline() -> None:
    result = runner.invoke(app, ["show", "Lee Yong Ho", "-f", "json"])
    data = json.loads(result.stdout)
    assert data["name"] == "Ri Yong Ho"
    assert data["affiliations"][0]["role"] == "foreign_minister"
    table = runner.invoke(app, ["show", "Vladimir Putin"])
    assert table.exit_code == 0 and "2012-05-07" in table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "Nobody"], "no actor or person 'Nobody'"),
        (["resolve", "Moscow", "--date", "yesterday"], "--date: 'yesterday' is not a date"),
        (["resolve", "Moscow", "--actors-file", "absent.yaml"], "absent.yaml: no such file"),
    ],
    ids=["unknown-id", "bad-date", "missing-file"],
)
def test_cli_errors_are_one_line_on_stderr_exit_1(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_cli_actors_file_extends_the_built_ins(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors:\n  - {id: PRK, aliases: [the Hermit Kingdom]}\n", encoding="utf-8")
    result = runner.invoke(
        app, ["resolve", "the Hermit Kingdom", "--actors-file", str(extra), "-f", "json"]
    )
    assert json.loads(result.stdout)["actor"] == "PRK"


def test_cli_invalid_actors_file_names_the_problem(tmp_path: Path) -> None:
    extra = tmp_path / "bad.csv"
    extra.write_text("id,kind,name\nabc,igo,A\n", encoding="utf-8")
    result = runner.invoke(app, ["search", "x", "--actors-file", str(extra)])
    assert result.exit_code == 1
    assert "bad.csv:2: column 'id'" in result.stderr
