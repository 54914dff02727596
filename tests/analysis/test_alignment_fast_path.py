"""UN vote alignment: the cached-SQL path gives the frame of the Ibis path, for every shape."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import ibis
import pandas as pd
import pytest

from axiswatch.analysis import compiled
from axiswatch.analysis.alignment import votes_align
from axiswatch.analysis.idealpoints import ensure_table
from axiswatch.errors import InputError, NotFoundError

VOTES = ("yes", "abstain", "no", "absent", "yes", "no", "nonmember", "yes", "abstain")
COUNTRIES = ("RUS", "CHN", "USA", "PRK", "SUN", "GBR")


@pytest.fixture
def voted(con, add_votes) -> duckdb.DuckDBPyConnection:
    """Roll calls 1985-2024 in three datasets (two imports of one), sessions missing now and
    then, a roll call stored twice, SUN votes, absences (a year of them alone), ideal
    points in two versions."""
    k = 0
    for year in range(1985, 2025):
        for month in (3, 10, 12):
            k += 1
            votes = {c: VOTES[(k * (i + 2) + year) % len(VOTES)] for i, c in enumerate(COUNTRIES)}
            if year > 1991:
                votes.pop("SUN")
            session = None if k % 7 == 0 else year - 1945 - (month < 9)
            add_votes(f"r{k}", session, f"{year}-{month:02d}-05", votes)
            if year >= 2000 and k % 2:
                add_votes(f"o{k}", session, f"{year}-{month:02d}-06", votes, dataset="other")
            if year <= 2015 and k % 3 == 0:
                add_votes(f"r{k}", session, f"{year}-{month:02d}-05", votes, version="2")
    con.execute(
        "INSERT INTO un_rollcalls (rcid, session, date, dataset, dataset_version) "
        "VALUES ('r5', 41, '1986-11-02', 'test', '1')"
    )
    add_votes("z1", None, "1984-05-05", dict.fromkeys(COUNTRIES, "absent"))  # a period, N = 0
    con.execute(
        "INSERT INTO datasets (dataset, version, kind, rows, imported_at) VALUES "
        "('test', '1', 'un_votes', 1, ?), ('test', '2', 'un_votes', 1, ?)",
        [dt.datetime(2023, 1, 1), dt.datetime(2024, 1, 1)],
    )
    ensure_table(con)
    con.execute(
        "INSERT INTO un_idealpoints SELECT c, y, NULL, m, (y - 2000) * 0.01 + ascii(c) / 7 "
        "+ length(m) + CAST(v AS INTEGER), 'ip', v FROM unnest(['RUS', 'CHN', 'USA', 'GBR']) "
        "AS a(c), range(1990, 2024) AS b(y), unnest(['idealpointfp', 'idealpointall']) AS d(m), "
        "unnest(['1', '2']) AS e(v) UNION ALL SELECT c, NULL, y - 1945, 'idealpointlegacy', "
        "y * 0.001 - ascii(c), 'ip', '1' FROM unnest(['RUS', 'CHN', 'USA']) AS a(c), "
        "range(1985, 2020) AS b(y)"
    )
    return con


SHAPES: list[tuple[list[str], dict[str, Any]]] = [
    (["RUS", "CHN", "USA", "PRK"], {}),
    (["RUS", "CHN", "USA", "PRK"], {"by": "year"}),
    (["USA", "RUS"], {"start": 1985, "end": 2024}),
    (["SUN", "RUS", "CHN"], {"start": 1985, "end": 1995}),
    (["RUS", "CHN"], {"start": 1985, "end": 1995, "successors": False}),
    (["PRK", "GBR", "CHN"], {"by": "year", "start": 2000, "end": 2010}),
    (["RUS", "CHN", "USA"], {"dataset": "other", "start": 2001, "end": 2003}),
    (["RUS", "CHN"], {"dataset": "test", "dataset_version": "2", "by": "year"}),
    (["CHN", "USA"], {"dataset_version": "1", "start": 1990, "end": 1990}),
    (["RUS", "USA", "GBR"], {"by": "year", "idealpoint_measure": "idealpointall"}),
    (["RUS", "USA", "CHN"], {"idealpoint_measure": "idealpointlegacy", "start": 2010}),
    (["RUS", "CHN", "USA", "PRK", "GBR"], {"start": 2024, "end": 2024}),
    (["RUS", "CHN", "PRK"], {"by": "year", "start": 1980, "end": 1986}),
]


def _same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-12)
    assert got.attrs == want.attrs


@pytest.mark.parametrize(("countries", "kw"), SHAPES)
def test_alignment_matches_the_ibis_path(voted, countries, kw) -> None:
    want = votes_align(ibis.duckdb.from_connection(voted), countries, **kw)
    assert len(want) and want["n"].sum() > 0
    _same(votes_align(voted, countries, **kw), want)


def test_alignment_runs_cached_sql_without_building_ibis(voted, monkeypatch) -> None:
    first = votes_align(voted, ["RUS", "CHN", "USA"], by="year", start=1990)
    keys = [k for k in compiled._templates if str(k[0]).startswith("votes_")]
    assert {k[0] for k in keys} == {"votes_spans", "votes_counts", "votes_idealpoints"}
    assert all(compiled._templates[k] for k in keys)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an Ibis expression was built again")

    for name in ("_ibis_align", "_counts_and_periods", "_spans", "_idealpoint_rows"):
        monkeypatch.setattr(f"axiswatch.analysis.alignment.{name}", refuse)
    again = votes_align(voted, ["USA", "RUS", "GBR"], by="year", start=1985, end=1999)
    _same(votes_align(voted, ["RUS", "CHN", "USA"], by="year", start=1990), first)
    assert again["n"].sum() > 0


def test_alignment_without_datasets_or_idealpoints_tables_matches(voted, tmp_path) -> None:
    """A connection holding only the vote tables (no import times, no ideal points)."""
    bare = duckdb.connect()
    for name in ("un_rollcalls", "un_votes"):
        path = tmp_path / f"{name}.parquet"
        voted.execute(f"COPY {name} TO '{path}' (FORMAT parquet)")
        bare.execute(f"CREATE TABLE {name} AS SELECT * FROM '{path}'")
    for countries, kw in SHAPES[:6]:
        want = votes_align(ibis.duckdb.from_connection(bare), countries, **kw)
        got = votes_align(bare, countries, **kw)
        assert "idealpoint_a" not in got.columns
        _same(got, want)
    # no import times: of two versions, the later one is read, whatever order the rows come in
    assert votes_align(bare, ["RUS", "CHN"], start=1990).attrs["dataset_version"] == "2"


@pytest.mark.parametrize(
    ("kw", "error", "message"),
    [
        ({"start": 1950, "end": 1960}, NotFoundError, "no UN vote dataset covers 1950-1960"),
        ({"dataset": "nothing"}, NotFoundError, "no UN roll calls of dataset 'nothing'"),
        ({"idealpoint_measure": "idealpointfp"}, InputError, "has no session values"),
    ],
)
def test_alignment_errors_match_the_ibis_path(voted, kw, error, message) -> None:
    for con in (voted, ibis.duckdb.from_connection(voted)):
        with pytest.raises(error, match=message):
            votes_align(con, ["RUS", "CHN"], **kw)
