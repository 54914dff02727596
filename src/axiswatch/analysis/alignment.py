"""UN General Assembly voting alignment of country pairs per session or calendar year.

Formulas (METHODS §3.2), with x ∈ {1 yes, 2 abstain, 3 no} and δ_k = |x_ik - x_jk| / 2 over
the N roll calls on which *both* countries voted yes, abstain or no (an absence is never an
abstention; 'absent' and 'nonmember' rows are ignored)::

    A = (1/N) Σ 1[x_ik = x_jk]            L = (1/N) Σ (1 - δ_k)
    S_abs = 1 - (2/N) Σ δ_k = 2L - 1      S_sq = 1 - (2/N) Σ δ_k²
    κ = 1 - D_o / Σ_a Σ_b p_i(a) p_j(b) δ(a, b)     π: the same with p̄ = (p_i + p_j) / 2

κ and π come linear (δ) and quadratic (δ²). N = 0 or a zero denominator gives NaN. The pair
counts (N, agreements, Σδ, Σδ², each side's yes/abstain/no counts) are one Ibis expression;
κ and π follow from those counts in Python. On a workspace connection ``votes_align`` runs
three or four queries compiled once per argument shape (see
:func:`axiswatch.analysis.compiled.template_sql`): the held datasets, the pair counts with the
periods in range, and the ideal points; elsewhere the Ibis expressions run as they are.

Periods: ``by="session"`` keeps sessions whose opening year (session + 1945; a session opens
in September) lies in [start, end]; a roll call without a session gets the one its date falls
in. ``by="year"`` uses the calendar year of the roll-call date. Ideal points and their absolute
distance are added when the table ``un_idealpoints`` is present (see ``idealpoints``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import duckdb
import ibis
import pandas as pd
from ibis.backends import BaseBackend

from axiswatch.analysis._backend import (
    Connectable,
    fetch,
    has_table,
    open_backend,
    table,
    workspace_tables,
)
from axiswatch.analysis.compiled import param, run_template
from axiswatch.analysis.periods import check_period
from axiswatch.errors import InputError, NotFoundError

BY_CHOICES: tuple[str, ...] = ("session", "year")
VOTE_CODES: dict[str, int] = {"yes": 1, "abstain": 2, "no": 3}
CATEGORIES: tuple[int, ...] = (1, 2, 3)
SESSION_OFFSET = 1945
SUCCESSION = dt.date(1991, 12, 25)
MEASURES: tuple[str, ...] = (
    "agree",
    "lijphart",
    "s_abs",
    "s_sq",
    "kappa_lin",
    "kappa_sq",
    "pi_lin",
    "pi_sq",
)
IDEALPOINT_PREFERENCE: dict[str, tuple[str, ...]] = {
    "session": ("idealpointlegacy", "idealpointall"),
    "year": ("idealpointfp", "idealpointall"),
}


def country_codes(countries: Sequence[str]) -> list[str]:
    """ISO3 codes upper-cased; at least two, distinct, three letters each."""
    codes = [c.strip().upper() for c in countries]
    bad = [c for c in codes if len(c) != 3 or not c.isalpha()]
    if bad:
        raise InputError(f"countries {', '.join(bad)}: give ISO 3166-1 alpha-3 codes, e.g. RUS")
    if len(codes) < 2 or len(set(codes)) != len(codes):
        raise InputError(f"countries {', '.join(codes)}: give at least two distinct codes")
    return codes


def _period(rollcalls: ibis.Table, by: str) -> ibis.Value:
    if by == "year":
        return rollcalls.date.year()
    opened = rollcalls.date.year() - SESSION_OFFSET - ibis.ifelse(rollcalls.date.month() < 9, 1, 0)
    return ibis.coalesce(rollcalls.session, opened)


def rollcalls_in_range(
    rollcalls: ibis.Table,
    *,
    by: str = "session",
    start: int = 1991,
    end: int = 2024,
    dataset: str | None = None,
    dataset_version: str | None = None,
) -> ibis.Table:
    """Ibis expression: one row per roll call (rcid, dataset, version) with its ``period``.

    A roll call stored more than once (e.g. with two dates) counts once, in its first period.
    """
    check_period(by, BY_CHOICES)
    first, last = _period_bounds(by, start, end)
    return _rollcalls_between(rollcalls, by, first, last, dataset, dataset_version)


def _period_bounds(by: str, start: int, end: int) -> tuple[int, int]:
    """The first and last period of the years ``start``..``end`` (sessions by opening year)."""
    return (start - SESSION_OFFSET, end - SESSION_OFFSET) if by == "session" else (start, end)


def _rollcalls_between(
    rollcalls: ibis.Table,
    by: str,
    first: int | ibis.Value,
    last: int | ibis.Value,
    dataset: str | None,
    version: str | None,
) -> ibis.Table:
    rc = _dataset_filter(rollcalls, dataset, version)
    rc = rc.group_by(["rcid", "dataset", "dataset_version"]).aggregate(period=_period(rc, by).min())
    return rc.filter(rc.period.between(first, last))


def cast_votes(
    rollcalls: ibis.Table,
    votes: ibis.Table,
    countries: Sequence[str],
    *,
    by: str = "session",
    start: int = 1991,
    end: int = 2024,
    dataset: str | None = None,
    dataset_version: str | None = None,
    successors: bool = False,
) -> ibis.Table:
    """Ibis expression: yes/abstain/no votes (x = 1/2/3) of the countries with their period.

    ``successors``: the Soviet Union's votes (SUN) are read as Russia's (RUS).
    """
    rc = rollcalls_in_range(
        rollcalls, by=by, start=start, end=end, dataset=dataset, dataset_version=dataset_version
    )
    return _cast(rc, votes, countries, successors)


def _cast(
    rc: ibis.Table, votes: ibis.Table, countries: Sequence[str], successors: bool
) -> ibis.Table:
    """The votes of ``countries`` on the roll calls ``rc`` (with their period), x = 1/2/3."""
    if successors:
        votes = votes.mutate(country=votes.country.substitute({"SUN": "RUS"}))
    v = votes.filter(votes.country.isin(list(countries)), votes.vote.isin(list(VOTE_CODES)))
    x = ibis.cases(*((v.vote == name, code) for name, code in VOTE_CODES.items()))
    v = v.mutate(x=x)
    joined = v.join(
        rc, [v.rcid == rc.rcid, v.dataset == rc.dataset, v.dataset_version == rc.dataset_version]
    )
    return joined.select(v.rcid, v.dataset, v.dataset_version, rc.period, v.country, v.x)


def _dataset_filter(t: ibis.Table, dataset: str | None, version: str | None) -> ibis.Table:
    if dataset is not None:
        t = t.filter(t.dataset == dataset)
    if version is not None:
        t = t.filter(t.dataset_version == version)
    return t


def pair_counts(cast: ibis.Table) -> ibis.Table:
    """Ibis expression: per period and pair (a < b) the counts the measures are built from."""
    return _pair_aggregate(cast).order_by("period", "a", "b")


def _pair_aggregate(cast: ibis.Table) -> ibis.Table:
    left = cast.select("rcid", "dataset", "dataset_version", "period", a="country", xa="x")
    right = cast.select(
        rcid_b="rcid", dataset_b="dataset", version_b="dataset_version", b="country", xb="x"
    )
    j = left.join(
        right,
        [
            left.rcid == right.rcid_b,
            left.dataset == right.dataset_b,
            left.dataset_version == right.version_b,
            left.a < right.b,
        ],
    )
    delta = (j.xa - j.xb).abs().cast("float64") / 2
    j = j.mutate(delta=delta)
    counts: dict[str, ibis.Value] = {
        "n": j.count(),
        "n_same": j.count(where=j.xa == j.xb),
        "sum_delta": j.delta.sum(),
        "sum_delta_sq": (j.delta * j.delta).sum(),
    }
    for side in ("a", "b"):
        for name, code in VOTE_CODES.items():
            counts[f"{side}_{name}"] = j.count(where=j[f"x{side}"] == code)
    return j.group_by(["period", "a", "b"]).aggregate(**counts)


_DELTA: tuple[tuple[float, ...], ...] = tuple(
    tuple(abs(a - b) / 2 for b in CATEGORIES) for a in CATEGORIES
)
"""δ(a, b) between the vote categories."""


def _expected(p: Sequence[float], q: Sequence[float], power: int) -> float:
    """Σ_a Σ_b p(a) q(b) δ(a, b)^power, summed as ``p @ δ @ q`` (plain floats: cheaper than
    numpy for three categories)."""
    total = 0.0
    for j, qj in enumerate(q):
        v = 0.0
        for i, pi in enumerate(p):
            v += pi * _DELTA[i][j] ** power
        total += v * qj
    return total


def _ratio(observed: float, expected: float) -> float:
    return 1 - observed / expected if expected > 0 else math.nan


def measures(row: dict) -> dict[str, float]:
    """A, L, S and κ/π (linear and quadratic) from one row of ``pair_counts``."""
    n = int(row["n"])
    if n == 0:
        return dict.fromkeys(MEASURES, math.nan)
    d_lin, d_sq = row["sum_delta"] / n, row["sum_delta_sq"] / n
    p = [float(row[f"a_{k}"]) / n for k in VOTE_CODES]
    q = [float(row[f"b_{k}"]) / n for k in VOTE_CODES]
    m = [(x + y) / 2 for x, y in zip(p, q, strict=True)]
    return {
        "agree": row["n_same"] / n,
        "lijphart": 1 - d_lin,
        "s_abs": 1 - 2 * d_lin,
        "s_sq": 1 - 2 * d_sq,
        "kappa_lin": _ratio(d_lin, _expected(p, q, 1)),
        "kappa_sq": _ratio(d_sq, _expected(p, q, 2)),
        "pi_lin": _ratio(d_lin, _expected(m, m, 1)),
        "pi_sq": _ratio(d_sq, _expected(m, m, 2)),
    }


@dataclass(frozen=True)
class VoteDataset:
    """The vote dataset an alignment reads, and why it was chosen."""

    dataset: str
    version: str
    first: dt.date
    last: dt.date
    reason: str


Span = tuple[str, str, Any, Any, Any]
"""A held dataset: (dataset, version, first date, last date, imported_at or None)."""


def choose_dataset(
    backend: BaseBackend,
    dataset: str | None,
    version: str | None,
    *,
    start: int,
    end: int,
) -> VoteDataset:
    """The dataset to read: the one asked for, else the newest covering most of the years.

    Candidates are the latest version of each dataset (or ``version``). Ties in coverage go to
    the dataset whose data end later, then to the later import.
    """
    rc = _dataset_filter(table(backend, "un_rollcalls"), dataset, version)
    spans = fetch(
        rc.group_by(["dataset", "dataset_version"]).aggregate(
            first=rc.date.min(), last=rc.date.max()
        )
    )
    imported = {}
    if has_table(backend, "datasets"):
        ds = table(backend, "datasets")
        for row in fetch(ds.select("dataset", "version", "imported_at")).to_dict("records"):
            imported[(row["dataset"], row["version"])] = row["imported_at"]
    held = [
        (r["dataset"], r["dataset_version"], r["first"], r["last"])
        for r in spans.to_dict("records")
    ]
    return _pick_dataset(
        [(*h, imported.get(h[:2])) for h in held], dataset, version, start=start, end=end
    )


def _spans(
    rollcalls: ibis.Table, datasets: ibis.Table | None, dataset: str | None, version: str | None
) -> ibis.Table:
    """Ibis expression: the :data:`Span` rows of the held datasets (one query)."""
    rc = _dataset_filter(rollcalls, dataset, version)
    spans = rc.group_by(["dataset", "dataset_version"]).aggregate(
        first=rc.date.min(), last=rc.date.max()
    )
    if datasets is None:
        return spans.mutate(imported_at=ibis.null("timestamp"))
    ds = datasets.select(ds_name="dataset", ds_version="version", imported_at="imported_at")
    joined = spans.left_join(
        ds, [spans.dataset == ds.ds_name, spans.dataset_version == ds.ds_version]
    )
    return joined.select("dataset", "dataset_version", "first", "last", "imported_at")


def _pick_dataset(
    spans: Sequence[Span], dataset: str | None, version: str | None, *, start: int, end: int
) -> VoteDataset:
    """:func:`choose_dataset`'s choice among the held datasets."""
    held = sorted((d, v, _day(f), _day(t)) for d, v, f, t, _ in spans)  # rows come unordered
    imported = {(d, v): when for d, v, _, _, when in spans if when is not None}
    if not held:
        wanted = f" of dataset {dataset!r}" if dataset else ""
        raise NotFoundError(
            f"the workspace has no UN roll calls{wanted}: run `axiswatch reference install` "
            "or `axiswatch import unvotes PATH`"
        )
    if version is None:  # only each dataset's latest import (or version, unknown) competes
        latest: dict[str, tuple[str, str, dt.date, dt.date]] = {}
        for item in held:
            seen = latest.get(item[0])
            if seen is None or (imported.get(item[:2]) or dt.datetime.min) >= (
                imported.get(seen[:2]) or dt.datetime.min
            ):
                latest[item[0]] = item
        held = list(latest.values())

    def years(item: tuple[str, str, dt.date, dt.date]) -> int:
        return max(0, min(end, item[3].year) - max(start, item[2].year) + 1)

    ranked = sorted(
        held,
        key=lambda i: (years(i), i[3], imported.get(i[:2]) or dt.datetime.min),
        reverse=True,
    )
    best = ranked[0]
    others = ", ".join(f"{d} ({f.year}-{t.year})" for d, _, f, t in ranked[1:])
    if dataset:
        reason = f"{best[0]} as asked"
    elif years(best) == 0:
        listed = ", ".join(f"{d} ({f.year}-{t.year})" for d, _, f, t in ranked)
        raise NotFoundError(
            f"no UN vote dataset covers {start}-{end} (the workspace holds {listed}); "
            "import one that does, or choose one with --dataset"
        )
    else:
        reason = f"{best[0]}: the newest covering {start}-{end}" + (
            f" (also held: {others}; choose with --dataset)" if others else ""
        )
    return VoteDataset(best[0], best[1], best[2], best[3], reason)


