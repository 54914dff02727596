"""Compiled SQL cached per query shape, so that an analysis asked again for other actors
runs without compiling its Ibis expression again (compiling costs more than running it).

The shape of an expression is the expression with every string literal (actor codes,
direction labels, statuses) replaced by a numbered placeholder, numbered in the order the
literals first appear; two expressions of one shape compile to the same SQL but for those
literals. The SQL of a shape is compiled once, the placeholders written as SQL string
literals, and the values put back as quoted SQL strings for each run. Anything unexpected
(a placeholder the compiler changed or dropped) falls back to compiling the expression
itself. DuckDB only: other backends run the expression as Ibis does.

:func:`template_sql` goes one step further for the analyses' hot paths: the SQL is cached per
key (the shape of an analysis's arguments) before any Ibis expression is built, with the
arguments as DuckDB parameters ``$1``, ``$2``, ... so that a call that hits the cache costs the
query alone.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence

import duckdb
import ibis
import ibis.expr.operations as ops
import pyarrow as pa
from ibis.backends import BaseBackend

CACHE_SIZE = 256
_MARK = "\x1faxw{}\x1f"
_cache: OrderedDict[ops.Node, str] = OrderedDict()
_templates: OrderedDict[Hashable, str | None] = OrderedDict()
_lock = threading.Lock()


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def shape_of(expr: ibis.Expr) -> tuple[ops.Node, list[str]]:
    """The expression's shape (string literals numbered) and the literals in that order."""
    op = expr.op()
    values: dict[str, int] = {}
    mapping: dict[ops.Node, ops.Node] = {}
    for node in op.find(ops.Literal):
        if node.dtype.is_string() and isinstance(node.value, str):
            index = values.setdefault(node.value, len(values))
            mapping[node] = ops.Literal(_MARK.format(index), node.dtype)
    return (op.replace(mapping) if mapping else op), list(values)


def _compile_shape(backend: BaseBackend, shape: ops.Node, n: int) -> str | None:
    """The shape's SQL with each placeholder as a bare token, or None if one went astray."""
    sql = str(backend.compile(shape.to_expr()))
    for k in range(n):
        quoted = _quoted(_MARK.format(k))
        if sql.count(_MARK.format(k)) != sql.count(quoted) or quoted not in sql:
            return None
        sql = sql.replace(quoted, _MARK.format(k))
    return sql


def compiled_sql(backend: BaseBackend, expr: ibis.Expr) -> str:
    """The SQL of ``expr`` on ``backend``, from the cache of its shape where possible."""
    shape, values = shape_of(expr)
    with _lock:
        sql = _cache.get(shape)
        if sql is not None:
            _cache.move_to_end(shape)
    if sql is None:
        sql = _compile_shape(backend, shape, len(values))
        if sql is None:
            return str(backend.compile(expr))
        with _lock:
            _cache[shape] = sql
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    for k, value in enumerate(values):
        sql = sql.replace(_MARK.format(k), _quoted(value))
    return sql


def to_arrow(expr: ibis.Table) -> pa.Table:
    """Run the table expression: on DuckDB through the shape cache, elsewhere through Ibis.
    The result has the expression's schema either way."""
    backend = expr._find_backend()
    if backend.name != "duckdb":
        return expr.to_pyarrow()
    table = backend.con.sql(compiled_sql(backend, expr)).to_arrow_table()
    return expr.__pyarrow_result__(table)


def param(k: int) -> str:
    """The stand-in for parameter ``$k+1`` in an expression built for :func:`template_sql`."""
    return _MARK.format(k)


def template_sql(
    con: duckdb.DuckDBPyConnection,
    key: Hashable,
    n_params: int,
    build: Callable[[BaseBackend], ibis.Expr],
) -> str | None:
    """The SQL cached under ``key``, with parameters ``$1``..``$n`` in place of ``param(k)``.

    On a miss ``build`` makes the expression on an Ibis backend over ``con``, with the string
    ``param(k)`` wherever the k-th parameter's value goes (as a whole string literal, or cast
    to the type wanted). None when a stand-in did not survive compiling as a literal: the
    caller then runs its expression through Ibis.
    """
    with _lock:
        if key in _templates:
            _templates.move_to_end(key)
            return _templates[key]
    backend = ibis.duckdb.from_connection(con)
    sql = _compile_shape(backend, build(backend).op(), n_params)
    if sql is not None:
        for k in range(n_params):
            sql = sql.replace(_MARK.format(k), f"${k + 1}")
        if "\x1f" in sql:  # a stand-in the compiler changed
            sql = None
    with _lock:
        _templates[key] = sql
        while len(_templates) > CACHE_SIZE:
            _templates.popitem(last=False)
    return sql


def run_template(
    con: duckdb.DuckDBPyConnection,
    key: Hashable,
    params: Sequence[object],
    build: Callable[[BaseBackend], ibis.Expr],
) -> list[tuple] | None:
    """The rows of the cached SQL of ``key`` run with ``params``; None when it has none."""
    sql = template_sql(con, key, len(params), build)
    return None if sql is None else con.execute(sql, list(params)).fetchall()
