"""Strategic triangle of three actors per period: dyad signs, Dittmer's pattern and balance.

Dyad sign (METHODS §4.3, with Goldstein as the score g)::

    g_XY = ½(mean g(X→Y) + mean g(Y→X));  +1 if g_XY ≥ τ, -1 if g_XY ≤ -τ, else 0

A direction counts when it has at least ``n_min`` events with a Goldstein value in the period.
With ``symmetric=True`` both directions must count, else the sign is None (undetermined), as
in the METHODS proposal. With ``symmetric=False`` (the default) one direction suffices: its
mean stands for g_XY when the other direction does not count. The default suits
document-extracted events, which are sparse and often one-sided ("Putin visited Pyongyang"
codes RUS→PRK only); event feeds with many events per window should use ``symmetric=True``
and a larger ``n_min`` (METHODS suggests 3 per direction per quarter). Defaults: τ = 1.0,
n_min = 1. A dyad whose two directional means have opposite signs is flagged ``asymmetric``.

Pattern (Dittmer 1981; later formalisations, METHODS §4.1) from the signs of (AB, BC, CA):
any 0 or None → indeterminate; three + → ménage à trois; two + → romantic triangle (pivot =
the actor off the negative edge, the other two are wings); one + → stable marriage (partners
on the positive edge, the third is the outcast); none → unit veto. Role score of X is
s_XY + s_XZ - s_YZ. Structural balance (§4.2): strong iff s_AB·s_BC·s_CA = +1; weak iff no
cycle has exactly one negative edge.

Only periods with at least one event among the three actors are reported. Each period is
compared with the previous reported one: ``flipped`` lists the dyads whose determined sign
(-1, 0, +1) changed; a change to or from None is new or missing evidence, not a flip.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from itertools import chain
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
from axiswatch.analysis.periods import check_period, period_label, period_start, shift_period
from axiswatch.analysis.selection import (
    DEFAULT_EPISTEMIC,
    actor_codes,
    event_filters,
    filter_events,
)
from axiswatch.errors import InputError

INDETERMINATE = "indeterminate"
MENAGE = "menage_a_trois"
ROMANTIC = "romantic_triangle"
MARRIAGE = "stable_marriage"
UNIT_VETO = "unit_veto"
CONFIGURATIONS: tuple[str, ...] = (MENAGE, ROMANTIC, MARRIAGE, UNIT_VETO, INDETERMINATE)


@dataclass(frozen=True)
class DyadSign:
    """The sign of one dyad in one period, with the events behind it."""

    dyad: str
    a: str
    b: str
    sign: int | None
    g: float | None
    mean_ab: float | None
    mean_ba: float | None
    n_ab: int
    n_ba: int
    basis: str | None
    asymmetric: bool
    event_ids: list[str] = field(default_factory=list)
    mentions: int = 0
    """Sentences behind the events of both directions (each event counts once in n_ab/n_ba)."""


@dataclass(frozen=True)
class Configuration:
    """Dittmer's pattern of a triangle, the actors' roles and its structural balance."""

    name: str
    pivot: str | None = None
    wings: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    outcast: str | None = None
    roles: dict[str, str] = field(default_factory=dict)
    role_scores: dict[str, int] = field(default_factory=dict)
    balanced_strong: bool | None = None
    balanced_weak: bool | None = None

    @property
    def balance(self) -> str | None:
        """'balanced' (strongly), 'weakly balanced' (unit veto), 'unbalanced' or None."""
        if self.balanced_strong is None:
            return None
        if self.balanced_strong:
            return "balanced"
        return "weakly balanced" if self.balanced_weak else "unbalanced"


def dyad_sign(
    mean_ab: float | None,
    n_ab: int,
    mean_ba: float | None,
    n_ba: int,
    *,
    tau: float = 1.0,
    n_min: int = 1,
    symmetric: bool = False,
) -> tuple[int | None, float | None, str | None]:
    """(sign, g, basis) of a dyad from its two directional means and event counts.

    ``basis`` is 'both', 'ab' or 'ba': the directions that entered g.
    """
    ok_ab = n_ab >= n_min and mean_ab is not None and not math.isnan(mean_ab)
    ok_ba = n_ba >= n_min and mean_ba is not None and not math.isnan(mean_ba)
    if ok_ab and ok_ba:
        g, basis = (mean_ab + mean_ba) / 2, "both"
    elif symmetric or not (ok_ab or ok_ba):
        return None, None, None
    elif ok_ab:
        g, basis = mean_ab, "ab"
    else:
        g, basis = mean_ba, "ba"
    if g >= tau:
        return 1, g, basis
    if g <= -tau:
        return -1, g, basis
    return 0, g, basis


def classify(
    actors: Sequence[str], s_ab: int | None, s_bc: int | None, s_ca: int | None
) -> Configuration:
    """Dittmer's pattern of the triangle (A, B, C) with edge signs AB, BC, CA."""
    a, b, c = actors
    edges = {(a, b): s_ab, (b, c): s_bc, (c, a): s_ca}
    signs = list(edges.values())
    if any(s is None or s == 0 for s in signs):
        return Configuration(INDETERMINATE)

    sign: dict[tuple[str, str], int] = {}
    for (x, y), v in edges.items():
        sign[(x, y)] = sign[(y, x)] = int(v)  # type: ignore[arg-type]
    scores = {}
    for x in actors:
        y, z = (o for o in actors if o != x)
        scores[x] = sign[(x, y)] + sign[(x, z)] - sign[(y, z)]
    product = sign[(a, b)] * sign[(b, c)] * sign[(c, a)]
    negatives = signs.count(-1)
    balance = {"balanced_strong": product == 1, "balanced_weak": negatives != 1}
    n_plus = signs.count(1)
    if n_plus == 3:
        return Configuration(
            MENAGE, roles=dict.fromkeys(actors, "friend"), role_scores=scores, **balance
        )
    if n_plus == 0:
        return Configuration(
            UNIT_VETO, roles=dict.fromkeys(actors, "foe"), role_scores=scores, **balance
        )
    odd = -1 if n_plus == 2 else 1
    x, y = next(pair for pair, sign in edges.items() if sign == odd)
    x, y = sorted((x, y), key=list(actors).index)
    third = next(o for o in actors if o not in (x, y))
    if n_plus == 2:
        roles = {third: "pivot", x: "wing", y: "wing"}
        return Configuration(
            ROMANTIC,
            pivot=third,
            wings=(x, y),
            roles={o: roles[o] for o in actors},
            role_scores=scores,
            **balance,
        )
    roles = {third: "outcast", x: "partner", y: "partner"}
    return Configuration(
        MARRIAGE,
        partners=(x, y),
        outcast=third,
        roles={o: roles[o] for o in actors},
        role_scores=scores,
        **balance,
    )


