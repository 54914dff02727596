"""`axiswatch review` and `events show --why` through the real command line app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from axiswatch.cli.app import app

runner = CliRunner()
DOC = """---
title: Visits
published: 2018-06-25
---
North Korean leader Kim Jong Un visited Beijing on 19 June 2018. Kim visited China in June 2018.

Russia condemned Japan on 3 May 2018.
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    result = runner.invoke(app, ["--db", str(db), "ingest", str(tmp_path / "doc.txt")])
    assert result.exit_code == 0, result.output
    return db


def _events(db: Path, *args: str) -> list[dict]:
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_review_list_reject_and_history(db: Path) -> None:
    listed = runner.invoke(app, ["review", "list", "--db", str(db), "--format", "json"])
    todo = json.loads(listed.stdout)
    assert {e["event_type"] for e in todo} == {"CONSULT", "ACCUSE"}
    visit = next(e for e in todo if e["event_type"] == "CONSULT")
    assert visit["mentions"] == 2
    out = runner.invoke(app, ["review", "reject", visit["event_id"], "--db", str(db),
                              "--reviewer", "kim", "--note", "duplicate"])  # fmt: skip
    assert out.exit_code == 0, out.output
    assert visit["event_id"] not in {e["event_id"] for e in _events(db)}
    assert [e["event_id"] for e in _events(db, "--review", "rejected")] == [visit["event_id"]]
    history = runner.invoke(app, ["review", "history", "--db", str(db), "--format", "json"])
    [row] = json.loads(history.stdout)
    assert (row["reviewer"], row["action"], row["note"]) == ("kim", "reject", "duplicate")


def test_edit_swaps_direction_and_show_why_lists_mentions(db: Path) -> None:
    accuse = next(e for e in _events(db) if e["event_type"] == "ACCUSE")
    out = runner.invoke(app, ["review", "edit", accuse["event_id"], "--swap", "--db", str(db)])
    assert out.exit_code == 0, out.output
    [fixed] = [e for e in _events(db) if e["event_type"] == "ACCUSE"]
    assert (fixed["source"], fixed["target"], fixed["review"]) == ("JPN", "RUS", "corrected")
    visit = next(e for e in _events(db) if e["event_type"] == "CONSULT")
    shown = runner.invoke(app, ["events", "show", visit["event_id"], "--why", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.count("mention ") == 2
    assert "first mention" in shown.stdout and "same act as" in shown.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "accept", "ev-000000000000"], "no event with id 'ev-000000000000'"),
        (["review", "edit", "{visit}", "--type", "CONSLT"], "event_type 'CONSLT'"),
        (["review", "edit", "{visit}", "--date", "2018-13-01"], "date_start '2018-13-01'"),
        (["review", "edit", "{visit}", "--source", "XXX"], "source 'XXX': no such actor"),
        (["events", "--count", "sentences"], "--count 'sentences'"),
    ],
)
def test_bad_reviews_are_one_line_errors_and_store_nothing(
    db: Path, args: list[str], message: str
) -> None:
    visit = next(e for e in _events(db) if e["event_type"] == "CONSULT")["event_id"]
    result = runner.invoke(app, [a.replace("{visit}", visit) for a in args] + ["--db", str(db)])
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    history = runner.invoke(app, ["review", "history", "--db", str(db), "--format", "json"])
    assert json.loads(history.stdout) == []