def _day(value: Any) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


Points = dict[tuple[int, str], float]
"""Ideal points by (period, country)."""


def _idealpoint_choice(
    available: Iterable[tuple[str, str]], by: str, measure: str | None
) -> tuple[str, str] | None:
    """The (measure, version) to read among the (measure, version) pairs stored: the measure
    asked for or the preferred one for ``by``, in its latest version."""
    available = set(available)
    for name in [measure] if measure else IDEALPOINT_PREFERENCE[by]:
        versions = sorted(v for m, v in available if m == name)
        if versions:
            return name, versions[-1]
    if measure:
        raise InputError(
            f"ideal point measure {measure!r} has no {by} values; choose one of "
            f"{', '.join(sorted({m for m, _ in available})) or '(none stored)'}"
        )
    return None


def _idealpoints(
    backend: BaseBackend, countries: Sequence[str], by: str, measure: str | None
) -> Points | None:
    if not has_table(backend, "un_idealpoints"):
        return None
    ip = table(backend, "un_idealpoints")
    ip = ip.filter(ip.country.isin(list(countries)), ip[by].notnull())
    available = fetch(ip.select("measure", "dataset_version").distinct())
    choice = _idealpoint_choice(
        zip(available["measure"], available["dataset_version"], strict=True), by, measure
    )
    if choice is None:
        return None
    chosen = ip.filter(ip.measure == choice[0], ip.dataset_version == choice[1])
    frame = fetch(chosen.select(period=chosen[by], country="country", idealpoint="idealpoint"))
    return {
        (int(r["period"]), r["country"]): float(r["idealpoint"]) for r in frame.to_dict("records")
    }


