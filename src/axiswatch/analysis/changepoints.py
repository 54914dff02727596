"""Change points in a dyad's mean-Goldstein series (PELT, Killick et al. 2012).

The series (METHODS §4.4): per period (month by default, or quarter or year) the mean
Goldstein value of the dyad's events in both directions pooled, or with ``symmetric=True``
½(mean A→B + mean B→A). A period with fewer than ``min_events`` events (in each direction when
symmetric) is missing; the default ``min_events=1`` suits sparse document-extracted events,
feeds call for 3 or more. Missing periods are dropped (``missing="drop"``, the default: PELT
sees only observed periods and no values are invented) or filled by linear interpolation
between observed neighbours (``missing="interpolate"``, which keeps calendar spacing).

Detection: ``ruptures.Pelt(model="l2", min_size=3).fit(x).predict(pen=β)`` with
β = ``penalty`` · var(x) · ln(n), a BIC-like penalty in the units of the L2 cost; ``penalty``
defaults to 2 (two parameters per new segment: its start and its mean). A large break inflates
var(x), which makes the rule conservative: lower ``penalty`` to find smaller shifts. A series
shorter than 2 · min_size, or a constant one, has no breaks.

Each break is reported at the first period of the new segment, with the last period before it,
the means of the segments before and after, and the ``top`` events by |Goldstein| dated within
one period either side of the break, with their ids and evidence sentences.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import ibis
import numpy as np
import pandas as pd
import ruptures

from axiswatch.analysis._backend import Connectable, events_table, fetch, open_backend
from axiswatch.analysis.periods import (
    check_period,
    period_label,
    period_start,
    period_starts,
    shift_period,
)
from axiswatch.analysis.records import records
from axiswatch.analysis.selection import DEFAULT_EPISTEMIC, actor_codes, select_events
from axiswatch.errors import InputError

MISSING_CHOICES: tuple[str, ...] = ("drop", "interpolate")
EVIDENCE_COLUMNS: tuple[str, ...] = (
    "event_id",
    "date_start",
    "day_start",
    "source",
    "target",
    "event_type",
    "goldstein",
    "document_id",
    "sentence",
)


@dataclass(frozen=True)
class ChangePoint:
    """One break: where the new segment starts, the means around it, the events near it."""

    period: str
    period_start: str
    previous_period: str
    before_mean: float
    after_mean: float
    shift: float
    top_events: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class ChangeAnalysis:
    """The series PELT ran on and the breaks it found."""

    a: str
    b: str
    by: str
    penalty: float
    series: pd.DataFrame
    breaks: list[ChangePoint]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: settings, the series rows and the breaks."""
        return {
            "a": self.a,
            "b": self.b,
            "by": self.by,
            "penalty": self.penalty,
            "series": records(self.series),
            "breaks": [asdict(bp) for bp in self.breaks],
        }


def goldstein_by_period(
    events: ibis.Table,
    a: str,
    b: str,
    *,
    by: str = "month",
    origins: Iterable[str] | None = None,
    epistemic: Iterable[str] | None = DEFAULT_EPISTEMIC,
) -> ibis.Table:
    """Ibis expression: per period, events with a Goldstein value and their means, by direction."""
    check_period(by)
    ev = select_events(events, [a, b], origins=origins, epistemic=epistemic)
    ev = ev.filter(ev.goldstein.notnull()).mutate(period_start=period_start(ev.day_start, by))
    fwd = ev.source == a
    return (
        ev.group_by("period_start")
        .aggregate(
            n_events=ev.count(),
            mean=ev.goldstein.mean(),
            n_ab=ev.count(where=fwd),
            mean_ab=ev.goldstein.mean(where=fwd),
            n_ba=ev.count(where=~fwd),
            mean_ba=ev.goldstein.mean(where=~fwd),
        )
        .order_by("period_start")
    )


def top_events(
    events: ibis.Table,
    a: str,
    b: str,
    lo: dt.date,
    hi: dt.date,
    *,
    top: int = 5,
    origins: Iterable[str] | None = None,
    epistemic: Iterable[str] | None = DEFAULT_EPISTEMIC,
) -> ibis.Table:
    """Ibis expression: the dyad's ``top`` events by |Goldstein| with lo <= day_start < hi."""
    ev = select_events(events, [a, b], origins=origins, epistemic=epistemic)
    ev = ev.filter(ev.goldstein.notnull(), ev.day_start >= lo, ev.day_start < hi)
    return ev.order_by(ev.goldstein.abs().desc(), ev.event_id).select(*EVIDENCE_COLUMNS).limit(top)


