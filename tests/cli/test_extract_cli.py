"""`axiswatch extract`, `axiswatch events` and `axiswatch timeline` through the CLI app."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from axiswatch.cli.app import app

runner = CliRunner()
BRIEF = (
    "Release Date : 2024-01-05\n\n"
    "On 3 May 2016, Japanese Prime Minister Shinzo Abe visited Sochi. "
    "In 2016, the United States imposed sanctions on North Korea.\n"
)
GUIDE_KEYS = {
    "id",
    "doc",
    "sentence",
    "trigger",
    "date_start",
    "date_end",
    "source",
    "source_person",
    "target",
    "target_person",
    "event_type",
    "mode",
    "cameo",
    "location",
    "epistemic",
    "start_char",
    "end_char",
    "confidence",
    "rule",
}


def test_extract_cmd_jsonl_has_the_guide_fields(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(BRIEF, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0, result.output
    assert [(r["source"], r["target"], r["event_type"]) for r in rows] == [
        ("JPN", "RUS", "CONSULT"),
        ("USA", "PRK", "SANCTION"),
    ]
    assert set(rows[0]) >= GUIDE_KEYS
    assert rows[0]["doc"] == "brief.txt" and rows[0]["source_person"] == "Shinzo Abe"


def test_extract_cmd_jsonl_in_undated(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "s1", "text": "Iran supplied drones to Russia."})
        + "\n"
        + json.dumps({"id": "s2", "text": "Iran met Iraq.", "published": "2020-01-01"})
        + "\n",
        encoding="utf-8",
    )
    dated = runner.invoke(app, ["extract", "--jsonl-in", str(corpus)])
    undated = runner.invoke(app, ["extract", "--jsonl-in", str(corpus), "--undated"])
    rows = [json.loads(line) for line in undated.stdout.splitlines()]
    assert dated.stdout == ""
    assert [(r["doc"], r["event_type"], r["date_start"]) for r in rows] == [
        ("s1", "COOPERATE", None),
        ("s2", "CONSULT", None),
    ]


def test_extract_cmd_bad_jsonl_names_the_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "s1", "text": "x"}\n{oops\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", "--jsonl-in", str(corpus)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {corpus}:2: not JSON")


def test_ingest_then_events_timeline_and_why(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(BRIEF, encoding="utf-8")
    db = str(tmp_path / "w.duckdb")
    ingest = runner.invoke(app, ["--db", db, "ingest", str(path)])
    listed = json.loads(runner.invoke(app, ["events", "--db", db, "-f", "json"]).stdout)
    dyad = json.loads(
        runner.invoke(app, ["events", "--db", db, "--dyad", "PRK-USA", "-f", "json"]).stdout
    )
    why = runner.invoke(app, ["events", "show", listed[0]["event_id"], "--why", "--db", db])
    timeline = runner.invoke(app, ["timeline", "--db", db])
    assert "2 event mentions extracted; the workspace holds 2 events" in ingest.stderr
    assert [e["event_type"] for e in listed] == ["SANCTION", "CONSULT"]  # 2016 before 2016-05
    assert [e["target"] for e in dyad] == ["PRK"]
    assert re.search(r"rule: (trigger|cameo_dictionary):", why.stdout)
    assert "sentence:" in why.stdout
    assert "Shinzo Abe visited Sochi" in timeline.stdout


def test_events_cmd_bad_epistemic_lists_choices(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["events", "--epistemic", "maybe", "--db", str(tmp_path / "w.duckdb")]
    )
    assert result.exit_code == 1
    assert "asserted, reported, alleged, hypothetical, negated" in result.stderr


def test_reextract_cmd_fills_events_of_stored_documents(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(BRIEF, encoding="utf-8")
    db = str(tmp_path / "w.duckdb")
    runner.invoke(app, ["ingest", "--no-extract", str(path), "--db", db])
    before = json.loads(runner.invoke(app, ["events", "--db", db, "-f", "json"]).stdout)
    result = runner.invoke(app, ["reextract", "--db", db])
    after = json.loads(runner.invoke(app, ["events", "--db", db, "-f", "json"]).stdout)
    assert result.exit_code == 0
    assert "re-extracted 1 documents: 2 events" in result.stderr
    assert (len(before), len(after)) == (0, 2)


def test_a_month_precision_publication_date_is_kept_and_shown_as_a_month(tmp_path: Path) -> None:
    path = tmp_path / "timeline.txt"
    path.write_text(
        '---\ntitle: Key moments\npublished: "2018-03"\n---\n'
        "North Korean leader Kim Jong Un is visiting China.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "w.duckdb")
    ingest = runner.invoke(app, ["--db", db, "ingest", str(path)])
    assert ingest.exit_code == 0, ingest.output
    docs = json.loads(runner.invoke(app, ["documents", "--db", db, "-f", "json"]).stdout)
    events = json.loads(runner.invoke(app, ["events", "--db", db, "-f", "json"]).stdout)
    assert [d["published"] for d in docs] == ["2018-03"]
    assert [(e["source"], e["target"], e["date_start"]) for e in events] == [
        ("PRK", "CHN", "2018-03")
    ]


def test_extract_and_claims_exit_1_when_a_file_cannot_be_read(tmp_path: Path) -> None:
    from axiswatch.cli.claims import claims_cmd

    good = tmp_path / "good.txt"
    good.write_text("Russia condemned Japan on 3 May 2018.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("---\npublished: 2024-13-45\n---\nText.\n", encoding="utf-8")
    extracted = runner.invoke(app, ["extract", str(good), str(bad)])
    assert extracted.exit_code == 1
    assert '"source": "RUS"' in extracted.stdout  # the good file still extracted
    assert extracted.stderr.count("error:") == 1 and "bad.txt" in extracted.stderr
    claims_app = typer.Typer()
    claims_app.command("claims")(claims_cmd)
    claimed = runner.invoke(claims_app, ["claims", str(good), str(bad)])
    assert claimed.exit_code == 1 and "bad.txt" in claimed.stderr


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a", "text": "Kim met Xi. \\ud800"}', "lone surrogate"),
        ('{"id": "b", "text": ' + "[" * 50_000 + "]" * 50_000 + "}", "nested too deeply"),
        ('{"id": "c", "text": 5}', "field 'text' must be a string"),
    ],
)
def test_extract_jsonl_in_refuses_bad_lines_in_one_line(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--jsonl-in", str(path)])
    assert result.exit_code == 1
    assert f"{path}:1: " in result.stderr and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
