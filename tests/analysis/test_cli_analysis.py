"""The analysis commands, mounted on a local Typer app and run with CliRunner."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from axiswatch.cli.analysis import changes_cmd, dyad_cmd, triangle_cmd, votes_app

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def app() -> typer.Typer:
    local = typer.Typer()
    local.command("dyad")(dyad_cmd)
    local.command("triangle")(triangle_cmd)
    local.command("changes")(changes_cmd)
    local.add_typer(votes_app, name="votes")
    return local


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"COLUMNS": "250"})


@pytest.fixture
def db(con, db_path, add_event, add_votes):
    """A closed workspace file with a few events and roll calls."""
    add_event("e1", "RUS", "CHN", 5.0, "2019-01-10")
    add_event("e2", "CHN", "PRK", 4.0, "2019-02-10")
    add_event("e3", "PRK", "RUS", -6.0, "2019-03-10", "THREATEN", 3)
    add_event("e4", "RUS", "PRK", 6.0, "2020-03-10", "AGREE", 1)
    add_event("e5", "RUS", "CHN", 4.0, "2020-01-10")
    add_event("e6", "CHN", "PRK", 3.0, "2020-02-10")
    add_votes("r1", 74, "2019-10-01", {"RUS": "yes", "CHN": "yes", "PRK": "yes", "USA": "no"})
    add_votes("r2", 74, "2019-11-01", {"RUS": "no", "CHN": "abstain", "PRK": "absent", "USA": "no"})
    con.close()
    return db_path


def _run(runner, app, *args):
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def test_cli_dyad_json(runner, app, db):
    rows = json.loads(
        _run(runner, app, "dyad", "RUS", "PRK", "--db", db, "--format", "json").stdout
    )
    assert [(r["period"], r["direction"], r["n_events"]) for r in rows] == [
        ("2019", "RUS->PRK", 0),
        ("2019", "PRK->RUS", 1),
        ("2019", "both", 1),
        ("2020", "RUS->PRK", 1),
        ("2020", "PRK->RUS", 0),
        ("2020", "both", 1),
    ]
    assert rows[1]["goldstein_mean"] == -6.0
    assert rows[0]["goldstein_mean"] is None


def test_cli_dyad_table_and_chart(runner, app, db, tmp_path):
    chart = tmp_path / "dyad.png"
    result = _run(runner, app, "dyad", "RUS", "PRK", "--db", db, "--chart", chart)
    assert "PRK->RUS" in result.stdout
    assert chart.read_bytes()[:8] == PNG_SIGNATURE


def test_cli_dyad_csv_by_month(runner, app, db):
    lines = _run(
        runner, app, "dyad", "RUS", "PRK", "--db", db, "--by", "month", "-f", "csv"
    ).stdout.splitlines()
    assert lines[0].startswith("period,period_start,direction")
    assert lines[1].startswith("2019-03,")


def test_cli_triangle_json_and_table(runner, app, db, tmp_path):
    periods = json.loads(
        _run(runner, app, "triangle", "RUS", "CHN", "PRK", "--db", db, "--format", "json").stdout
    )
    assert [p["configuration"] for p in periods] == ["romantic_triangle", "menage_a_trois"]
    assert periods[1]["flipped"][0]["dyad"] == "PRK-RUS"
    html = tmp_path / "t.html"
    table = _run(runner, app, "triangle", "RUS", "CHN", "PRK", "--db", db, "--chart", html)
    assert "romantic_triangle" in table.stdout
    assert html.read_text().lower().startswith("<!doctype html")


def test_cli_triangle_symmetric_is_indeterminate(runner, app, db):
    periods = json.loads(
        _run(
            runner, app, "triangle", "RUS", "CHN", "PRK", "--db", db, "--symmetric", "-f", "json"
        ).stdout
    )
    assert {p["configuration"] for p in periods} == {"indeterminate"}


def test_cli_votes_align(runner, app, db, tmp_path):
    chart = tmp_path / "align.svg"
    rows = json.loads(
        _run(
            runner,
            app,
            "votes",
            "align",
            "RUS",
            "CHN",
            "PRK",
            "USA",
            "--db",
            db,
            "--from",
            "2019",
            "--to",
            "2019",
            "-f",
            "json",
            "--chart",
            chart,
        ).stdout
    )
    assert len(rows) == 6
    rus_chn = rows[0]
    assert (rus_chn["session"], rus_chn["a"], rus_chn["b"], rus_chn["n"]) == (74, "RUS", "CHN", 2)
    assert rus_chn["agree"] == 0.5
    rus_prk = rows[1]
    assert (rus_prk["n"], rus_prk["agree"]) == (1, 1.0)
    assert chart.read_text().lstrip().startswith("<svg")


def test_cli_votes_align_by_year_table(runner, app, db):
    result = _run(
        runner,
        app,
        "votes",
        "align",
        "RUS",
        "USA",
        "--db",
        db,
        "--from",
        "2019",
        "--to",
        "2019",
        "--by",
        "year",
    )
    assert "2019" in result.stdout


def test_cli_changes_json(runner, app, db):
    out = json.loads(
        _run(runner, app, "changes", "RUS", "CHN", "--db", db, "--by", "year", "-f", "json").stdout
    )
    assert out["by"] == "year"
    assert [r["period"] for r in out["series"]] == ["2019", "2020"]
    assert out["breaks"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dyad", "RUS", "RUS"], "distinct"),
        (["votes", "align", "RUS", "XX1"], "alpha-3"),
        (["dyad", "RUS", "PRK", "--epistemic", "rumour"], "asserted"),
        (["dyad", "RUS", "PRK", "--chart", "x.gif"], ".png"),
    ],
    ids=["same-actor", "bad-country", "bad-epistemic", "bad-chart-extension"],
)
def test_cli_errors_are_one_line_and_exit_1(runner, app, db, args, message):
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    assert message in result.stderr


def test_cli_missing_database_is_misuse(runner, app, tmp_path):
    result = runner.invoke(app, ["dyad", "RUS", "PRK", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no workspace there" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_cli_load_idealpoints_then_align(runner, app, db, tmp_path):
    csv = tmp_path / "ip.csv"
    csv.write_text(
        "ccode,iso3c,countryname,year,idealpointfp,idealpointall,idealpointlegacy\n"
        "365,RUS,Russia,2019,-0.5,-0.4,-0.3\n710,CHN,China,2019,-1.0,-0.9,-0.8\n"
    )
    result = _run(runner, app, "votes", "load-idealpoints", csv, "--db", db)
    assert "loaded 6" in result.stderr
    rows = json.loads(
        _run(
            runner,
            app,
            "votes",
            "align",
            "RUS",
            "CHN",
            "--db",
            db,
            "--from",
            "2019",
            "--to",
            "2019",
            "--by",
            "year",
            "-f",
            "json",
        ).stdout
    )
    assert rows[0]["idealpoint_distance"] == 0.5


def test_cli_triangle_without_events_prints_empty_table(runner, app, db):
    result = _run(runner, app, "triangle", "USA", "KOR", "JPN", "--db", db)
    assert "configuration" in result.stdout


def test_cli_triangle_window_reports_where_it_starts(runner, app, db):
    periods = json.loads(
        _run(
            runner, app, "triangle", "RUS", "CHN", "PRK", "--db", db, "--window", "3", "-f", "json"
        ).stdout
    )
    assert periods
    assert all(int(p["window_start"]) == int(p["period"]) - 2 for p in periods)