def build_series(
    counts: pd.DataFrame,
    by: str,
    *,
    min_events: int = 1,
    symmetric: bool = False,
    missing: str = "drop",
) -> pd.DataFrame:
    """The calendar series from ``goldstein_by_period`` rows: ``value`` is what PELT sees."""
    columns = ["period", "period_start", "n_events", "mean", "observed", "value"]
    if counts.empty:
        return pd.DataFrame(columns=columns)
    counts = counts.assign(period_start=pd.to_datetime(counts["period_start"]).dt.date)
    starts = period_starts(counts["period_start"].min(), counts["period_start"].max(), by)
    s = counts.set_index("period_start").reindex(starts)
    s[["n_events", "n_ab", "n_ba"]] = s[["n_events", "n_ab", "n_ba"]].fillna(0).astype("int64")
    if symmetric:
        s["mean"] = (s["mean_ab"] + s["mean_ba"]) / 2
        observed = (s["n_ab"] >= min_events) & (s["n_ba"] >= min_events)
    else:
        observed = s["n_events"] >= min_events
    s["observed"] = observed & s["mean"].notna()
    s["value"] = s["mean"].where(s["observed"])
    if missing == "interpolate":
        s["value"] = s["value"].interpolate(method="linear", limit_area="inside")
    s = s.reset_index(names="period_start")
    s["period"] = [period_label(p, by) for p in s["period_start"]]
    return s[columns]


def find_breaks(
    values: np.ndarray, *, penalty: float = 2.0, min_size: int = 3
) -> tuple[list[int], float]:
    """PELT break indices (first index of each new segment) and the penalty β used."""
    x = np.asarray(values, dtype=float)
    n = len(x)
    variance = float(np.var(x)) if n else 0.0
    beta = penalty * variance * math.log(n) if n > 1 else 0.0
    if n < 2 * min_size or variance == 0.0:
        return [], beta
    algo = ruptures.Pelt(model="l2", min_size=min_size, jump=1).fit(x)
    return [int(k) for k in algo.predict(pen=beta)[:-1]], beta


def _check(by: str, min_events: int, missing: str, penalty: float, min_size: int) -> None:
    check_period(by)
    if missing not in MISSING_CHOICES:
        raise InputError(f"missing={missing!r}: choose one of {', '.join(MISSING_CHOICES)}")
    if min_events < 1:
        raise InputError(f"min_events={min_events}: give 1 or more")
    if not penalty > 0:
        raise InputError(f"penalty={penalty}: give a positive multiplier (default 2)")
    if min_size < 1:
        raise InputError(f"min_size={min_size}: give 1 or more (default 3)")


def changes(
    con: Connectable,
    a: str,
    b: str,
    *,
    by: str = "month",
    min_events: int = 1,
    symmetric: bool = False,
    missing: str = "drop",
    penalty: float = 2.0,
    min_size: int = 3,
    top: int = 5,
    origins: Iterable[str] | None = None,
    epistemic: Iterable[str] | None = DEFAULT_EPISTEMIC,
    count: str = "events",
    reviewed: bool = False,
) -> ChangeAnalysis:
    """Breaks in the dyad's mean-Goldstein series (see the module docstring for the rules).

    ``count`` and ``reviewed`` choose the rows counted (analysis._backend.events_table).
    """
    a, b = actor_codes(a, b)
    _check(by, min_events, missing, penalty, min_size)
    with open_backend(con) as backend:
        events = events_table(backend, count=count, reviewed=reviewed)
        counts = fetch(
            goldstein_by_period(events, a, b, by=by, origins=origins, epistemic=epistemic)
        )
        series = build_series(
            counts, by, min_events=min_events, symmetric=symmetric, missing=missing
        )
        used = series[series["value"].notna()].reset_index(drop=True)
        found, beta = find_breaks(used["value"].to_numpy(), penalty=penalty, min_size=min_size)
        bounds = [0, *found, len(used)]
        breaks = []
        for i, k in enumerate(found):
            start = used.loc[k, "period_start"]
            evidence = fetch(
                top_events(
                    events,
                    a,
                    b,
                    shift_period(start, by, -1),
                    shift_period(start, by, 2),
                    top=top,
                    origins=origins,
                    epistemic=epistemic,
                )
            )
            before = float(used["value"].iloc[bounds[i] : k].mean())
            after = float(used["value"].iloc[k : bounds[i + 2]].mean())
            breaks.append(
                ChangePoint(
                    period=used.loc[k, "period"],
                    period_start=start.isoformat(),
                    previous_period=used.loc[k - 1, "period"],
                    before_mean=before,
                    after_mean=after,
                    shift=after - before,
                    top_events=records(evidence),
                )
            )
    return ChangeAnalysis(a, b, by, beta, series, breaks)
