"""Engines: the workspace, DuckDB over exported Parquet, and the Spark entry's input checks."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from axiswatch.analysis.dyads import dyad
from axiswatch.analysis.engines import event_source, parquet_paths, spark_session
from axiswatch.analysis.triangle import triangle
from axiswatch.cli.app import app
from axiswatch.errors import InputError
from axiswatch.store.export import export_events


@pytest.fixture
def exported(con, add_event, tmp_path: Path) -> Path:
    add_event("e1", "RUS", "PRK", 1.0, "2019-04-25", "CONSULT", 1)
    add_event("e2", "PRK", "RUS", 3.0, "2019-08-01", "AGREE", 1)
    add_event("e3", "CHN", "RUS", -4.0, "2020-01-01", "ACCUSE", 3)
    add_event("e4", "CHN", "PRK", 2.0, "2020-02-01", "AID", 2)
    out = tmp_path / "parquet" / "events.parquet"
    out.parent.mkdir()
    export_events(con, out)
    return out


def test_workspace_is_the_default_source(db_path: Path) -> None:
    with event_source(db_path) as source:
        assert source == db_path


def test_duckdb_over_parquet_equals_the_workspace(con, exported: Path, db_path: Path) -> None:
    expected = dyad(con, "RUS", "PRK")
    for given in (exported, exported.parent, exported.parent / "*.parquet"):
        with event_source(db_path, events=[given]) as source:
            pd.testing.assert_frame_equal(dyad(source, "RUS", "PRK"), expected)
    with event_source(db_path, events=[exported]) as source:
        assert triangle(source, "CHN", "RUS", "PRK") == triangle(con, "CHN", "RUS", "PRK")


def test_missing_parquet_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nothing\.parquet: no such Parquet file"):
        parquet_paths([tmp_path / "nothing.parquet"])


def test_spark_needs_parquet_events(db_path: Path) -> None:
    with (
        pytest.raises(InputError, match="--engine spark reads events from Parquet"),
        event_source(db_path, engine="spark"),
    ):
        pass


def test_unknown_engine_lists_the_choices(db_path: Path) -> None:
    with (
        pytest.raises(InputError, match="choose from duckdb, spark"),
        event_source(db_path, engine="flink"),
    ):
        pass


def test_spark_without_pyspark_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    with pytest.raises(InputError, match=r"pip install 'axiswatch\[spark\]'"), spark_session():
        pass


def test_cli_dyad_reads_parquet_events(con, exported: Path, db_path: Path) -> None:
    con.close()
    runner = CliRunner()
    args = ["dyad", "RUS", "PRK", "--format", "csv"]
    from_db = runner.invoke(app, [*args, "--db", str(db_path)])
    from_parquet = runner.invoke(app, [*args, "--events", str(exported)])
    assert from_db.exit_code == 0, from_db.output
    assert from_parquet.exit_code == 0, from_parquet.output
    assert from_parquet.stdout == from_db.stdout
    assert "RUS->PRK" in from_db.stdout


def test_cli_missing_parquet_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["triangle", "CHN", "RUS", "PRK", "--events", "none.parquet"])
    assert result.exit_code != 0
    assert "none.parquet: no such Parquet file" in result.output
    assert "Traceback" not in result.output


def test_vote_alignment_from_exported_tables_equals_the_workspace(
    con, add_votes, tmp_path: Path, db_path: Path
) -> None:
    from axiswatch.analysis.alignment import votes_align
    from axiswatch.analysis.engines import vote_source
    from axiswatch.store.export import export_votes

    add_votes("r1", 74, "2019-10-01", {"RUS": "yes", "CHN": "yes", "PRK": "no"})
    add_votes("r2", 74, "2019-11-01", {"RUS": "no", "CHN": "abstain", "PRK": "no"})
    folder = tmp_path / "tables"
    folder.mkdir()
    export_votes(con, folder)
    expected = votes_align(con, ["RUS", "CHN", "PRK"], start=2019, end=2019)
    with vote_source(db_path, tables=folder) as source:
        got = votes_align(source, ["RUS", "CHN", "PRK"], start=2019, end=2019)
    pd.testing.assert_frame_equal(got, expected)
    con.close()
    result = CliRunner().invoke(
        app,
        ["votes", "align", "RUS", "PRK", "--from", "2019", "--tables", str(folder), "-f", "csv"],
    )
    assert result.exit_code == 0, result.output
    assert "RUS" in result.stdout and "PRK" in result.stdout


def test_vote_tables_folder_must_hold_the_votes(tmp_path: Path, db_path: Path) -> None:
    from axiswatch.analysis.engines import vote_source

    with (
        pytest.raises(InputError, match=r"no un_rollcalls\.parquet, un_votes\.parquet there"),
        vote_source(db_path, tables=tmp_path),
    ):
        pass
    with (
        pytest.raises(InputError, match="--engine spark reads the vote tables"),
        vote_source(db_path, engine="spark"),
    ):
        pass


def test_parquet_without_the_event_columns_is_refused(tmp_path: Path, db_path: Path) -> None:
    import duckdb

    other = tmp_path / "other.parquet"
    duckdb.sql(f"COPY (SELECT 1 AS a) TO '{other}' (FORMAT parquet)")
    with (
        pytest.raises(InputError, match="no column event_id, origin, day_start"),
        event_source(db_path, events=[other]),
    ):
        pass
