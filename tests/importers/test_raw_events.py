"""Publisher files as an events table without a workspace: the importer's mapping, counted."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from tests.importers.conftest import FIXTURES
from typer.testing import CliRunner

from axiswatch.analysis.dyads import dyad
from axiswatch.analysis.engines import event_source
from axiswatch.cli.app import app
from axiswatch.errors import InputError
from axiswatch.importers.event_formats import event_format
from axiswatch.importers.gdelt import import_gdelt
from axiswatch.importers.raw_events import duckdb_raw_events
from axiswatch.store.connect import connect

DAILY = FIXTURES / "eventdata" / "gdelt1_daily.export.CSV"


def test_raw_files_give_the_events_an_import_stores(tmp_path: Path) -> None:
    store = connect(tmp_path / "w.duckdb")
    import_gdelt(store, [DAILY], reject_dir=tmp_path / "a")
    con, report = duckdb_raw_events([DAILY], "gdelt", reject_dir=tmp_path / "b")
    columns = "event_id, dataset_row, day_start, source, target, event_type, cameo, goldstein"
    query = f"SELECT {columns} FROM events ORDER BY event_id"
    assert con.execute(query).fetchall() == store.execute(query).fetchall()
    assert (report.read, report.added, report.rejected) == (17, 11, 5)
    assert (tmp_path / "b" / f"{DAILY.name}.tsv").is_file()
    assert "17 rows read, 11 events, 5 rejected" in report.note()


def test_engine_raw_source_runs_the_analyses(tmp_path: Path) -> None:
    store = connect(tmp_path / "w.duckdb")
    import_gdelt(store, [DAILY], reject_dir=tmp_path)
    notes: list[str] = []
    with event_source(
        tmp_path / "unused.duckdb",
        events=[DAILY],
        raw="gdelt",
        reject_dir=tmp_path / "rejects",
        on_report=notes.append,
    ) as source:
        got = dyad(source, "CHN", "RUS")
    pd.testing.assert_frame_equal(got, dyad(store, "CHN", "RUS"))
    assert len(notes) == 1 and "11 events" in notes[0]


def test_unknown_raw_kind_lists_the_kinds() -> None:
    with pytest.raises(InputError, match="choose from gdelt, icews, polecat"):
        event_format("acled")


def test_raw_needs_files(tmp_path: Path) -> None:
    with (
        pytest.raises(InputError, match="give the publisher files with --events"),
        event_source(tmp_path / "w.duckdb", raw="gdelt"),
    ):
        pass


def test_cli_dyad_on_raw_gdelt_reports_what_the_files_gave(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "dyad", "CHN", "RUS", "--events", str(DAILY), "--raw", "gdelt",
            "--rejects", str(tmp_path), "--format", "csv",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "CHN->RUS" in result.stdout
    assert "1 raw file(s), 17 rows read, 11 events, 5 rejected" in result.stderr


def test_raw_files_of_the_wrong_kind_are_named(tmp_path: Path) -> None:
    notes = tmp_path / "SOURCE.md"
    notes.write_text("# not an event file\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["dyad", "CHN", "RUS", "--events", str(notes), "--raw", "gdelt"]
    )
    assert result.exit_code != 0
    assert "SOURCE.md: lines have 1 tab-separated fields" in result.output
    assert "Traceback" not in result.output
