"""Compiled SQL cached per query shape: same SQL and rows as compiling each expression."""

from __future__ import annotations

import duckdb
import ibis
import pytest

from axiswatch.analysis import compiled
from axiswatch.analysis.compiled import compiled_sql, shape_of, to_arrow


@pytest.fixture
def backend():
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES ('RUS', 'PRK', 1), ('CHN', 'RUS', 2), "
        "('O''Neil', 'RUS', 3)) AS v(source, target, n)"
    )
    return ibis.duckdb.from_connection(con)


def _query(t: ibis.Table, a: str, b: str) -> ibis.Table:
    picked = t.filter(t.source.isin([a, b]), t.target.isin([a, b]))
    return picked.mutate(label=ibis.ifelse(picked.source == a, f"{a}->{b}", "other"))


def test_other_actors_share_the_shape_and_compile_to_the_same_sql(backend) -> None:
    t = backend.table("t")
    first, second = _query(t, "RUS", "PRK"), _query(t, "CHN", "RUS")
    assert shape_of(first)[0] == shape_of(second)[0]
    assert {"RUS", "PRK", "RUS->PRK"} <= set(shape_of(first)[1])
    for expr in (first, second):
        assert compiled_sql(backend, expr) == str(backend.compile(expr))


def test_rows_match_ibis_and_quotes_are_escaped(backend) -> None:
    t = backend.table("t")
    expr = _query(t, "O'Neil", "RUS")
    assert to_arrow(expr).to_pylist() == expr.to_pyarrow().to_pylist()
    assert to_arrow(expr).to_pylist()[0]["label"] == "O'Neil->RUS"


def test_the_cache_is_bounded(backend, monkeypatch) -> None:
    monkeypatch.setattr(compiled, "CACHE_SIZE", 2)
    t = backend.table("t")
    for k in range(4):  # four shapes: filters of different lengths
        codes = [f"X{i}" for i in range(k + 1)]
        compiled_sql(backend, t.filter(t.source.isin(codes)))
    assert len(compiled._cache) <= 2
