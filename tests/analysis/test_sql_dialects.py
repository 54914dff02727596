"""Every analysis expression compiles to SQL for PostgreSQL and Spark (no server needed)."""

from __future__ import annotations

import datetime as dt

import ibis
import pytest

from axiswatch.analysis._backend import ibis_connect, table
from axiswatch.analysis.alignment import cast_votes, pair_counts, rollcalls_in_range
from axiswatch.analysis.changepoints import goldstein_by_period, top_events
from axiswatch.analysis.dyads import dyad_series
from axiswatch.analysis.triangle import directed_scores


class _SparkOptions(ibis.config.Config):
    """What ibis's pyspark backend registers; absent when pyspark itself is not installed."""

    treat_nan_as_null: bool = False


@pytest.fixture
def spark_options(monkeypatch):
    if getattr(ibis.options, "pyspark", None) is None:
        monkeypatch.setattr(ibis.options, "pyspark", _SparkOptions())


EXPRESSIONS = {
    "dyad_series": lambda t: dyad_series(t["events"], "RUS", "PRK", by="quarter"),
    "triangle_scores": lambda t: directed_scores(t["events"], ["RUS", "CHN", "PRK"]),
    "goldstein_by_period": lambda t: goldstein_by_period(t["events"], "RUS", "USA"),
    "top_events": lambda t: top_events(
        t["events"], "RUS", "USA", dt.date(2016, 1, 1), dt.date(2016, 4, 1)
    ),
    "rollcalls_in_range": lambda t: rollcalls_in_range(t["un_rollcalls"], by="year"),
    "pair_counts": lambda t: pair_counts(
        cast_votes(t["un_rollcalls"], t["un_votes"], ["RUS", "CHN", "USA"])
    ),
}


@pytest.fixture
def tables(con):
    backend = ibis_connect(con)
    return {name: table(backend, name) for name in ("events", "un_rollcalls", "un_votes")}


@pytest.mark.parametrize("dialect", ["postgres", "pyspark"])
@pytest.mark.parametrize("name", list(EXPRESSIONS))
def test_sql_compiles_for_dialect(tables, spark_options, name, dialect):
    sql = ibis.to_sql(EXPRESSIONS[name](tables), dialect=dialect)
    assert "SELECT" in sql
    quote = "`" if dialect == "pyspark" else '"'
    assert f"{quote}t0{quote}" in sql


@pytest.mark.parametrize("name", list(EXPRESSIONS))
def test_sql_expression_runs_on_duckdb(tables, name):
    assert list(EXPRESSIONS[name](tables).to_pyarrow().column_names)
