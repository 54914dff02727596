"""Dyad series: per period and direction, event counts by PLOVER type and QuadClass, Goldstein.

For actors A and B the rows of each period are ``A->B``, ``B->A`` and ``both`` (the two
directions pooled). The period is taken from ``day_start`` (the first day an event's date can
mean); undated events are left out. Aggregates follow METHODS §4.3: NC = (VC + MC - VF - MF) /
(VC + MC + VF + MF) from the QuadClass counts, CF = (VF + MF) / |E| over events with a
QuadClass. Goldstein means and totals skip events without a Goldstein value. ``n_other``
counts events whose type is not one of the sixteen, so the type columns sum to ``n_events``.
``n_mentions`` counts the sentences (or a publisher's mentions) behind those events.

The events are read once, by a narrow aggregate per period, direction, type and QuadClass;
the wide rows are summed from that aggregate's few rows (see :func:`_cells`). :func:`dyad`
runs that aggregate alone (on a workspace connection as cached SQL with the actor codes as
parameters, see :func:`axiswatch.analysis.compiled.template_sql`) and sums the wide rows in
Python; :func:`dyad_series` is the same series as one Ibis expression, for any backend.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import ibis
import pandas as pd
from ibis.backends import BaseBackend

from axiswatch.analysis._backend import (
    Connectable,
    events_table,
    open_backend,
    workspace_view,
)
from axiswatch.analysis.compiled import param, run_template, to_arrow
from axiswatch.analysis.periods import check_period, period_label, period_start
from axiswatch.analysis.selection import (
    DEFAULT_EPISTEMIC,
    actor_codes,
    event_filters,
    filter_events,
    select_events,
)
from axiswatch.ontology import PLOVER_TYPES

QUADS: tuple[int, ...] = (1, 2, 3, 4)
TYPE_COLUMNS: tuple[str, ...] = (*(f"n_{t.lower()}" for t in PLOVER_TYPES), "n_other")
QUAD_COLUMNS: tuple[str, ...] = tuple(f"n_quad{q}" for q in QUADS)
COLUMNS: tuple[str, ...] = (
    "period",
    "period_start",
    "direction",
    "n_events",
    "n_mentions",
    *QUAD_COLUMNS,
    "n_goldstein",
    "goldstein_mean",
    "goldstein_total",
    "net_cooperation",
    "conflict_share",
    *TYPE_COLUMNS,
)


def direction_labels(a: str, b: str) -> tuple[str, str, str]:
    """The three direction labels of the dyad: 'A->B', 'B->A', 'both'."""
    return f"{a}->{b}", f"{b}->{a}", "both"


def _cells(ev: ibis.Table, side: str = "direction") -> ibis.Table:
    """Stage one: events counted per period, ``side`` (direction), PLOVER type and QuadClass.

    The only pass over the event rows is this narrow aggregate (a few columns, one count and
    two Goldstein aggregates), so its cost is that of the scan; the per-type and per-quad
    columns are then summed over its few rows rather than evaluated on every event.
    """
    mentions = ev.mentions.fill_null(1) if "mentions" in ev.columns else ibis.literal(1)
    return ev.group_by(["period_start", side, "event_type", "quad_class"]).aggregate(
        n=ev.count(), n_m=mentions.sum(), n_g=ev.goldstein.count(), g_sum=ev.goldstein.sum()
    )


def _metrics(cells: ibis.Table) -> dict[str, ibis.Value]:
    """Stage two: the series columns summed from the cells of one group."""
    zero = ibis.literal(0, type="int64")

    def total(where: ibis.Value | None = None) -> ibis.Value:
        return cells.n.sum(where=where).fill_null(zero).cast("int64")

    out: dict[str, ibis.Value] = {
        "n_events": total(),
        "n_mentions": cells.n_m.sum().fill_null(zero).cast("int64"),
    }
    for q in QUADS:
        out[f"n_quad{q}"] = total(cells.quad_class == q)
    n_g = cells.n_g.sum().fill_null(zero).cast("int64")
    g_sum = cells.g_sum.sum()
    out["n_goldstein"] = n_g
    out["goldstein_mean"] = g_sum / n_g.cast("float64").nullif(0)
    out["goldstein_total"] = g_sum
    for t in PLOVER_TYPES:
        out[f"n_{t.lower()}"] = total(cells.event_type == t)
    out["n_other"] = total(~cells.event_type.isin(list(PLOVER_TYPES)))
    return out


def _ratios(t: ibis.Table) -> ibis.Table:
    coop = t.n_quad1 + t.n_quad2
    conf = t.n_quad3 + t.n_quad4
    total = (coop + conf).cast("float64").nullif(0)
    return t.mutate(
        net_cooperation=(coop - conf).cast("float64") / total,
        conflict_share=conf.cast("float64") / total,
    )


def dyad_series(
    events: ibis.Table,
    a: str,
    b: str,
    *,
    by: str = "year",
    origins: Iterable[str] | None = None,
    epistemic: Iterable[str] | None = DEFAULT_EPISTEMIC,
) -> ibis.Table:
    """Ibis expression: one row per period and direction (A->B, B->A, both) with the metrics."""
    a, b = actor_codes(a, b)
    check_period(by)
    ab, ba, both = direction_labels(a, b)
    ev = select_events(events, [a, b], origins=origins, epistemic=epistemic)
    ev = ev.mutate(
        period_start=period_start(ev.day_start, by),
        direction=ibis.ifelse(ev.source == a, ab, ba),
    )
    cells = _cells(ev)
    directed = cells.group_by(["period_start", "direction"]).aggregate(**_metrics(cells))
    pooled = (
        cells.group_by("period_start")
        .aggregate(**_metrics(cells))
        .mutate(direction=ibis.literal(both))
    )
    rows = directed.union(pooled.select(*directed.columns), distinct=False)
    rows = _ratios(rows)
    return rows.select(*(c for c in COLUMNS if c != "period")).order_by("period_start", "direction")


def complete_directions(df: pd.DataFrame, a: str, b: str, by: str) -> pd.DataFrame:
    """Add the missing directions of each period (zero counts, no means) and period labels."""
    labels = direction_labels(a, b)
    starts = sorted(df["period_start"].unique())
    grid = pd.MultiIndex.from_product([starts, labels], names=["period_start", "direction"])
    out = df.set_index(["period_start", "direction"]).reindex(grid).reset_index()
    counts = ["n_events", "n_mentions", *QUAD_COLUMNS, "n_goldstein", *TYPE_COLUMNS]
    out[counts] = out[counts].fillna(0).astype("int64")
    out["goldstein_total"] = out["goldstein_total"].where(out["n_goldstein"] > 0, 0.0)
    out["period_start"] = pd.to_datetime(out["period_start"]).dt.date
    out.insert(0, "period", [period_label(s, by) for s in out["period_start"]])
    rank = out["direction"].map({label: i for i, label in enumerate(labels)})
    out = out.assign(_rank=rank).sort_values(["period_start", "_rank"])
    return out[list(COLUMNS)].reset_index(drop=True)


def dyad_cells(
    events: ibis.Table,
    a: str,
    b: str,
    *,
    by: str = "year",
    origins: Sequence[str] | None = None,
    epistemic: Sequence[str] | None = None,
) -> ibis.Table:
    """Ibis expression: stage one (:func:`_cells`) per source actor rather than direction.

    ``origins`` and ``epistemic`` are taken as given (checked by ``event_filters``).
    """
    ev = filter_events(events, [a, b], origins=origins, epistemic=epistemic)
    ev = ev.mutate(period_start=period_start(ev.day_start, by))
    return _cells(ev, side="source")


def _day(value: Any) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


_WIDTH = 8 + len(PLOVER_TYPES) + 1
"""Sums per period and direction: n, mentions, 4 quads, n_g, g_sum, the types, other."""
_SLOT = {t: 8 + i for i, t in enumerate(PLOVER_TYPES)}
_EMPTY_DTYPES = {"period_start": "object", "direction": "str"}


def series_frame(cells: Iterable[Sequence[Any]], a: str, b: str, by: str) -> pd.DataFrame:
    """The dyad series from :func:`dyad_cells`' rows: the rows :func:`dyad_series` gives,
    with every direction of each period (as :func:`complete_directions` fills them)."""
    sums: dict[Any, tuple[list[Any], list[Any]]] = {}
    for start, source, event_type, quad, n, n_m, n_g, g_sum in cells:
        pair = sums.get(start)
        if pair is None:
            pair = sums[start] = ([0] * _WIDTH, [0] * _WIDTH)
        row = pair[0] if source == a else pair[1]
        row[0] += n
        row[1] += n_m
        if quad in (1, 2, 3, 4):
            row[1 + quad] += n
        row[6] += n_g
        if g_sum is not None:
            row[7] += g_sum
        if event_type is not None:
            row[_SLOT.get(event_type, _WIDTH - 1)] += n
    if not sums:
        empty = {c: pd.Series(dtype=_EMPTY_DTYPES.get(c, "float64")) for c in COLUMNS[1:]}
        return complete_directions(pd.DataFrame(empty), a, b, by)
    labels = direction_labels(a, b)
    nan = math.nan
    rows = []
    for start in sorted(sums):
        day = _day(start)
        label = period_label(day, by)
        ab, ba = sums[start]
        for direction, row in zip(
            labels, (ab, ba, [x + y for x, y in zip(ab, ba, strict=True)]), strict=True
        ):
            coop, conf = row[2] + row[3], row[4] + row[5]
            total = coop + conf
            rows.append(
                (
                    label,
                    day,
                    direction,
                    *row[:7],
                    row[7] / row[6] if row[6] else nan,
                    float(row[7]) if row[6] else 0.0,
                    (coop - conf) / total if total else nan,
                    conf / total if total else nan,
                    *row[8:],
                )
            )
    return pd.DataFrame(dict(zip(COLUMNS, map(list, zip(*rows, strict=True)), strict=True)))


def dyad(
    con: Connectable,
    a: str,
    b: str,
    *,
    by: str = "year",
    origins: Iterable[str] | None = None,
    epistemic: Iterable[str] | None = DEFAULT_EPISTEMIC,
    count: str = "events",
    reviewed: bool = False,
) -> pd.DataFrame:
    """The dyad series as a DataFrame: every period with events has all three direction rows.

    ``count="mentions"`` counts every coded sentence rather than each act once;
    ``reviewed`` keeps only events an analyst accepted or corrected.
    """
    a, b = actor_codes(a, b)
    check_period(by)
    wanted, keep = event_filters(origins, epistemic)
    cells = None
    view = workspace_view(con, count)
    if view is not None and isinstance(con, duckdb.DuckDBPyConnection):
        n_o = None if wanted is None else len(wanted)
        n_e = None if keep is None else len(keep)
        values = [a, b, *(wanted or ()), *(keep or ())]

        def build(backend: BaseBackend) -> ibis.Table:
            marks = [param(k) for k in range(len(values))]
            events = events_table(backend, count=count, reviewed=reviewed)
            return dyad_cells(
                events,
                marks[0],
                marks[1],
                by=by,
                origins=None if n_o is None else marks[2 : 2 + n_o],
                epistemic=None if n_e is None else marks[2 + (n_o or 0) :],
            )

        key = ("dyad_cells", view, reviewed, by, n_o, n_e)
        cells = run_template(con, key, values, build)
    if cells is None:
        with open_backend(con) as backend:
            events = events_table(backend, count=count, reviewed=reviewed)
            table = to_arrow(dyad_cells(events, a, b, by=by, origins=wanted, epistemic=keep))
        cells = zip(*(column.to_pylist() for column in table.columns), strict=True)
    return series_frame(cells, a, b, by)
