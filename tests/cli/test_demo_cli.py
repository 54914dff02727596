"""`axiswatch demo` builds a workspace from the bundled corpus, idempotently."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

import axiswatch
from axiswatch.cli.app import app
from axiswatch.demo.run import corpus_path

runner = CliRunner()


def test_corpus_briefs_have_front_matter_with_sources() -> None:
    with corpus_path() as folder:
        briefs = sorted(folder.glob("*.md"))
        metas = [yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1]) for p in briefs]
    assert 6 <= len(briefs) <= 10
    for meta in metas:
        assert meta["title"] and meta["published"]
        assert meta["sources"] and all(
            s.startswith(("https://", "http://")) for s in meta["sources"]
        )


def test_demo_cmd_builds_workspace_and_reruns(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.duckdb")
    first = runner.invoke(app, ["demo", "--db", db])
    second = runner.invoke(app, ["demo", "--db", db])
    with corpus_path() as folder:
        n = len(list(folder.glob("*.md")))
    assert first.exit_code == 0, first.output
    assert f"{n} added, 0 unchanged, 0 failed" in first.stdout
    assert f"0 added, {n} unchanged" in second.stdout
    assert f"{n} documents stored." in second.stdout


def test_demo_counts_an_act_reported_twice_once(tmp_path: Path) -> None:
    import axiswatch
    from axiswatch.store.events import EventFilter

    db = tmp_path / "demo.duckdb"
    assert runner.invoke(app, ["demo", "--db", str(db)]).exit_code == 0
    with axiswatch.open(db) as ws:
        events = ws.event_list(EventFilter(dyad=("PRK", "CHN")))
        mentions = ws.event_list(EventFilter(dyad=("PRK", "CHN"), count="mentions"))
        june = [e for e in events if e.date_start == "2018-06-19"]
        periods = ws.triangle_periods("CHN", "RUS", "PRK", by="year")
    assert [(e.event_type, e.mentions) for e in june] == [("CONSULT", 2)]
    assert len(mentions) == sum(e.mentions for e in events) > len(events)
    [y2018] = [p for p in periods if p["period"] == "2018"]
    [prk_chn] = [d for d in y2018["dyads"] if d["dyad"] == "PRK-CHN"]
    in_2018 = [e for e in events if (e.date_start or "").startswith("2018")]
    assert prk_chn["n_ab"] + prk_chn["n_ba"] == len(in_2018)
    assert prk_chn["mentions"] == sum(e.mentions for e in in_2018) > len(in_2018)


def test_demo_verifies_and_aligns_out_of_the_box(tmp_path: Path) -> None:
    """Nothing imported: the bundled reference pack checks claims and gives UN alignment."""
    db = tmp_path / "pack.duckdb"
    done = runner.invoke(app, ["demo", "--db", str(db)])
    assert done.exit_code == 0, done.output
    assert "reference data from the bundled pack" in done.stdout
    assert "UN General Assembly agreement, session 46 (1991): RUS-CHN" in done.stdout
    assert "Soviet Union's (SUN) votes" in done.stdout
    verdicts = next(line for line in done.stdout.splitlines() if line.startswith("6. "))
    assert "supported" in verdicts
    assert "contradicted" not in verdicts  # the sample briefs state the reference facts
    with axiswatch.open(db) as ws:
        found = {v.verdict for v in ws.verify() if v.dataset == "unsc-vetoes"}
    assert "supported" in found and "contradicted" not in found
