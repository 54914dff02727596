"""Export events to Parquet: every column, same values; an import -> export round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from axiswatch.cli import eventdata
from axiswatch.errors import InputError
from axiswatch.importers.gdelt import import_gdelt
from axiswatch.importers.polecat import import_polecat
from axiswatch.store.connect import connect
from axiswatch.store.export import export_events

EVENTDATA = Path(__file__).resolve().parents[1] / "importers" / "fixtures" / "eventdata"


@pytest.fixture
def store(tmp_path: Path):
    con = connect(tmp_path / "w.duckdb")
    import_gdelt(con, [EVENTDATA / "gdelt1_daily.export.CSV"])
    import_polecat(con, [EVENTDATA / "ngecEvents.20230913.txt"])
    yield con
    con.close()


def _rows(table: list[dict]) -> list[dict]:
    return [row | {"why": json.loads(row["why"])} for row in table]


def test_round_trip_keeps_every_column_and_value(store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export_events(store, out) == 17
    exported = pq.read_table(out)
    cur = store.execute(
        "SELECT * REPLACE (why::VARCHAR AS why) FROM events ORDER BY day_start, event_id"
    )
    names = [d[0] for d in cur.description]
    stored = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    assert exported.column_names == names
    assert _rows(exported.to_pylist()) == _rows(stored)
    assert str(exported.schema.field("day_start").type) == "date32[day]"
    assert str(exported.schema.field("why").type) == "string"


def test_export_one_origin(store, tmp_path: Path) -> None:
    out = tmp_path / "polecat.parquet"
    assert export_events(store, out, origins=["polecat"]) == 6
    assert set(pq.read_table(out, columns=["origin"]).column("origin").to_pylist()) == {"polecat"}


def test_bad_format_and_folder(store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="choose from parquet"):
        export_events(store, tmp_path / "x.csv", fmt="csv")
    with pytest.raises(InputError, match="does not exist"):
        export_events(store, tmp_path / "nowhere" / "x.parquet")


def test_export_command(store, tmp_path: Path) -> None:
    store.close()
    cli = typer.Typer()
    cli.add_typer(eventdata.export_app, name="export")

    @cli.callback()
    def _root() -> None:
        """Test root."""

    out = tmp_path / "e.parquet"
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "events",
            "--format",
            "parquet",
            "--out",
            str(out),
            "--db",
            str(tmp_path / "w.duckdb"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "wrote 17 events" in result.stderr
    assert pq.read_metadata(out).num_rows == 17


def test_export_votes_writes_each_vote_table(tmp_path: Path) -> None:
    from axiswatch.importers.unvotes import import_unvotes
    from axiswatch.store.export import export_votes

    con = connect(tmp_path / "v.duckdb")
    import_unvotes(con, Path(__file__).resolve().parents[1] / "importers" / "fixtures" / "dgrtwo")
    written = export_votes(con, tmp_path)
    assert written == {"un_rollcalls": 3, "un_votes": 10}
    votes = pq.read_table(tmp_path / "un_votes.parquet")
    assert votes.num_rows == 10
    assert set(votes.column_names) >= {"rcid", "country", "vote"}
    con.close()


def test_export_votes_without_votes_says_what_to_import(tmp_path: Path) -> None:
    from axiswatch.store.export import export_votes

    con = connect(tmp_path / "v.duckdb")
    with pytest.raises(InputError, match="import them first"):
        export_votes(con, tmp_path)
    con.close()
