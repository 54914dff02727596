"""`claims` and `hypotheses`, mounted on a local Typer app as the lead mounts them."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from axiswatch.cli.claims import claims_cmd, hypotheses_cmd
from axiswatch.model import Claim, Event
from axiswatch.store.claims import write_claims
from axiswatch.store.connect import connect
from axiswatch.store.events import write_events

app = typer.Typer()
app.command("claims")(claims_cmd)
app.command("hypotheses")(hypotheses_cmd)
runner = CliRunner()

BRIEF = (
    "Release Date : 2024-01-05\n\n"
    "Japan is South Korea's largest trading partner. Iran may supply drones to Russia.\n"
)
GOLD_KEYS = {
    "id", "doc", "sentence", "subject", "predicate", "object", "value", "unit", "time",
    "epistemic", "checkable_against",
}  # fmt: skip


def test_claims_cmd_jsonl_has_the_gold_fields_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(BRIEF, encoding="utf-8")
    result = runner.invoke(app, ["claims", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["subject"], r["predicate"], r["object"]) for r in rows] == [
        ("JPN", "largest_trade_partner_of", "KOR"),
        ("IRN", "supplies_drones_to", "RUS"),
    ]
    assert set(rows[0]) == GOLD_KEYS | {"rule", "start_char", "end_char"}
    assert rows[0]["id"] == "brief.txt-c1"
    text = path.read_text(encoding="utf-8")
    assert all(text[r["start_char"] : r["end_char"]] == r["sentence"] for r in rows)


def test_claims_cmd_json_is_one_array(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(BRIEF, encoding="utf-8")
    result = runner.invoke(app, ["claims", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 2


def test_claims_cmd_rejects_an_unknown_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["claims", str(tmp_path), "--format", "xml"])
    assert result.exit_code == 1
    assert "error: --format 'xml': choose jsonl or json" in result.stderr


def _store(db: Path) -> None:
    con = connect(db)
    claim = Claim(
        claim_id="x-c1",
        document_id="d" * 64,
        sentence="Iran may supply drones to Russia.",
        subject="IRN",
        predicate="supplies_drones_to",
        object="RUS",
        epistemic="hypothetical",
        checkable_against="arms_transfers",
    )
    write_claims(con, [claim], document_id="d" * 64)
    event = Event(
        event_id="e1",
        origin="manual",
        date_start="2022-09",
        date_end="2022-09",
        source="IRN",
        target="RUS",
        event_type="AID",
        mode="arms_transfer",
    )
    write_events(con, [event])
    con.close()


def test_hypotheses_cmd_json(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _store(db)
    result = runner.invoke(app, ["hypotheses", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    assert (row["hypothesis_id"], row["counts"]) == ("x-c1", {"C": 1, "I": 0, "N": 0})
    assert row["evidence"][0]["item_id"] == "e1"


def test_hypotheses_cmd_table(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _store(db)
    result = runner.invoke(app, ["hypotheses", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "x-c1" in result.stdout and "hypotheses" in result.stdout


def test_hypotheses_cmd_says_when_there_are_none(tmp_path: Path) -> None:
    result = runner.invoke(app, ["hypotheses", "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 0
    assert "no hypotheses" in result.stderr
