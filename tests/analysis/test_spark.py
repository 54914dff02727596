"""The analyses on Spark (ibis's pyspark backend) equal DuckDB's on the same Parquet file.

Needs the optional ``pyspark`` package and Java; skipped with the reason when either is absent.
One local Spark session (``local[2]``, no UI) serves the module.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import ibis
import pandas as pd
import pytest

from axiswatch.analysis.changepoints import changes
from axiswatch.analysis.dyads import dyad_series
from axiswatch.analysis.triangle import triangle
from axiswatch.importers.gdelt import import_gdelt
from axiswatch.importers.icews import import_icews
from axiswatch.model import Event
from axiswatch.ontology import PLOVER_TYPES, plover_type
from axiswatch.store.connect import connect
from axiswatch.store.events import write_events
from axiswatch.store.export import export_events

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (axiswatch[spark])")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::FutureWarning"),
]

EVENTDATA = Path(__file__).resolve().parents[1] / "importers" / "fixtures" / "eventdata"
KEYS = ["period_start", "direction"]


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
        pytest.skip("no Java runtime for Spark (install Java 17 or set JAVA_HOME)")
    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # Python tasks need axiswatch
    session = (
        SparkSession.builder.master("local[2]")
        .appName("axiswatch-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _synthetic_events(n: int) -> list[Event]:
    rng = random.Random(7)
    events = []
    for i in range(n):
        kind = rng.choice(PLOVER_TYPES)
        day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(365 * 20))
        a, b = rng.choice([("CHN", "RUS"), ("RUS", "CHN"), ("CHN", "USA"), ("RUS", "PRK")])
        events.append(
            Event(
                event_id=f"synthetic:{i}",
                origin="manual",
                date_start=day.isoformat(),
                date_end=day.isoformat(),
                source=a,
                target=b,
                event_type=kind,
                quad_class=plover_type(kind).quad_class,
                goldstein=None if i % 9 == 0 else round(rng.uniform(-10, 10), 1),
                epistemic="reported",
            )
        )
    return events


@pytest.fixture(scope="module")
def parquet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("spark")
    con = connect(folder / "w.duckdb")
    import_gdelt(con, [EVENTDATA / "gdelt1_daily.export.CSV"])
    import_icews(con, [EVENTDATA / "events.2019.sample.tab"])
    write_events(con, _synthetic_events(400))
    out = folder / "events.parquet"
    export_events(con, out)
    con.close()
    return out


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["period_start"] = pd.to_datetime(df["period_start"]).dt.date
    return df.sort_values(KEYS).reset_index(drop=True)


@pytest.mark.parametrize("by", ["year", "quarter"])
def test_dyad_series_on_spark_equals_duckdb(spark: object, parquet: Path, by: str) -> None:
    duck = ibis.duckdb.connect()
    expected = _sorted(
        dyad_series(duck.read_parquet(parquet, table_name="events"), "CHN", "RUS", by=by)
        .to_pyarrow()
        .to_pandas()
    )
    backend = ibis.pyspark.connect(spark)
    events = backend.read_parquet(str(parquet), table_name="events")
    got = _sorted(dyad_series(events, "CHN", "RUS", by=by).to_pyarrow().to_pandas())
    assert len(expected) > 20
    assert list(got.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False, check_exact=False, rtol=1e-9)


def _spark_events(spark: object, parquet: Path) -> ibis.Table:
    return ibis.pyspark.connect(spark).read_parquet(str(parquet), table_name="events")


def test_triangle_on_spark_equals_duckdb(spark: object, parquet: Path) -> None:
    from axiswatch.analysis.engines import event_source

    with event_source(Path("unused.duckdb"), events=[parquet]) as duck:
        expected = triangle(duck, "CHN", "RUS", "USA", by="year")
    with event_source(Path("unused.duckdb"), engine="spark", events=[parquet]) as backend:
        got = triangle(backend, "CHN", "RUS", "USA", by="year")
    assert len(expected) > 10
    assert json.dumps(got, default=str, sort_keys=True) == json.dumps(
        expected, default=str, sort_keys=True
    )


def test_changes_on_spark_equals_duckdb(spark: object, parquet: Path) -> None:
    from axiswatch.analysis.engines import event_source

    with event_source(Path("unused.duckdb"), events=[parquet]) as duck:
        expected = changes(duck, "RUS", "PRK", by="quarter", penalty=0.5).to_dict()
    with event_source(Path("unused.duckdb"), engine="spark", events=[parquet]) as backend:
        got = changes(backend, "RUS", "PRK", by="quarter", penalty=0.5).to_dict()
    assert expected["series"]
    assert json.dumps(got, default=str, sort_keys=True) == json.dumps(
        expected, default=str, sort_keys=True
    )


def test_cli_dyad_on_spark_equals_the_workspace(spark: object, parquet: Path) -> None:
    from typer.testing import CliRunner

    from axiswatch.cli.app import app

    runner = CliRunner()
    args = ["dyad", "CHN", "RUS", "--by", "quarter", "--format", "json"]
    workspace = runner.invoke(app, [*args, "--db", str(parquet.with_name("w.duckdb"))])
    on_spark = runner.invoke(app, [*args, "--engine", "spark", "--events", str(parquet)])
    assert workspace.exit_code == 0, workspace.output
    assert on_spark.exit_code == 0, on_spark.output
    expected = pd.DataFrame(json.loads(workspace.stdout))
    assert len(expected) > 20
    pd.testing.assert_frame_equal(pd.DataFrame(json.loads(on_spark.stdout)), expected, rtol=1e-9)


def test_raw_gdelt_files_on_spark_equal_the_imported_workspace(
    spark: object, parquet: Path, tmp_path: Path
) -> None:
    from axiswatch.analysis.dyads import dyad
    from axiswatch.analysis.engines import event_source

    daily = EVENTDATA / "gdelt1_daily.export.CSV"
    copy = tmp_path / "copy.export.CSV"  # the same ids again: kept once
    copy.write_bytes(daily.read_bytes())
    store = connect(tmp_path / "w.duckdb")
    import_gdelt(store, [daily], reject_dir=tmp_path)
    expected = dyad(store, "CHN", "RUS", by="quarter")
    notes: list[str] = []
    with event_source(
        tmp_path / "unused.duckdb",
        engine="spark",
        events=[daily, copy],
        raw="gdelt",
        reject_dir=tmp_path / "rejects",
        on_report=notes.append,
    ) as backend:
        got = dyad(backend, "CHN", "RUS", by="quarter")
        ids = backend.table("events").event_id.nunique().to_pyarrow().as_py()
    assert ids == 11
    assert notes == [
        "gdelt: 2 raw file(s), 34 rows read, 22 events, 10 rejected "
        f"(reject files in {tmp_path / 'rejects'})"
    ]
    assert expected["n_events"].sum() > 0
    pd.testing.assert_frame_equal(got, expected, check_dtype=False, rtol=1e-9)


@pytest.fixture(scope="module")
def vote_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Random roll calls of four countries over ten sessions, exported to Parquet."""
    from axiswatch.store.export import export_votes

    folder = tmp_path_factory.mktemp("votes")
    con = connect(folder / "w.duckdb")
    rng = random.Random(11)
    choices = ["yes", "yes", "no", "abstain", "absent"]
    for n in range(300):
        session = 60 + n % 10
        day = dt.date(1945 + session, 10, 1) + dt.timedelta(days=n % 60)
        rcid = f"r{n}"
        con.execute(
            "INSERT INTO un_rollcalls (rcid, session, date, dataset, dataset_version) "
            "VALUES (?, ?, ?, 'test', '1')",
            [rcid, session, day],
        )
        con.executemany(
            "INSERT INTO un_votes (rcid, country, vote, dataset, dataset_version) "
            "VALUES (?, ?, ?, 'test', '1')",
            [[rcid, c, rng.choice(choices)] for c in ("RUS", "CHN", "PRK", "USA")],
        )
    out = folder / "tables"
    out.mkdir()
    export_votes(con, out)
    con.close()
    return out


def test_vote_alignment_on_spark_equals_duckdb(spark: object, vote_tables: Path) -> None:
    from axiswatch.analysis.alignment import votes_align
    from axiswatch.analysis.engines import vote_source

    countries = ["RUS", "CHN", "PRK", "USA"]
    with vote_source(vote_tables.parent / "w.duckdb") as duck:
        expected = votes_align(duck, countries, start=2005, end=2015)
    with vote_source(Path("unused"), engine="spark", tables=vote_tables) as backend:
        got = votes_align(backend, countries, start=2005, end=2015)
    assert len(expected) == 10 * 6
    pd.testing.assert_frame_equal(
        got.reset_index(drop=True), expected.reset_index(drop=True), check_dtype=False, rtol=1e-9
    )


def test_raw_files_of_the_wrong_kind_fail_in_one_line_before_any_task(
    spark: object, tmp_path: Path
) -> None:
    from axiswatch.errors import InputError
    from axiswatch.importers.raw_events import spark_raw_events

    notes = tmp_path / "SOURCE.md"
    notes.write_text("# not an event file\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"SOURCE\.md: lines have 1 tab-separated fields"):
        spark_raw_events(spark, [notes], "gdelt")
