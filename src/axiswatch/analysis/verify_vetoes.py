"""Check veto claims ("Russia vetoed a draft on 15 March 2014") against the veto list.

The claim's members must each have vetoed a draft within the claim's time; several members
named together ("vetoed by China and Russia") must have vetoed the same draft. Russia's claim
covers the Soviet Union's vetoes before 25 December 1991. Supported when that holds; partly
when only some members did and contradicted when none did, both only where the list covers
the whole time; otherwise (or with no time at all) unverifiable, with the reason.
Hypothetical claims ("may veto") are not checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb

from axiswatch.analysis._verdicts import (
    Verdict,
    Verification,
    actor_code,
    actor_codes,
    country_name,
    latest_dataset,
    time_window,
    unverifiable,
    window_label,
)
from axiswatch.model import DATE_FROM_CONTEXT, Claim
from axiswatch.store.reference import veto_span, vetoes_between

SUCCESSION = dt.date(1991, 12, 25)
_NO_VETOES = (
    "no Security Council veto list in the workspace: run `axiswatch reference install "
    "unsc-vetoes` or `axiswatch import vetoes PATH`"
)


PERMANENT = frozenset({"CHN", "FRA", "GBR", "RUS", "USA"})
COUNCIL = frozenset({"UNSC", "UN"})
COUNT_TOLERANCE = 0.1
FIRST_SINCE = "first_veto_since"


@dataclass(frozen=True)
class _VetoList:
    """The veto list a check reads: its dataset version, span, and the claim's time window."""

    dataset: str
    version: str
    first: dt.date | None
    last: dt.date | None
    window: tuple[dt.date, dt.date]

    @property
    def provenance(self) -> dict[str, str]:
        return {"dataset": self.dataset, "dataset_version": self.version}

    def between(self, con: duckdb.DuckDBPyConnection, start: dt.date, end: dt.date) -> list:
        return vetoes_between(con, start, end, self.dataset, self.version)


def _veto_list(
    con: duckdb.DuckDBPyConnection, claim: Claim, no_time: str
) -> _VetoList | Verification:
    """The latest veto list and the claim's window, or the unverifiable verdict saying which
    is missing (``no_time``: what an undated claim lacks)."""
    ds = latest_dataset(con, "unsc_vetoes")
    if ds is None:
        return unverifiable(claim.claim_id, _NO_VETOES)
    window = time_window(claim.time)
    if window is None:
        return unverifiable(
            claim.claim_id, no_time, dataset=ds["dataset"], dataset_version=ds["version"]
        )
    first, last = veto_span(con, ds["dataset"], ds["version"])
    return _VetoList(ds["dataset"], ds["version"], first, last, window)


def is_first_veto(claim: Claim) -> bool:
    """Whether the claim says a veto was the first (on a topic) since a year."""
    return claim.predicate == FIRST_SINCE and claim.value is not None


def check_first_veto(con: duckdb.DuckDBPyConnection, claim: Claim) -> Verification:
    """ "The first veto on North Korea since 2006": a veto on the topic by the claimed members
    in the claim's time, and none on the topic by anyone from the year to that time."""
    found = _veto_list(con, claim, "the claim does not date the veto")
    if isinstance(found, Verification):
        return found
    provenance, window = found.provenance, found.window
    since = dt.date(int(claim.value or 0), 1, 1)
    topic = actor_code(claim.object)
    first, last = found.first, found.last
    if first is None or last is None or since < first or window[0] > last:
        return unverifiable(
            claim.claim_id,
            f"the veto list covers {first} to {last}, not {since.year} to {window_label(window)}",
            **provenance,
        )
    members = {_seat(m, window[0]) for m in actor_codes(claim.subject) or []}
    on = f" on {country_name(topic)}" if topic else ""
    at = [
        r
        for r in found.between(con, *window)
        if _about(r, topic) and (not members or r["vetoed_by"] in members)
    ]
    before = [
        r for r in found.between(con, since, window[0] - dt.timedelta(days=1)) if _about(r, topic)
    ]
    drafts = sorted({f"{r['draft']} ({r['date']})" for r in before})
    guessed = (claim.rule or "").endswith(DATE_FROM_CONTEXT)
    if before and not guessed:
        return Verification(
            claim.claim_id,
            "contradicted",
            f"the veto list records earlier vetoes{on} since {since.year}: {', '.join(drafts)}",
            reference_rows=[_json(r) for r in before],
            **provenance,
        )
    if not at or before:
        why = (
            "earlier ones exist, but the claim's date is read from the sentences before"
            if (before)
            else f"no veto{on} by them in {window_label(window)} is listed"
        )
        return unverifiable(claim.claim_id, why, **provenance)
    listed = ", ".join(sorted({f"{r['draft']} ({r['date']})" for r in at}))
    return Verification(
        claim.claim_id,
        "supported",
        f"the veto list records {listed}{on} and no veto{on} from {since.year} until then",
        reference_rows=[_json(r) for r in at],
        **provenance,
    )