def directed_scores(
    events: ibis.Table,
    actors: Sequence[str],
    *,
    by: str = "year",
    origins: Iterable[str] | None = None,
    epistemic: Iterable[str] | None = DEFAULT_EPISTEMIC,
) -> ibis.Table:
    """Ibis expression: per period and ordered pair of the actors, n, mean Goldstein, ids."""
    check_period(by)
    wanted, keep = event_filters(origins, epistemic)
    return _directed(events, actors, by=by, origins=wanted, epistemic=keep)


def _directed(
    events: ibis.Table,
    actors: Sequence[str],
    *,
    by: str,
    origins: Sequence[str] | None,
    epistemic: Sequence[str] | None,
) -> ibis.Table:
    """:func:`directed_scores` with the filters already checked."""
    ev = filter_events(events, actors, origins=origins, epistemic=epistemic)
    ev = ev.filter(ev.goldstein.notnull())
    ev = ev.mutate(period_start=period_start(ev.day_start, by))
    mentions = ev.mentions.fill_null(1) if "mentions" in ev.columns else ibis.literal(1)
    return (
        ev.group_by(["period_start", "source", "target"])
        .aggregate(
            n=ev.count(),
            m=mentions.sum(),
            mean=ev.goldstein.mean(),
            event_ids=ev.event_id.collect(),
        )
        .order_by("period_start", "source", "target")
    )


SCORE_COLUMNS: tuple[str, ...] = ("period_start", "source", "target", "n", "m", "mean", "event_ids")
"""The columns of :func:`directed_scores`, in order."""


def _scores(
    con: Connectable,
    actors: Sequence[str],
    *,
    by: str,
    origins: Sequence[str] | None,
    epistemic: Sequence[str] | None,
    count: str,
    reviewed: bool,
) -> list[tuple]:
    """The rows of :func:`directed_scores`: on a workspace connection by cached SQL with the
    actor codes as parameters, elsewhere through Ibis."""
    view = workspace_view(con, count)
    if view is not None and isinstance(con, duckdb.DuckDBPyConnection):
        n_o = None if origins is None else len(origins)
        n_e = None if epistemic is None else len(epistemic)
        n_a = len(actors)
        values = [*actors, *(origins or ()), *(epistemic or ())]

        def build(backend: BaseBackend) -> ibis.Table:
            marks = [param(k) for k in range(len(values))]
            return _directed(
                events_table(backend, count=count, reviewed=reviewed),
                marks[:n_a],
                by=by,
                origins=None if n_o is None else marks[n_a : n_a + n_o],
                epistemic=None if n_e is None else marks[n_a + (n_o or 0) :],
            )

        key = ("triangle_scores", view, reviewed, by, n_a, n_o, n_e)
        rows = run_template(con, key, values, build)
        if rows is not None:
            return rows
    with open_backend(con) as backend:
        events = events_table(backend, count=count, reviewed=reviewed)
        table = to_arrow(_directed(events, actors, by=by, origins=origins, epistemic=epistemic))
    return list(zip(*(column.to_pylist() for column in table.columns), strict=True))


