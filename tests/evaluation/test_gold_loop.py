"""A team's own measure: review events, export them as gold, score the extractor on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import axiswatch
from axiswatch.cli.app import app

runner = CliRunner()
DOC = """---
title: Visits
published: 2018-06-25
---
North Korean leader Kim Jong Un visited Beijing on 19 June 2018.

Russia condemned Japan on 3 May 2018.
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    (tmp_path / "visits.txt").write_text(DOC, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    with axiswatch.open(db) as ws:
        ws.ingest([tmp_path / "visits.txt"])
        visit, accuse = sorted(ws.event_list(), key=lambda e: e.event_type)[::-1][:2]
        ws.review(visit.event_id, "accept")
        ws.review(accuse.event_id, "edit", changes={"event_type": "THREATEN"})
    return db


def test_export_gold_writes_reviewed_events_in_the_guide_format(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    result = runner.invoke(app, ["export", "gold", "--reviewed", "-o", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert {(r["doc"], r["source"], r["target"], r["event_type"]) for r in rows} == {
        ("visits.txt", "PRK", "CHN", "CONSULT"),
        ("visits.txt", "RUS", "JPN", "THREATEN"),
    }
    assert all(r["sentence"] and r["date_start"] for r in rows)


def test_eval_scores_the_workspace_and_files_against_that_gold(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    runner.invoke(app, ["export", "gold", "-o", str(out), "--db", str(db)])
    stored = runner.invoke(app, ["eval", str(out), "--db", str(db), "--format", "json"])
    assert stored.exit_code == 0, stored.output
    total = json.loads(stored.stdout)["total"]
    assert (total["matched"], total["f1"], total["type_acc"], total["strict_f1"]) == (
        2, 1.0, 0.5, 0.5,
    )  # fmt: skip
    fresh = runner.invoke(app, ["eval", str(out), str(tmp_path / "visits.txt")])
    assert fresh.exit_code == 0, fresh.output
    assert "gold=2 pred=2 matched=2 precision=1.0 recall=1.0 f1=1.0" in fresh.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json\n", "gold.jsonl:1: not JSON"),
        ('{"doc": "a"}\n', "gold.jsonl:1: no field 'sentence'"),
        ("[1]\n", "gold.jsonl:1: not a JSON object"),
    ],
)
def test_bad_gold_files_name_the_line(tmp_path: Path, db: Path, content: str, message: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--db", str(db)])
    assert result.exit_code == 1 and message in result.stderr


def test_gold_of_a_given_document_without_predictions_still_counts(tmp_path: Path) -> None:
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("Nothing between states happens in this text.\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    row = {"doc": "quiet.txt", "sentence": "x", "date_start": "2020", "source": "RUS",
           "target": "CHN", "event_type": "CONSULT"}  # fmt: skip
    other = {**row, "doc": "not-given.txt"}
    gold.write_text(json.dumps(row) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), str(quiet)])
    assert result.exit_code == 0, result.output
    assert "gold=1 pred=0 matched=0" in result.stdout
