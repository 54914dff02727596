"""Misuse is caught before a command runs: unknown codes with suggestions, a missing --db.

Each exits 2 (misuse), prints one line and nothing on stdout."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from axiswatch.cli.app import app

runner = CliRunner()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = tmp_path_factory.mktemp("checks") / "w.duckdb"
    assert runner.invoke(app, ["demo", "--db", str(db)]).exit_code == 0
    return str(db)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dyad", "RUS", "PKR"], "PKR: no such actor; did you mean PRK"),
        (["triangle", "CHN", "RUS", "PKR"], "PKR: no such actor"),
        (["changes", "RSU", "PRK"], "RSU: no such actor; did you mean RUS"),
        (
            ["events", "--type", "CONSLT"],
            "--type CONSLT: no such PLOVER type; did you mean CONSULT",
        ),
        (["events", "--dyad", "RUS-PKR"], "PKR: no such actor"),
        (["timeline", "--actor", "XQZ"], "XQZ: no such actor"),
        (["votes", "align", "RUS", "XXX"], "XXX: no such actor"),
    ],
)
def test_unknown_codes_are_misuse(demo_db: str, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--db", demo_db])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert result.stdout == ""


def test_known_codes_still_answer(demo_db: str) -> None:
    assert runner.invoke(app, ["dyad", "RUS", "PRK", "--db", demo_db]).exit_code == 0
    assert runner.invoke(app, ["events", "--type", "consult", "--db", demo_db]).exit_code == 0


@pytest.mark.parametrize("args", [["events"], ["timeline"], ["dyad", "RUS", "PRK"]])
def test_a_read_command_does_not_create_a_missing_workspace(tmp_path: Path, args) -> None:
    db = tmp_path / "missing.duckdb"
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2
    assert "no workspace there" in result.stderr
    assert not db.exists()


def test_shell_completion_can_be_shown_and_installed() -> None:
    result = runner.invoke(app, ["--show-completion", "bash"])
    assert result.exit_code == 0
    assert "_axiswatch_completion" in result.stdout
    assert "--install-completion" in runner.invoke(app, ["--help"]).stdout
