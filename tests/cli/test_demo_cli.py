"""`axiswatch demo` builds a workspace from the bundled corpus, idempotently."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

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
