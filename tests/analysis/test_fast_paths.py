"""The analyses' cached-SQL paths give the rows of their Ibis expressions, for every shape."""

from __future__ import annotations

from typing import Any

import duckdb
import ibis
import pandas as pd
import pytest

from axiswatch.analysis import compiled
from axiswatch.analysis._backend import events_table, fetch
from axiswatch.analysis.dyads import complete_directions, dyad, dyad_series
from axiswatch.analysis.triangle import directed_scores, triangle, triangle_periods
from axiswatch.store.groups import regroup

DYAD_SHAPES = [
    {},
    {"by": "quarter"},
    {"by": "month", "epistemic": None},
    {"epistemic": ["alleged"]},
    {"origins": ["gdelt"]},
    {"origins": ["o'brien", "manual"], "epistemic": ["asserted", "reported", "alleged"]},
    {"count": "mentions"},
    {"reviewed": True},
    {"count": "mentions", "reviewed": True, "by": "quarter"},
]


@pytest.fixture
def events(con, add_event):
    """Events of RUS, PRK and CHN: several origins (one with a quote), types, quads, gaps."""
    rows = [
        ("RUS", "PRK", 1.0, "2019-04-25", "CONSULT", 1, "asserted", "manual"),
        ("RUS", "PRK", 3.5, "2019-04-26", "AGREE", 1, "reported", "gdelt"),
        ("PRK", "RUS", 7.4, "2019-08-01", "AID", 2, "asserted", "o'brien"),
        ("RUS", "PRK", -5.0, "2017-09-11", "SANCTION", 4, "asserted", "gdelt"),
        ("RUS", "PRK", -2.0, "2019-05-01", "ACCUSE", 3, "alleged", "manual"),
        ("RUS", "PRK", None, "2019-06-01", "OTHER", None, "asserted", "gdelt"),
        ("PRK", "RUS", None, "2018-02-03", "FIGHT", 4, "asserted", "manual"),
        ("CHN", "RUS", 7.0, "2019-01-01", "AID", 2, "asserted", "gdelt"),
        ("CHN", "PRK", -4.0, "2019-03-01", "THREATEN", 3, "asserted", "manual"),
        ("PRK", "CHN", 2.0, "2018-07-01", "CONSULT", 1, "asserted", "manual"),
        ("RUS", "PRK", 2.0, "2018-03-01", "CONSULT", 1, "asserted", "extracted"),
        ("RUS", "PRK", 2.0, "2018-03-01", "CONSULT", 1, "asserted", "extracted"),
        ("PRK", "RUS", -6.0, "2019-10-01", "PROTEST", 3, "asserted", "extracted"),
    ]
    for k, (s, t, g, day, kind, quad, epistemic, origin) in enumerate(rows):
        add_event(f"e{k}", s, t, g, day, kind, quad, epistemic=epistemic, origin=origin)
    regroup(con)
    con.execute("UPDATE event_groups SET review = 'accepted' WHERE event_type = 'CONSULT'")
    return con


def _ibis_dyad(con, a: str, b: str, **kw) -> pd.DataFrame:
    backend = ibis.duckdb.from_connection(con)
    count, reviewed = kw.pop("count", "events"), kw.pop("reviewed", False)
    table = events_table(backend, count=count, reviewed=reviewed)
    frame = fetch(dyad_series(table, a, b, **kw))
    return complete_directions(frame, a, b, kw.get("by", "year"))


@pytest.mark.parametrize("kw", DYAD_SHAPES)
@pytest.mark.parametrize("pair", [("RUS", "PRK"), ("PRK", "CHN"), ("RUS", "USA")])
def test_dyad_matches_the_ibis_expression(events, pair, kw) -> None:
    got = dyad(events, *pair, **kw)
    want = _ibis_dyad(events, *pair, **kw)
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-12)


