"""The UN votes pages: alignment of chosen states over sessions (chart and table), and the
roll calls behind each cell of the table."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from axiswatch.analysis.alignment import BY_CHOICES, MEASURES, SESSION_OFFSET
from axiswatch.analysis.records import records
from axiswatch.analysis.rollcalls import pair_rollcalls
from axiswatch.codes import did_you_mean
from axiswatch.errors import InputError
from axiswatch.report.figures import alignment_figure
from axiswatch.web.evidence_pages import query_string
from axiswatch.workspace import Workspace

DEFAULT_COUNTRIES = "CHN,RUS,PRK,USA"


def _year(value: str | None, field: str, default: int) -> int:
    if value in (None, ""):
        return default
    if not value.strip().isdigit() or not 1946 <= int(value) <= 2100:
        raise InputError(f"{field}={value!r}: give a year from 1946, e.g. 1991")
    return int(value)


def _choice(value: str | None, field: str, choices: tuple[str, ...], default: str) -> str:
    if value in (None, ""):
        return default
    if value not in choices:
        raise InputError(f"{field}={value!r}: choose one of {', '.join(choices)}")
    return value


def _check_voters(ws: Workspace, codes: list[str], dataset: str, version: str) -> None:
    """InputError for a code that never voted in the dataset, with the nearest that did."""
    rows = ws.con.execute(
        "SELECT DISTINCT country FROM un_votes WHERE dataset = ? AND dataset_version = ?",
        [dataset, version],
    ).fetchall()
    voters = {r[0] for r in rows} | ({"RUS"} if "SUN" in {r[0] for r in rows} else set())
    for code in codes:
        if code not in voters:
            hint = did_you_mean(code, voters)
            raise InputError(f"countries: {code} has no votes in {dataset}{hint}")


def votes_page(ws: Workspace, values: dict[str, str | None]) -> dict[str, Any]:
    """Alignment of every pair of the countries per session or year, chart and table; each
    cell links to its roll calls."""
    countries = (values.get("countries") or DEFAULT_COUNTRIES).upper()
    codes = [c.strip() for c in countries.split(",") if c.strip()]
    start = _year(values.get("start"), "start", 1991)
    end = _year(values.get("end"), "end", 2024)
    by = _choice(values.get("by"), "by", BY_CHOICES, "session")
    measure = _choice(values.get("measure"), "measure", MEASURES, "agree")
    dataset = values.get("dataset") or None
    if start > end:
        raise InputError(f"start={start} is after end={end}")
    frame = ws.votes_align(codes, start=start, end=end, by=by, dataset=dataset)
    silent = [c for c in codes if not frame[(frame.a == c) | (frame.b == c)]["n"].any()]
    if silent:  # a state with no roll call here: a typo, or a state that never voted
        _check_voters(ws, silent, frame.attrs["dataset"], frame.attrs["dataset_version"])
    pairs = [f"{a}-{b}" for a, b in combinations(codes, 2)]
    rows = records(frame)
    cells: dict[int, dict[str, dict[str, Any]]] = {}
    for r in rows:
        link = "/votes/rollcalls" + query_string(
            {
                "a": r["a"],
                "b": r["b"],
                "period": r[by],
                "by": by,
                "dataset": frame.attrs["dataset"],
                "version": frame.attrs["dataset_version"],
            }
        )
        value = r.get(measure)
        cells.setdefault(r[by], {})[f"{r['a']}-{r['b']}"] = {
            "value": None if value is None else f"{value:.2f}",
            "n": r["n"],
            "href": link if r["n"] else None,
        }
    table = [
        {"period": k, "year": k + SESSION_OFFSET if by == "session" else k, "cells": cells[k]}
        for k in sorted(cells)
    ]
    form = {
        "countries": ",".join(codes),
        "start": start,
        "end": end,
        "by": by,
        "measure": measure,
        "dataset": dataset or "",
    }
    return {
        "title": "UN votes",
        "form": form,
        "by_choices": BY_CHOICES,
        "measures": MEASURES,
        "pairs": pairs,
        "table": table,
        "notes": frame.attrs.get("notes", []),
        "chart": alignment_figure(frame, measure=measure) if rows else None,
        "json_url": "/api/votes/align"
        + query_string({**form, "countries": ",".join(codes), "measure": None}),
    }


def rollcalls_page(ws: Workspace, values: dict[str, str | None]) -> dict[str, Any]:
    """The roll calls of one pair in one session or year, each with both states' votes."""
    a, b = (values.get("a") or "").upper(), (values.get("b") or "").upper()
    by = _choice(values.get("by"), "by", BY_CHOICES, "session")
    raw = values.get("period") or ""
    if not raw.isdigit():
        raise InputError(f"period={raw!r}: give a session number or a year")
    dataset, version = values.get("dataset"), values.get("version")
    if not dataset or not version:
        raise InputError("dataset and version: follow a link from the UN votes table")
    rows = pair_rollcalls(ws.con, a, b, int(raw), by=by, dataset=dataset, dataset_version=version)
    same = sum(r["same"] for r in rows)
    label = f"session {raw}" if by == "session" else raw
    return {
        "title": f"Roll calls: {a} and {b}, {label}",
        "a": a,
        "b": b,
        "rows": rows,
        "same": same,
        "dataset": dataset,
        "version": version,
        "back": "/votes" + query_string({"countries": f"{a},{b}", "by": by}),
        "json_url": "/api/votes/align"
        + query_string({"countries": f"{a},{b}", "by": by, "dataset": dataset}),
    }