def is_veto_claim(claim: Claim) -> bool:
    """Whether the claim says who vetoed a draft (``vetoed``)."""
    return claim.checkable_against == "vetoes" and claim.predicate == "vetoed"


def is_veto_count(claim: Claim) -> bool:
    """Whether the claim counts vetoes or vetoed drafts ("Russia vetoed 16 drafts on Syria")."""
    return (
        claim.checkable_against == "vetoes"
        and claim.predicate not in {"vetoed", FIRST_SINCE}
        and claim.value is not None
        and _members(claim) is not None
    )


def _members(claim: Claim) -> frozenset[str] | None:
    """The permanent members counted (empty: the whole Council), or None for anyone else."""
    if isinstance(claim.subject, str) and claim.subject in COUNCIL:
        return frozenset()
    codes = actor_codes(claim.subject)
    if not codes:
        return None
    if set(codes) <= COUNCIL:
        return frozenset()
    return frozenset(codes) if set(codes) <= PERMANENT else None


def _about(row: dict[str, Any], topic: str | None) -> bool:
    if topic is None:
        return True
    name = country_name(topic).split(",")[0].casefold()
    return any(name in (row.get(k) or "").casefold() for k in ("subject", "agenda"))


def check_veto_count(con: duckdb.DuckDBPyConnection, claim: Claim) -> Verification:
    """A count of vetoed drafts (by a member, jointly by several, or by anyone) in a period,
    on a topic when the claim names a state ("on Syria"): supported when the list gives the
    same count (of drafts, or of vetoes cast), partly within 10 %, contradicted otherwise,
    and only where the list covers the whole period."""
    members = _members(claim) or frozenset()
    found = _veto_list(con, claim, "the claim gives no period to count in")
    if isinstance(found, Verification):
        return found
    provenance, window = found.provenance, found.window
    first, last = found.first, found.last
    if first is None or last is None or window[0] < first or window[1] > last:
        return unverifiable(
            claim.claim_id,
            f"the veto list covers {first} to {last}, not all of {window_label(window)}",
            **provenance,
        )
    topic = actor_code(claim.object)
    listed_rows = found.between(con, *window)
    rows = [r for r in listed_rows if _about(r, topic)]
    seats = {_seat(m, d) for m in members for d in (window[0], window[1])}
    drafts: dict[str, set[str]] = {}
    for row in rows:
        drafts.setdefault(row["draft"], set()).add(row["vetoed_by"])
    wanted = [
        d
        for d, who in drafts.items()
        if not members or all(_seat(m, _first_date(rows, d)) in who for m in members)
    ]
    casts = sum(
        1 for r in rows if r["draft"] in wanted and (not members or r["vetoed_by"] in seats)
    )
    claimed = float(claim.value or 0)
    who = " and ".join(country_name(m) for m in sorted(members)) or "any permanent member"
    on = f" on {country_name(topic)}" if topic else ""
    found = f"{len(wanted)} drafts vetoed by {who}{on} in {window_label(window)}"
    if claimed in (len(wanted), casts):
        verdict: Verdict = "supported"
    elif abs(claimed - len(wanted)) <= max(1.0, COUNT_TOLERANCE * len(wanted)):
        verdict = "partly"
    else:
        verdict = "contradicted"
    listed = ", ".join(wanted[:12]) + (" ..." if len(wanted) > 12 else "")
    text = f"the veto list records {found} ({listed or 'none'}); the text says {claimed:g}"
    used = [_json(r) for r in rows if r["draft"] in wanted]
    return Verification(claim.claim_id, verdict, text, reference_rows=used, **provenance)