def test_dyad_runs_cached_sql_without_building_ibis(events, monkeypatch) -> None:
    first = dyad(events, "RUS", "PRK", by="quarter")
    keys = [k for k in compiled._templates if k[0] == "dyad_cells"]
    assert keys and all(compiled._templates[k] for k in keys)

    def refuse(*args, **kwargs):
        raise AssertionError("the Ibis expression was built again")

    monkeypatch.setattr("axiswatch.analysis.dyads.events_table", refuse)
    again = dyad(events, "PRK", "RUS", by="quarter")
    assert again["n_events"].sum() == first["n_events"].sum()


def test_dyad_on_other_backends_matches(events, tmp_path) -> None:
    """An Ibis backend, and a DuckDB connection with only an events table, go through Ibis."""
    parquet = tmp_path / "events.parquet"
    events.execute(f"COPY (SELECT * FROM grouped_events) TO '{parquet}' (FORMAT parquet)")
    bare = duckdb.connect()
    bare.execute(f"CREATE TABLE events AS SELECT * FROM '{parquet}'")
    want = dyad(events, "RUS", "PRK", by="quarter", epistemic=None)
    for other in (bare, ibis.duckdb.from_connection(bare)):
        got = dyad(other, "RUS", "PRK", by="quarter", epistemic=None)
        pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-12)


def _close(got: Any, want: Any) -> bool:
    """Equal, floats to 1e-12 (DuckDB's parallel sums may differ in the last bits)."""
    if isinstance(got, float) and isinstance(want, float):
        return got == pytest.approx(want, rel=1e-12, nan_ok=True)
    if isinstance(got, dict) and isinstance(want, dict):
        return got.keys() == want.keys() and all(_close(got[k], want[k]) for k in got)
    if isinstance(got, list | tuple) and isinstance(want, list | tuple):
        return len(got) == len(want) and all(_close(x, y) for x, y in zip(got, want, strict=True))
    return got == want


TRIANGLE_SHAPES = [
    {},
    {"by": "quarter", "n_min": 2},
    {"epistemic": None, "symmetric": True, "tau": 0.5},
    {"origins": ["o'brien", "manual", "gdelt"], "window": 2},
    {"count": "mentions", "window": 3, "by": "month"},
    {"reviewed": True},
]


def _ibis_triangle(con, actors: list[str], **kw) -> list[dict[str, Any]]:
    backend = ibis.duckdb.from_connection(con)
    count, reviewed = kw.pop("count", "events"), kw.pop("reviewed", False)
    select = {k: kw.pop(k) for k in ("origins", "epistemic") if k in kw}
    table = events_table(backend, count=count, reviewed=reviewed)
    scores = fetch(directed_scores(table, actors, by=kw.get("by", "year"), **select))
    return triangle_periods(scores, actors, **kw)


@pytest.mark.parametrize("kw", TRIANGLE_SHAPES)
@pytest.mark.parametrize("actors", [["RUS", "PRK", "CHN"], ["CHN", "RUS", "USA"]])
def test_triangle_matches_the_ibis_expression(events, actors, kw) -> None:
    got = triangle(events, *actors, **kw)
    assert _close(got, _ibis_triangle(events, actors, **kw))


def test_triangle_on_other_backends_matches(events, tmp_path) -> None:
    parquet = tmp_path / "events.parquet"
    events.execute(f"COPY (SELECT * FROM grouped_events) TO '{parquet}' (FORMAT parquet)")
    bare = duckdb.connect()
    bare.execute(f"CREATE TABLE events AS SELECT * FROM '{parquet}'")
    want = triangle(events, "RUS", "PRK", "CHN", epistemic=None)
    assert want
    for other in (bare, ibis.duckdb.from_connection(bare)):
        assert _close(triangle(other, "RUS", "PRK", "CHN", epistemic=None), want)


def test_triangle_runs_cached_sql_without_building_ibis(events, monkeypatch) -> None:
    first = triangle(events, "RUS", "PRK", "CHN", by="quarter")

    def refuse(*args, **kwargs):
        raise AssertionError("the Ibis expression was built again")

    monkeypatch.setattr("axiswatch.analysis.triangle.events_table", refuse)
    assert _close(triangle(events, "RUS", "PRK", "CHN", by="quarter"), first)