def _idealpoint_rows(ip: ibis.Table, countries: Sequence[Any], by: str) -> ibis.Table:
    """Ibis expression: the stored ideal points of ``countries`` per ``by`` (every measure)."""
    ip = ip.filter(ip.country.isin(list(countries)), ip[by].notnull())
    return ip.select("measure", "dataset_version", ip[by].name("period"), "country", "idealpoint")


COUNT_COLUMNS: tuple[str, ...] = (
    "period",
    "a",
    "b",
    "n",
    "n_same",
    "sum_delta",
    "sum_delta_sq",
    *(f"{side}_{k}" for side in "ab" for k in VOTE_CODES),
)
"""The columns of ``pair_counts``."""
VOTE_TABLES: tuple[str, ...] = ("un_rollcalls", "un_votes", "datasets", "un_idealpoints")


def _counts_and_periods(
    rollcalls: ibis.Table,
    votes: ibis.Table,
    countries: Sequence[Any],
    by: str,
    first: ibis.Value,
    last: ibis.Value,
    dataset: Any,
    version: Any,
    successors: bool,
) -> ibis.Table:
    """Ibis expression: ``pair_counts`` of the roll calls in range, and one row per period in
    range with ``a`` null (the periods ``votes_align`` lists)."""
    rollcalls = rollcalls.select("rcid", "session", "date", "dataset", "dataset_version")
    votes = votes.select("rcid", "country", "vote", "dataset", "dataset_version")
    rc = _rollcalls_between(rollcalls, by, first, last, dataset, version)
    counts = _pair_aggregate(_cast(rc, votes, countries, successors))
    periods = rc.select("period").distinct()
    nulls = {c: ibis.null(counts[c].type()) for c in counts.columns if c != "period"}
    return counts.union(periods.mutate(**nulls).select(*counts.columns), distinct=False)


