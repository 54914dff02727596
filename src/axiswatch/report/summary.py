"""The brief's executive summary, computed from the workspace.

Three parts: the triangle's configuration in the latest period shown and how it moved from
the period before (and over the last few); the busiest dyads of that period (events touching
the triangle's actors, asserted or reported, with their mean Goldstein value); the claims
that reference data contradicts, counted, the first few quoted and cited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from statistics import fmean
from typing import Any

from axiswatch.analysis.periods import period_label
from axiswatch.analysis.selection import DEFAULT_EPISTEMIC
from axiswatch.analysis.triangle import sign_text
from axiswatch.model import Event
from axiswatch.report.sources import Citations
from axiswatch.store.events import day_bounds

TOP_DYADS = 5
TOP_CONTRADICTED = 3
HISTORY = 5


def configuration_text(period: dict[str, Any]) -> str:
    """'romantic triangle, CHN pivot', 'stable marriage, PRK outcast', 'indeterminate', ..."""
    text = period["configuration"].replace("_", " ")
    if period.get("pivot"):
        text += f", {period['pivot']} pivot"
    if period.get("outcast"):
        text += f", {period['outcast']} outcast"
    return text


def sign_moves(before: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """Each dyad whose sign differs between two periods: 'RUS-PRK -1 → +1'."""
    lines = []
    for old, new in zip(before["dyads"], now["dyads"], strict=True):
        if old["sign"] == new["sign"]:
            continue
        note = " (no events before)" if old["sign"] is None else ""
        note = " (no events now)" if new["sign"] is None else note
        lines.append(f"{new['dyad']} {sign_text(old['sign'])} → {sign_text(new['sign'])}{note}")
    return lines


def changes(latest: dict[str, Any], periods: Sequence[dict[str, Any]]) -> list[str]:
    """How ``latest`` differs from the period before it (``periods``: all of them)."""
    previous = next((p for p in periods if p["period"] == latest["previous_period"]), None)
    if previous is None:
        return ["no earlier period with events among the three to compare with"]
    label = previous["period"]
    if previous["configuration"] != latest["configuration"]:
        head = f"configuration was {configuration_text(previous)} in {label}"
    else:
        head = f"configuration unchanged since {label}"
    moves = sign_moves(previous, latest)
    return [head, *(moves or [f"no dyad changed sign since {label}"])]


def _pair(x: str, y: str, actors: Sequence[str]) -> tuple[str, str]:
    """The two codes in the triangle's order, others after them alphabetically."""
    rank = {code: n for n, code in enumerate(actors)}
    first, second = sorted((x, y), key=lambda code: (rank.get(code, len(rank)), code))
    return first, second


def busiest_dyads(
    events: Sequence[Event],
    period: str,
    by: str,
    actors: Sequence[str] = (),
    *,
    top: int = TOP_DYADS,
) -> list[dict[str, Any]]:
    """The pairs with most asserted or reported events in ``period``, with mean Goldstein
    (a pair named in the order of ``actors``)."""
    scores: dict[tuple[str, str], list[float | None]] = defaultdict(list)
    for event in events:
        if not event.source or not event.target or event.source == event.target:
            continue
        first, _ = day_bounds(event.date_start, event.date_end)
        if event.epistemic not in DEFAULT_EPISTEMIC or first is None:
            continue
        if period_label(first, by) == period:
            scores[_pair(event.source, event.target, actors)].append(event.goldstein)
    rows = []
    for pair, values in scores.items():
        known = [g for g in values if g is not None]
        rows.append(
            {
                "dyad": "–".join(pair),
                "events": len(values),
                "goldstein": fmean(known) if known else None,
            }
        )
    return sorted(rows, key=lambda r: (-r["events"], r["dyad"]))[:top]


def contradicted(
    claims: Sequence[dict[str, Any]], citations: Citations, *, top: int = TOP_CONTRADICTED
) -> dict[str, Any]:
    """How many claims reference data contradicts, and the first ``top`` of them, cited."""
    rows = [c for c in claims if c.get("verdict") == "contradicted"]
    shown = [
        {
            "claim_id": c["claim_id"],
            "sentence": c.get("sentence"),
            "explanation": (c.get("verification") or {}).get("explanation"),
            "n": citations.cite_claim(c),
        }
        for c in rows[:top]
    ]
    return {"count": len(rows), "shown": shown}


def executive_summary(
    periods: Sequence[dict[str, Any]],
    shown: Sequence[dict[str, Any]],
    events: Sequence[Event],
    claims: Sequence[dict[str, Any]],
    citations: Citations,
    *,
    by: str,
    actors: Sequence[str] = (),
) -> dict[str, Any]:
    """The summary's content: ``periods`` all of the triangle's, ``shown`` those in the window,
    ``events`` those in the window touching the triangle's ``actors``."""
    latest = shown[-1] if shown else None
    return {
        "period": latest["period"] if latest else None,
        "configuration": configuration_text(latest) if latest else None,
        "balance": latest.get("balance") if latest else None,
        "changes": changes(latest, periods) if latest else [],
        "history": [
            {"period": p["period"], "configuration": configuration_text(p)}
            for p in shown[-HISTORY:]
        ],
        "busiest": busiest_dyads(events, latest["period"], by, actors) if latest else [],
        "contradicted": contradicted(claims, citations),
    }