def _edge(
    rows: dict[tuple[str, str], Any], x: str, y: str, *, tau: float, n_min: int, symmetric: bool
) -> DyadSign:
    fwd, back = rows.get((x, y)), rows.get((y, x))
    n_ab = int(fwd["n"]) if fwd is not None else 0
    n_ba = int(back["n"]) if back is not None else 0
    mean_ab = float(fwd["mean"]) if fwd is not None else None
    mean_ba = float(back["mean"]) if back is not None else None
    sign, g, basis = dyad_sign(
        mean_ab, n_ab, mean_ba, n_ba, tau=tau, n_min=n_min, symmetric=symmetric
    )
    used = {"both": (fwd, back), "ab": (fwd,), "ba": (back,)}.get(basis or "", ())
    ids = sorted(map(str, chain.from_iterable(row["event_ids"] for row in used)))
    asymmetric = mean_ab is not None and mean_ba is not None and mean_ab * mean_ba < 0
    label = {"both": "both", "ab": f"{x}->{y}", "ba": f"{y}->{x}"}.get(basis or "")
    mentions = sum(int(r.get("m", r["n"])) for r in (fwd, back) if r is not None)
    return DyadSign(
        f"{x}-{y}", x, y, sign, g, mean_ab, mean_ba, n_ab, n_ba, label, asymmetric, ids, mentions
    )


def _check(tau: float, n_min: int) -> None:
    if not tau >= 0:
        raise InputError(f"tau={tau}: give a threshold of 0 or more (default 1.0)")
    if n_min < 1:
        raise InputError(f"n_min={n_min}: give at least 1 event per direction")


def triangle_periods(
    scores: pd.DataFrame,
    actors: Sequence[str],
    *,
    by: str = "year",
    tau: float = 1.0,
    n_min: int = 1,
    symmetric: bool = False,
    window: int = 1,
) -> list[dict[str, Any]]:
    """Per-period triangle dicts from the rows of ``directed_scores``, with transitions.

    With ``window`` > 1 each reported period's signs pool its events with those of the
    ``window - 1`` periods before it (counts summed, means weighted by count, event ids
    joined), so sparse text-derived dyads can still be signed; the periods reported are
    still those with events of their own.
    """
    _check(tau, n_min)
    if window < 1:
        raise InputError(f"window={window}: give 1 or more periods to pool")
    groups = (
        (start, {(r["source"], r["target"]): r for r in group.to_dict("records")})
        for start, group in _windows(scores, by, window)
    )
    return _periods(groups, actors, by=by, tau=tau, n_min=n_min, symmetric=symmetric, window=window)


def _periods(
    groups: Iterable[tuple[Any, dict[tuple[str, str], Any]]],
    actors: Sequence[str],
    *,
    by: str,
    tau: float,
    n_min: int,
    symmetric: bool,
    window: int,
) -> list[dict[str, Any]]:
    """The triangle dicts of (period start, rows by (source, target)) in period order."""
    a, b, c = actors
    out: list[dict[str, Any]] = []
    previous: dict[str, Any] | None = None
    for start, rows in groups:
        edges = [
            _edge(rows, x, y, tau=tau, n_min=n_min, symmetric=symmetric)
            for x, y in ((a, b), (b, c), (c, a))
        ]
        config = classify(actors, *(e.sign for e in edges))
        label = period_label(start, by)
        first = None if window == 1 else shift_period(start, by, 1 - window)
        period = {
            "period": label,
            "period_start": _date(start).isoformat(),
            "window_start": label if window == 1 else period_label(first, by),
            "actors": list(actors),
            "configuration": config.name,
            "pivot": config.pivot,
            "wings": list(config.wings),
            "partners": list(config.partners),
            "outcast": config.outcast,
            "roles": config.roles,
            "role_scores": config.role_scores,
            "balance": config.balance,
            "balanced_strong": config.balanced_strong,
            "balanced_weak": config.balanced_weak,
            "dyads": [{name: getattr(e, name) for name in _SIGN_FIELDS} for e in edges],
        }
        period.update(_transition(previous, period))
        out.append(period)
        previous = period
    return out


_SIGN_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(DyadSign))


