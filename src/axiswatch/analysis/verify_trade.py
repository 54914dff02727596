"""Check "largest trade partner" claims against the Factbook's partner shares.

``largest_trade_partner_of`` (subject = partner, object = country) and the reverse forms
(``has_largest_trade_partner``, ``largest_trade_partner_is``: subject = country) are read from
the predicate; a bare ``largest_trade_partner`` is read as subject = partner unless the sentence
says "<subject>'s largest …". A trade-partner claim is supported when the partner has the
largest share of both exports and imports, partly when of one of them; export- or
import-only predicates need that list alone. Claims about years more than five years before the
Factbook's figures are unverifiable.
"""

from __future__ import annotations

import re
from typing import Any

import duckdb

from axiswatch.analysis._verdicts import (
    Verdict,
    Verification,
    actor_code,
    country_name,
    factbook_names,
    latest_dataset,
    time_window,
    unverifiable,
)
from axiswatch.model import Claim
from axiswatch.store.reference import trade_partners_of

MAX_AGE_YEARS = 5
_TOP = r"(largest|biggest|top|leading|main|first|primary)"
_FAMILY = re.compile(
    rf"{_TOP}_(?P<kind>trade|trading|export|import)_(partner|market|destination|source|supplier)"
)
_REVERSED = re.compile(r"^has_|_is$")
_DIRECTIONS = {
    "trade": ("export", "import"),
    "trading": ("export", "import"),
    "export": ("export",),
    "import": ("import",),
}


def is_trade_rank(claim: Claim) -> bool:
    """Whether the claim ranks a country as another's largest trade, export or import partner."""
    return bool(_FAMILY.search(claim.predicate))


def _orientation(claim: Claim, names: dict[str, str]) -> tuple[str, str] | None:
    """(partner, country) codes of the claim, or None when either is not a country code."""
    subject, obj = actor_code(claim.subject), actor_code(claim.object)
    if subject is None or obj is None:
        return None
    if claim.predicate.endswith("_of"):
        return subject, obj
    if _REVERSED.search(claim.predicate) or _possessive(claim.sentence, subject, names):
        return obj, subject
    return subject, obj


def _possessive(sentence: str, code: str, names: dict[str, str]) -> bool:
    name = country_name(code, names)
    pattern = rf"\b{re.escape(name)}['’]s\s+(\w+\s+){{0,2}}{_TOP}\b"
    return bool(re.search(pattern, sentence, re.IGNORECASE))


def check_trade_rank(con: duckdb.DuckDBPyConnection, claim: Claim) -> Verification:
    """Judge a largest-partner claim against the Factbook's export and import partner lists."""
    match = _FAMILY.search(claim.predicate)
    assert match is not None
    ds = latest_dataset(con, "factbook")
    if ds is None:
        return unverifiable(
            claim.claim_id,
            "no Factbook data imported: run `axiswatch import factbook PATH` to check trade "
            "partners",
        )
    dataset, version = ds["dataset"], ds["version"]
    names = factbook_names(con, dataset, version)
    pair = _orientation(claim, names)
    provenance = {"dataset": dataset, "dataset_version": version}
    if pair is None:
        return unverifiable(
            claim.claim_id,
            "a trade-partner claim needs a partner and a country as codes to be checked",
            **provenance,
        )
    partner, country = pair
    rows = trade_partners_of(con, country, dataset, version)
    if not rows:
        return unverifiable(
            claim.claim_id,
            f"the Factbook lists no trade partners for {country_name(country, names)}: "
            "it covers current states only",
            **provenance,
        )
    year = max((r["year"] for r in rows if r["year"]), default=None)
    stale = _too_old(claim, year)
    if stale:
        return unverifiable(claim.claim_id, stale, **provenance)
    directions = _DIRECTIONS[match["kind"]]
    findings = [_rank(rows, direction, partner) for direction in directions]
    top_in = sum(1 for f in findings if f["largest"])
    verdict: Verdict
    if top_in == len(findings):
        verdict = "supported"
    elif top_in:
        verdict = "partly"
    else:
        verdict = "contradicted"
    if claim.epistemic == "negated" and verdict != "partly":
        verdict = "contradicted" if verdict == "supported" else "supported"
    text = _explain(partner, country, names, findings, year)
    deciding = [r for r in rows if r["direction"] in directions]
    return Verification(claim.claim_id, verdict, text, dataset, version, deciding)


def _too_old(claim: Claim, year: int | None) -> str | None:
    window = time_window(claim.time)
    if window is None or year is None or window[1].year >= year - MAX_AGE_YEARS:
        return None
    return (
        f"the Factbook gives partner shares for {year}, the claim concerns {claim.time}: "
        "import trade data for that time to check it"
    )


def _rank(rows: list[dict[str, Any]], direction: str, partner: str) -> dict[str, Any]:
    listed = [r for r in rows if r["direction"] == direction]
    top = max((r["share_pct"] or 0.0 for r in listed), default=None)
    mine = next((r for r in listed if r["partner"] == partner), None)
    leader = next((r for r in listed if (r["share_pct"] or 0.0) == top), None)
    largest = mine is not None and top is not None and (mine["share_pct"] or 0.0) >= top
    tied = largest and sum(1 for r in listed if (r["share_pct"] or 0.0) == top) > 1
    return {
        "direction": direction,
        "row": mine,
        "leader": leader,
        "largest": largest,
        "tied": tied,
        "listed": bool(listed),
    }


def _explain(
    partner: str,
    country: str,
    names: dict[str, str],
    findings: list[dict[str, Any]],
    year: int | None,
) -> str:
    parts = []
    for f in findings:
        noun = f"{f['direction']}s"
        lead = f["leader"]
        if not f["listed"]:
            parts.append(f"no listed share of {noun} (none are listed)")
        elif f["row"] is None:
            parts.append(
                f"no listed share of {noun} (largest: {lead['partner_name']} "
                f"{lead['share_pct']:g} %)"
            )
        elif f["largest"]:
            tie = ", tied" if f["tied"] else ""
            parts.append(f"{f['row']['share_pct']:g} % of {noun} (largest{tie})")
        else:
            parts.append(
                f"{f['row']['share_pct']:g} % of {noun}, behind {lead['partner_name']} "
                f"({lead['share_pct']:g} %)"
            )
    when = f" ({year})" if year else ""
    return (
        f"in the Factbook's partner lists for {country_name(country, names)}{when}, "
        f"{country_name(partner, names)} has " + " and ".join(parts)
    )