def _first_date(rows: list[dict[str, Any]], draft: str) -> dt.date:
    return next(r["date"] for r in rows if r["draft"] == draft)


def _seat(member: str, day: dt.date) -> str:
    """The code a member vetoed under on a day (Russia's seat was the USSR's before 1992)."""
    return "SUN" if member == "RUS" and day < SUCCESSION else member


def check_veto(con: duckdb.DuckDBPyConnection, claim: Claim) -> Verification:
    """The verdict on one veto claim, naming the list's rows that decided it."""
    members = actor_codes(claim.subject)
    if not members:
        return unverifiable(claim.claim_id, "the claim names no Security Council member")
    if claim.epistemic == "hypothetical":
        return unverifiable(claim.claim_id, "a possible future veto cannot be checked")
    found = _veto_list(con, claim, "the claim gives no date to look the veto up by")
    if isinstance(found, Verification):
        return found
    provenance, window = found.provenance, found.window
    first, last = found.first, found.last
    label = ("on " if window[0] == window[1] else "in ") + window_label(window)
    covered = first is not None and last is not None and first <= window[0] and window[1] <= last
    rows = found.between(con, *window)
    drafts: dict[str, set[str]] = {}
    for row in rows:
        drafts.setdefault(row["draft"], set()).add(row["vetoed_by"])
    wanted = {m: _seat(m, window[0]) for m in members}
    joint = [d for d, who in drafts.items() if set(wanted.values()) <= who]
    some = {m for m, seat in wanted.items() if any(seat in who for who in drafts.values())}
    names = " and ".join(country_name(m) for m in members)
    verdict: Verdict
    if joint:
        verdict, used = "supported", [r for r in rows if r["draft"] in joint]
        listed = ", ".join(f"{d} ({_date_of(rows, d)})" for d in joint)
        text = f"the veto list records {listed} vetoed by {names} {label}"
    elif not covered or (claim.rule or "").endswith(DATE_FROM_CONTEXT):
        if covered:
            return unverifiable(
                claim.claim_id,
                f"no veto by {names} {label}; the claim's date comes from the sentences "
                "before it, so the list cannot contradict it",
                **provenance,
            )
        return unverifiable(
            claim.claim_id,
            f"the veto list covers {first} to {last}, not all of the claim's time "
            f"({window_label(window)}): update it with `axiswatch reference update unsc-vetoes`",
            **provenance,
        )
    elif some:
        verdict = "partly"
        used = [r for r in rows if r["vetoed_by"] in {wanted[m] for m in some}]
        found = ", ".join(f"{r['draft']} by {r['vetoed_by']} ({r['date']})" for r in used)
        text = f"{label} the veto list records {found}, but no draft vetoed by all of {names}"
    else:
        verdict, used = "contradicted", rows
        others = ", ".join(f"{r['draft']} by {r['vetoed_by']} ({r['date']})" for r in rows)
        text = f"the veto list records no veto by {names} {label}" + (
            f" (vetoes then: {others})" if others else " (no veto at all then)"
        )
    return Verification(
        claim.claim_id, verdict, text, reference_rows=[_json(r) for r in used], **provenance
    )


def _date_of(rows: list[dict[str, Any]], draft: str) -> str:
    return next(str(r["date"]) for r in rows if r["draft"] == draft)


def _json(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (str(v) if isinstance(v, dt.date) else v) for k, v in row.items()}
