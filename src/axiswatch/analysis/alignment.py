"""UN General Assembly voting alignment of country pairs per session or calendar year.

Formulas (METHODS §3.2), with x ∈ {1 yes, 2 abstain, 3 no} and δ_k = |x_ik - x_jk| / 2 over
the N roll calls on which *both* countries voted yes, abstain or no (an absence is never an
abstention; 'absent' and 'nonmember' rows are ignored)::

    A = (1/N) Σ 1[x_ik = x_jk]            L = (1/N) Σ (1 - δ_k)
    S_abs = 1 - (2/N) Σ δ_k = 2L - 1      S_sq = 1 - (2/N) Σ δ_k²
    κ = 1 - D_o / Σ_a Σ_b p_i(a) p_j(b) δ(a, b)     π: the same with p̄ = (p_i + p_j) / 2

κ and π come linear (δ) and quadratic (δ²). N = 0 or a zero denominator gives NaN. The pair
counts (N, agreements, Σδ, Σδ², each side's yes/abstain/no counts) are one Ibis expression;
κ and π follow from those counts in pandas.

Periods: ``by="session"`` keeps sessions whose opening year (session + 1945; a session opens
in September) lies in [start, end]; a roll call without a session gets the one its date falls
in. ``by="year"`` uses the calendar year of the roll-call date. Ideal points and their absolute
distance are added when the table ``un_idealpoints`` is present (see ``idealpoints``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import ibis
import numpy as np
import pandas as pd
from ibis.backends import BaseBackend

from axiswatch.analysis._backend import Connectable, fetch, has_table, open_backend, table
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
    rc = _dataset_filter(rollcalls, dataset, dataset_version)
    rc = rc.group_by(["rcid", "dataset", "dataset_version"]).aggregate(period=_period(rc, by).min())
    first, last = (
        (start - SESSION_OFFSET, end - SESSION_OFFSET) if by == "session" else (start, end)
    )
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
    return j.group_by(["period", "a", "b"]).aggregate(**counts).order_by("period", "a", "b")


def _expected(p: np.ndarray, q: np.ndarray, power: int) -> float:
    cats = np.array(CATEGORIES, dtype=float)
    delta = (np.abs(cats[:, None] - cats[None, :]) / 2) ** power
    return float(p @ delta @ q)


def _ratio(observed: float, expected: float) -> float:
    return 1 - observed / expected if expected > 0 else math.nan


def measures(row: dict) -> dict[str, float]:
    """A, L, S and κ/π (linear and quadratic) from one row of ``pair_counts``."""
    n = int(row["n"])
    if n == 0:
        return dict.fromkeys(MEASURES, math.nan)
    d_lin, d_sq = row["sum_delta"] / n, row["sum_delta_sq"] / n
    p = np.array([row[f"a_{k}"] for k in VOTE_CODES], dtype=float) / n
    q = np.array([row[f"b_{k}"] for k in VOTE_CODES], dtype=float) / n
    m = (p + q) / 2
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
        (r["dataset"], r["dataset_version"], _day(r["first"]), _day(r["last"]))
        for r in spans.to_dict("records")
    ]
    if not held:
        wanted = f" of dataset {dataset!r}" if dataset else ""
        raise NotFoundError(
            f"the workspace has no UN roll calls{wanted}: run `axiswatch reference install` "
            "or `axiswatch import unvotes PATH`"
        )
    if version is None:  # only each dataset's latest import competes
        latest: dict[str, tuple[str, str, dt.date, dt.date]] = {}
        for item in held:
            seen = latest.get(item[0])
            when = imported.get(item[:2])
            if seen is None or (when or dt.datetime.min) > (
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


def _idealpoints(
    backend: BaseBackend, countries: Sequence[str], by: str, measure: str | None
) -> pd.DataFrame | None:
    if not has_table(backend, "un_idealpoints"):
        return None
    ip = table(backend, "un_idealpoints")
    ip = ip.filter(ip.country.isin(list(countries)), ip[by].notnull())
    available = fetch(ip.select("measure", "dataset_version").distinct())
    wanted = [measure] if measure else list(IDEALPOINT_PREFERENCE[by])
    for name in wanted:
        versions = sorted(available.loc[available["measure"] == name, "dataset_version"])
        if versions:
            chosen = ip.filter(ip.measure == name, ip.dataset_version == versions[-1])
            return fetch(
                chosen.select(period=chosen[by], country="country", idealpoint="idealpoint")
            )
    if measure:
        raise InputError(
            f"ideal point measure {measure!r} has no {by} values; choose one of "
            f"{', '.join(sorted(set(available['measure']))) or '(none stored)'}"
        )
    return None


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
    ``notes`` (the choice and the join, for display).
    """
    codes = country_codes(countries)
    check_period(by, BY_CHOICES)
    if start > end:
        raise InputError(f"start {start} is after end {end}")
    with open_backend(con) as backend:
        chosen = choose_dataset(backend, dataset, dataset_version, start=start, end=end)
        ds, version = chosen.dataset, chosen.version
        rollcalls, votes = table(backend, "un_rollcalls"), table(backend, "un_votes")
        merged = successors and "RUS" in codes and "SUN" not in codes
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
        counts = fetch(pair_counts(cast))
        in_range = rollcalls_in_range(
            rollcalls, by=by, start=start, end=end, dataset=ds, dataset_version=version
        )
        periods = fetch(in_range.select("period").distinct())["period"]
        ideal = _idealpoints(backend, codes, by, idealpoint_measure)
    frame = _assemble(counts, sorted(int(p) for p in periods), codes, by, ideal)
    frame.attrs["dataset"] = ds
    frame.attrs["dataset_version"] = version
    notes = [f"dataset: {ds} {version} ({chosen.first}..{chosen.last}); {chosen.reason}"]
    if merged and start <= SUCCESSION.year:
        notes.append(
            "RUS includes the Soviet Union's (SUN) votes up to 24 Dec 1991: one continuous "
            "seat (successors=False / --no-successors keeps them apart)"
        )
    frame.attrs["notes"] = notes
    return frame


def _assemble(
    counts: pd.DataFrame, periods: list[int], codes: list[str], by: str, ideal: pd.DataFrame | None
) -> pd.DataFrame:
    index = {(int(r["period"]), r["a"], r["b"]): r for r in counts.to_dict("records")}
    points = (
        {}
        if ideal is None
        else {
            (int(r["period"]), r["country"]): float(r["idealpoint"])
            for r in ideal.to_dict("records")
        }
    )
    rows = []
    for period in periods:
        for a, b in combinations(codes, 2):
            found = index.get((period, min(a, b), max(a, b)))
            row = _oriented(found, a, b)
            out = {by: period, "a": a, "b": b, "n": int(row["n"]), "n_same": int(row["n_same"])}
            out.update(measures(row))
            if ideal is not None:
                pa, pb = points.get((period, a), math.nan), points.get((period, b), math.nan)
                out.update(idealpoint_a=pa, idealpoint_b=pb, idealpoint_distance=abs(pa - pb))
            rows.append(out)
    columns = [by, "a", "b", "n", "n_same", *MEASURES]
    if ideal is not None:
        columns += ["idealpoint_a", "idealpoint_b", "idealpoint_distance"]
    return pd.DataFrame(rows, columns=columns)


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