def _fast_align(
    con: duckdb.DuckDBPyConnection,
    tables: set[str],
    codes: list[str],
    *,
    start: int,
    end: int,
    by: str,
    dataset: str | None,
    dataset_version: str | None,
    idealpoint_measure: str | None,
    merged: bool,
) -> tuple[VoteDataset, list[dict], list[int], Points | None] | None:
    """The dataset, pair counts, periods and ideal points of :func:`votes_align` from SQL cached
    per argument shape (dataset, years and codes as DuckDB parameters; no Ibis on a hit).
    None when a query could not be cached: the caller then goes through Ibis."""
    has_ds = "datasets" in tables
    asked = [v for v in (dataset, dataset_version) if v is not None]

    def spans(backend: BaseBackend) -> ibis.Table:
        marks = iter(param(k) for k in range(len(asked)))
        return _spans(
            table(backend, "un_rollcalls"),
            table(backend, "datasets") if has_ds else None,
            None if dataset is None else next(marks),
            None if dataset_version is None else next(marks),
        )

    key = ("votes_spans", has_ds, dataset is None, dataset_version is None)
    held = run_template(con, key, asked, spans)
    if held is None:
        return None
    chosen = _pick_dataset(held, dataset, dataset_version, start=start, end=end)
    values = [chosen.dataset, chosen.version, *_period_bounds(by, start, end), *codes]

    def counts(backend: BaseBackend) -> ibis.Table:
        marks = [param(k) for k in range(len(values))]
        return _counts_and_periods(
            table(backend, "un_rollcalls"),
            table(backend, "un_votes"),
            marks[4:],
            by,
            ibis.literal(marks[2]).cast("int64"),
            ibis.literal(marks[3]).cast("int64"),
            marks[0],
            marks[1],
            merged,
        )

    rows = run_template(con, ("votes_counts", by, len(codes), merged), values, counts)
    if rows is None:
        return None
    periods = sorted({int(r[0]) for r in rows})
    found = [dict(zip(COUNT_COLUMNS, r, strict=True)) for r in rows if r[1] is not None]
    ideal = None
    if "un_idealpoints" in tables:

        def points(backend: BaseBackend) -> ibis.Table:
            marks = [param(k) for k in range(len(codes))]
            return _idealpoint_rows(table(backend, "un_idealpoints"), marks, by)

        stored = run_template(con, ("votes_idealpoints", by, len(codes)), codes, points)
        if stored is None:
            return None
        choice = _idealpoint_choice((r[:2] for r in stored), by, idealpoint_measure)
        if choice is not None:
            ideal = {(int(p), c): float(x) for m, v, p, c, x in stored if (m, v) == choice}
    return chosen, found, periods, ideal


