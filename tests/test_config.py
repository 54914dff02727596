"""The config file: axiswatch.toml or [tool.axiswatch], found from the current folder upward."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from axiswatch.cli.app import app
from axiswatch.config import load_config

runner = CliRunner()
BRIEF = (
    "---\ntitle: t\npublished: 2024-05-16\n---\nRussia and China met in Beijing on 16 May 2024.\n"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder to work in, with no config variables from outside."""
    for name in ("AXISWATCH_DB", "AXISWATCH_CONFIG", "AXISWATCH_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_config_file_names_the_workspace_for_every_command(project: Path) -> None:
    (project / "axiswatch.toml").write_text('db = "data/work.duckdb"\ntoken = "t0k"\n', "utf-8")
    (project / "data").mkdir()
    (project / "brief.md").write_text(BRIEF, "utf-8")
    sub = project / "notes"
    sub.mkdir()
    assert runner.invoke(app, ["ingest", str(project / "brief.md")]).exit_code == 0
    assert (project / "data" / "work.duckdb").exists()
    assert not (project / "axiswatch.duckdb").exists()
    config = load_config(sub)  # found from a folder below too
    assert (config.db, config.token) == (project / "data" / "work.duckdb", "t0k")


def test_option_and_environment_beat_the_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "axiswatch.toml").write_text('db = "from-file.duckdb"\n', "utf-8")
    result = runner.invoke(app, ["events", "--db", str(project / "given.duckdb")])
    assert "given.duckdb" in result.stderr
    monkeypatch.setenv("AXISWATCH_DB", str(project / "from-env.duckdb"))
    assert "from-env.duckdb" in runner.invoke(app, ["events"]).stderr


def test_pyproject_tool_table(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.axiswatch]\ndb = "w.duckdb"\n', "utf-8"
    )
    assert load_config().db == project / "w.duckdb"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('db = "unclosed\n', "not a readable TOML file"),
        ('database = "w.duckdb"\n', "unknown key(s) database; use db, token, read_token"),
        ("db = 3\n", "db must be a string"),
    ],
)
def test_a_bad_config_is_one_line_naming_the_file(project: Path, text: str, message: str) -> None:
    (project / "axiswatch.toml").write_text(text, "utf-8")
    result = runner.invoke(app, ["events"])
    assert result.exit_code == 1
    assert message in result.stderr and "axiswatch.toml" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
