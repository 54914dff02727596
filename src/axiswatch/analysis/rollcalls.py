"""The roll calls behind one cell of the alignment table: how two states voted, one by one.

A cell of ``votes_align`` (a pair, a session or year) is a count over roll calls; this lists
those roll calls with the date, the resolution and its title, and each state's vote, so an
analyst can read what the agreement figure is made of.
"""

from __future__ import annotations

from typing import Any

import ibis

from axiswatch.analysis._backend import Connectable, fetch, open_backend, table
from axiswatch.analysis.alignment import (
    BY_CHOICES,
    SESSION_OFFSET,
    SUCCESSION,
    cast_votes,
    country_codes,
)
from axiswatch.analysis.periods import check_period

VOTE_NAMES = {1: "yes", 2: "abstain", 3: "no"}


def pair_rollcalls(
    con: Connectable,
    a: str,
    b: str,
    period: int,
    *,
    by: str = "session",
    dataset: str,
    dataset_version: str,
    successors: bool = True,
) -> list[dict[str, Any]]:
    """The roll calls of one period in which both ``a`` and ``b`` voted yes, abstain or no,
    in date order, each with both votes and whether they agree."""
    a, b = country_codes([a, b])
    check_period(by, BY_CHOICES)
    year = period + SESSION_OFFSET if by == "session" else period
    merged = successors and "RUS" in (a, b) and "SUN" not in (a, b)
    with open_backend(con) as backend:
        rollcalls, votes = table(backend, "un_rollcalls"), table(backend, "un_votes")
        cast = cast_votes(
            rollcalls,
            votes,
            [a, b],
            by=by,
            start=year,
            end=year,
            dataset=dataset,
            dataset_version=dataset_version,
            successors=merged,
        )
        cast = cast.filter(cast.period == period)
        pair = cast.group_by(["rcid", "dataset", "dataset_version"]).aggregate(
            xa=ibis.cases((cast.country == a, cast.x)).max(),
            xb=ibis.cases((cast.country == b, cast.x)).max(),
        )
        pair = pair.filter(pair.xa.notnull() & pair.xb.notnull())
        rc = rollcalls.group_by(["rcid", "dataset", "dataset_version"]).aggregate(
            date=rollcalls.date.min(),
            resolution=rollcalls.resolution.max(),
            title=ibis.coalesce(rollcalls.short_title, rollcalls.title).max(),
        )
        joined = pair.join(rc, ["rcid", "dataset", "dataset_version"])
        rows = fetch(joined.order_by(["date", "rcid"]))
    out = []
    for r in rows.astype(object).where(rows.notna(), None).to_dict("records"):
        out.append(
            {
                "rcid": r["rcid"],
                "date": None if r["date"] is None else str(r["date"])[:10],
                "resolution": r["resolution"],
                "title": r["title"],
                a: VOTE_NAMES[int(r["xa"])],
                b: VOTE_NAMES[int(r["xb"])],
                "same": int(r["xa"]) == int(r["xb"]),
            }
        )
    if merged and year <= SUCCESSION.year:
        for row in out:
            row["note"] = "RUS: the Soviet Union's seat until 24 Dec 1991"
    return out