def votes_align(
    con: Connectable,
    countries: Sequence[str],
    *,
    start: int = 1991,
    end: int = 2024,
    by: str = "session",
    dataset: str | None = None,
    dataset_version: str | None = None,
    idealpoint_measure: str | None = None,
    successors: bool = True,
) -> pd.DataFrame:
    """Alignment of every pair of ``countries`` (in the order given) per session or year.

    Without ``dataset`` the newest dataset covering most of the period is read. With
    ``successors``, Russia's seat continues the Soviet Union's (SUN votes count as RUS when SUN
    is not asked for itself). ``frame.attrs`` holds ``dataset``, ``dataset_version`` and
    ``notes`` (the choice and the join, for display). On a workspace connection the queries
    run as SQL cached per argument shape; elsewhere as Ibis expressions.
    """
    codes = country_codes(countries)
    check_period(by, BY_CHOICES)
    if start > end:
        raise InputError(f"start {start} is after end {end}")
    merged = successors and "RUS" in codes and "SUN" not in codes
    fast = None
    tables = workspace_tables(con, VOTE_TABLES) or set()
    if isinstance(con, duckdb.DuckDBPyConnection) and {"un_rollcalls", "un_votes"} <= tables:
        fast = _fast_align(
            con,
            tables,
            codes,
            start=start,
            end=end,
            by=by,
            dataset=dataset,
            dataset_version=dataset_version,
            idealpoint_measure=idealpoint_measure,
            merged=merged,
        )
    if fast is not None:
        chosen, counts, periods, ideal = fast
    else:
        chosen, counts, periods, ideal = _ibis_align(
            con, codes, start, end, by, dataset, dataset_version, idealpoint_measure, merged
        )
    frame = _assemble(counts, periods, codes, by, ideal)
    frame.attrs["dataset"] = chosen.dataset
    frame.attrs["dataset_version"] = chosen.version
    notes = [
        f"dataset: {chosen.dataset} {chosen.version} ({chosen.first}..{chosen.last}); "
        f"{chosen.reason}"
    ]
    if merged and start <= SUCCESSION.year:
        notes.append(
            "RUS includes the Soviet Union's (SUN) votes up to 24 Dec 1991: one continuous "
            "seat (successors=False / --no-successors keeps them apart)"
        )
    frame.attrs["notes"] = notes
    return frame


