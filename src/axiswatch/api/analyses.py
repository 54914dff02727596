"""The analyses (dyad, triangle, voting alignment, change points) as JSON-ready dicts.

Each function takes a Workspace and the query values, calls the analysis and adds what a
reader needs to follow a figure back to its sources: the period's date bounds and the link to
the events behind each triangle sign.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from axiswatch.analysis.changepoints import changes
from axiswatch.analysis.periods import check_period, shift_period
from axiswatch.analysis.records import records
from axiswatch.analysis.selection import DEFAULT_EPISTEMIC, epistemic_values
from axiswatch.errors import InputError
from axiswatch.workspace import Workspace

DEFAULT_TRIANGLE: tuple[str, str, str] = ("CHN", "RUS", "PRK")


def epistemic_choice(values: Sequence[str] | None) -> tuple[str, ...] | None:
    """Statuses to keep: none given → asserted and reported; 'all' → every status."""
    items = [v.strip() for value in values or () for v in value.split(",") if v.strip()]
    if not items:
        return DEFAULT_EPISTEMIC
    if "all" in items:
        return None
    return epistemic_values(items)


def period_end(start: dt.date, by: str) -> dt.date:
    """The last day of the period that starts on ``start``."""
    return shift_period(start, by, 1) - dt.timedelta(days=1)


def sign_events_link(
    a: str,
    b: str,
    start: dt.date,
    by: str,
    *,
    api: bool = False,
    window: int = 1,
    count: str = "events",
    reviewed: bool = False,
) -> str:
    """The timeline (or /api/events) of the A-B events of one period (and the window's
    earlier periods)."""
    first = shift_period(start, by, 1 - window)
    values = {
        "dyad": f"{a}-{b}",
        "since": first.isoformat(),
        "until": period_end(start, by).isoformat(),
    }
    if count != "events":
        values["count"] = count
    if reviewed:
        values["review"] = "reviewed"
    query = urlencode(values)
    return f"/api/events?{query}" if api else f"/timeline?{query}"


def dyad_json(
    ws: Workspace,
    a: str,
    b: str,
    *,
    by: str = "year",
    epistemic: Sequence[str] | None = None,
    count: str = "events",
    reviewed: bool = False,
) -> dict[str, Any]:
    """The A-B series per period and direction."""
    keep = epistemic_choice(epistemic)
    frame = ws.dyad(a, b, by=by, epistemic=keep, count=count, reviewed=reviewed)
    return {
        "a": a.upper(),
        "b": b.upper(),
        "by": by,
        "count": count,
        "reviewed": reviewed,
        "epistemic": list(keep) if keep else "all",
        "series": records(frame),
    }


def triangle_json(
    ws: Workspace,
    a: str,
    b: str,
    c: str,
    *,
    by: str = "year",
    tau: float = 1.0,
    n_min: int = 1,
    symmetric: bool = False,
    epistemic: Sequence[str] | None = None,
    window: int = 1,
    count: str = "events",
    reviewed: bool = False,
) -> dict[str, Any]:
    """The triangle per period; each dyad carries links to the events behind its sign."""
    keep = epistemic_choice(epistemic)
    periods = ws.triangle_periods(
        a,
        b,
        c,
        by=by,
        tau=tau,
        n_min=n_min,
        symmetric=symmetric,
        epistemic=keep,
        window=window,
        count=count,
        reviewed=reviewed,
    )
    scope = {"count": count, "reviewed": reviewed}
    for period in periods:
        start = dt.date.fromisoformat(period["period_start"])
        period["period_end"] = period_end(start, by).isoformat()
        for dyad in period["dyads"]:
            dyad["links"] = {
                "events": sign_events_link(
                    dyad["a"], dyad["b"], start, by, api=True, window=window, **scope
                ),
                "timeline": sign_events_link(
                    dyad["a"], dyad["b"], start, by, window=window, **scope
                ),
            }
    return {
        "actors": [x.upper() for x in (a, b, c)],
        "by": by,
        "tau": tau,
        "n_min": n_min,
        "symmetric": symmetric,
        "window": window,
        "count": count,
        "reviewed": reviewed,
        "epistemic": list(keep) if keep else "all",
        "latest": periods[-1] if periods else None,
        "periods": periods,
    }


def parse_countries(value: str) -> list[str]:
    """'RUS,CHN' (or spaces) → ['RUS', 'CHN']."""
    codes = [c.strip().upper() for c in value.replace(" ", ",").split(",") if c.strip()]
    if len(codes) < 2:
        raise InputError(f"countries={value!r}: give at least two codes, e.g. RUS,CHN")
    return codes


def votes_json(
    ws: Workspace,
    countries: str,
    *,
    start: int = 1991,
    end: int = 2024,
    by: str = "session",
    dataset: str | None = None,
    successors: bool = True,
) -> dict[str, Any]:
    """UN General Assembly voting alignment of every pair of the countries."""
    codes = parse_countries(countries)
    frame = ws.votes_align(
        codes, start=start, end=end, by=by, dataset=dataset, successors=successors
    )
    return {
        "countries": codes,
        "by": by,
        "from": start,
        "to": end,
        "dataset": frame.attrs.get("dataset"),
        "dataset_version": frame.attrs.get("dataset_version"),
        "notes": frame.attrs.get("notes", []),
        "rows": records(frame),
    }


def changes_json(
    ws: Workspace,
    a: str,
    b: str,
    *,
    by: str = "month",
    penalty: float = 2.0,
    epistemic: Sequence[str] | None = None,
    count: str = "events",
    reviewed: bool = False,
) -> dict[str, Any]:
    """Change points in the A-B mean-Goldstein series, with the series itself."""
    check_period(by)
    if penalty <= 0:
        raise InputError(f"penalty={penalty}: give a positive number (default 2)")
    analysis = changes(
        ws.con,
        a,
        b,
        by=by,
        penalty=penalty,
        epistemic=epistemic_choice(epistemic),
        count=count,
        reviewed=reviewed,
    )
    return analysis.to_dict()