def _row_groups(rows: Iterable[Sequence[Any]]) -> Iterator[tuple[dt.date, dict]]:
    """(period start, its rows by (source, target)) from rows in period order."""
    start: Any = None
    group: dict[tuple[str, str], dict[str, Any]] = {}
    for period, source, target, n, m, mean, ids in rows:
        if period != start:
            if group:
                yield _date(start), group
            start, group = period, {}
        group[(source, target)] = {"n": n, "m": m, "mean": mean, "event_ids": ids}
    if group:
        yield _date(start), group


def _date(value: Any) -> dt.date:
    """A period start as a date (from a date, datetime, Timestamp or datetime64)."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else pd.Timestamp(value).date()


def _windows(scores: pd.DataFrame, by: str, window: int) -> Iterator[tuple[Any, pd.DataFrame]]:
    """(period start, its rows), the rows pooled over the window ending at that period."""
    if window == 1 or scores.empty:
        yield from scores.groupby("period_start", sort=True)
        return
    starts = pd.to_datetime(scores["period_start"])
    for start in sorted(starts.unique()):
        first = pd.Timestamp(shift_period(start, by, 1 - window))
        part = scores[(starts >= first) & (starts <= start)]
        pooled = (
            part.assign(total=part["mean"] * part["n"])
            .groupby(["source", "target"], sort=True)
            .agg(
                n=("n", "sum"),
                m=("m", "sum"),
                total=("total", "sum"),
                event_ids=("event_ids", _joined),
            )
            .reset_index()
        )
        pooled["mean"] = pooled["total"] / pooled["n"]
        yield pd.Timestamp(start).date(), pooled.drop(columns="total")


def _joined(lists: pd.Series) -> list[str]:
    return [str(i) for ids in lists for i in ids]


def _transition(previous: dict[str, Any] | None, current: dict[str, Any]) -> dict[str, Any]:
    if previous is None:
        return {"previous_period": None, "configuration_changed": False, "flipped": []}
    flipped = []
    for before, now in zip(previous["dyads"], current["dyads"], strict=True):
        if before["sign"] is not None and now["sign"] is not None and before["sign"] != now["sign"]:
            flipped.append(
                {
                    "dyad": now["dyad"],
                    "from": before["sign"],
                    "to": now["sign"],
                    "event_ids": now["event_ids"],
                }
            )
    return {
        "previous_period": previous["period"],
        "configuration_changed": previous["configuration"] != current["configuration"],
        "flipped": flipped,
    }


def triangle(
    con: Connectable,
    a: str,
    b: str,
    c: str,
    *,
    by: str = "year",
    tau: float = 1.0,
    n_min: int = 1,
    symmetric: bool = False,
    origins: Iterable[str] | None = None,
    epistemic: Iterable[str] | None = DEFAULT_EPISTEMIC,
    window: int = 1,
    count: str = "events",
    reviewed: bool = False,
) -> list[dict[str, Any]]:
    """The triangle of A, B, C per period (see the module docstring for the rules).

    ``count`` and ``reviewed`` choose the rows counted (analysis._backend.events_table).
    """
    actors = actor_codes(a, b, c)
    _check(tau, n_min)
    check_period(by)
    wanted, keep = event_filters(origins, epistemic)
    rows = _scores(
        con, actors, by=by, origins=wanted, epistemic=keep, count=count, reviewed=reviewed
    )
    if window != 1:
        scores = pd.DataFrame(rows, columns=list(SCORE_COLUMNS))
        return triangle_periods(
            scores, actors, by=by, tau=tau, n_min=n_min, symmetric=symmetric, window=window
        )
    return _periods(
        _row_groups(rows), actors, by=by, tau=tau, n_min=n_min, symmetric=symmetric, window=1
    )


def sign_text(sign: int | None) -> str:
    """'+1', '0', '-1' or '?' (undetermined)."""
    return "?" if sign is None else f"{sign:+d}" if sign else "0"


def triangle_frame(periods: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """A flat view: one row per period with each dyad's sign, g and event count."""
    rows = []
    for p in periods:
        row: dict[str, Any] = {
            k: p[k]
            for k in ("period", "period_start", "configuration", "pivot", "outcast", "balance")
        }
        for d in p["dyads"]:
            row[f"sign_{d['dyad']}"] = d["sign"]
            row[f"g_{d['dyad']}"] = d["g"]
            row[f"n_{d['dyad']}"] = d["n_ab"] + d["n_ba"]
        row["flipped"] = ", ".join(
            f"{f['dyad']} {sign_text(f['from'])}→{sign_text(f['to'])}" for f in p["flipped"]
        )
        rows.append(row)
    frame = pd.DataFrame(rows)
    signs = [c for c in frame.columns if c.startswith("sign_")]
    return frame.astype(dict.fromkeys(signs, "Int64"))