def _ibis_align(
    con: Connectable,
    codes: list[str],
    start: int,
    end: int,
    by: str,
    dataset: str | None,
    dataset_version: str | None,
    idealpoint_measure: str | None,
    merged: bool,
) -> tuple[VoteDataset, list[dict], list[int], Points | None]:
    """What :func:`_fast_align` gives, from Ibis expressions (any backend)."""
    with open_backend(con) as backend:
        chosen = choose_dataset(backend, dataset, dataset_version, start=start, end=end)
        ds, version = chosen.dataset, chosen.version
        rollcalls, votes = table(backend, "un_rollcalls"), table(backend, "un_votes")
        cast = cast_votes(
            rollcalls,
            votes,
            codes,
            by=by,
            start=start,
            end=end,
            dataset=ds,
            dataset_version=version,
            successors=merged,
        )
        counts = fetch(pair_counts(cast)).to_dict("records")
        in_range = rollcalls_in_range(
            rollcalls, by=by, start=start, end=end, dataset=ds, dataset_version=version
        )
        periods = fetch(in_range.select("period").distinct())["period"]
        ideal = _idealpoints(backend, codes, by, idealpoint_measure)
    return chosen, counts, sorted(int(p) for p in periods), ideal


def _assemble(
    counts: Iterable[dict], periods: list[int], codes: list[str], by: str, ideal: Points | None
) -> pd.DataFrame:
    index = {(int(r["period"]), r["a"], r["b"]): r for r in counts}
    pairs = list(combinations(codes, 2))
    columns = [by, "a", "b", "n", "n_same", *MEASURES]
    if ideal is not None:
        columns += ["idealpoint_a", "idealpoint_b", "idealpoint_distance"]
    data: dict[str, list] = {c: [] for c in columns}
    nan = math.nan
    for period in periods:
        for a, b in pairs:
            found = index.get((period, min(a, b), max(a, b)))
            row = _oriented(found, a, b)
            data[by].append(period)
            data["a"].append(a)
            data["b"].append(b)
            data["n"].append(int(row["n"]))
            data["n_same"].append(int(row["n_same"]))
            for name, value in measures(row).items():
                data[name].append(value)
            if ideal is not None:
                pa, pb = ideal.get((period, a), nan), ideal.get((period, b), nan)
                data["idealpoint_a"].append(pa)
                data["idealpoint_b"].append(pb)
                data["idealpoint_distance"].append(abs(pa - pb))
    return pd.DataFrame(data, columns=columns)


def _oriented(row: dict | None, a: str, b: str) -> dict:
    """The count row with side 'a' being country ``a`` (zeros when the pair never voted)."""
    if row is None:
        empty = {f"{s}_{k}": 0 for s in "ab" for k in VOTE_CODES}
        return {"n": 0, "n_same": 0, "sum_delta": 0.0, "sum_delta_sq": 0.0, **empty}
    if row["a"] == a:
        return row
    swapped = dict(row)
    for k in VOTE_CODES:
        swapped[f"a_{k}"], swapped[f"b_{k}"] = row[f"b_{k}"], row[f"a_{k}"]
    return swapped
