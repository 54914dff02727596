"""Verify claims against imported reference data: pure functions over a DuckDB connection.

Families, chosen by predicate:

- border length (``land_border_length_with``…) and existence (``shares_land_border_with``):
  Factbook ``borders`` (see :mod:`axiswatch.analysis.verify_borders` for the tolerance);
- trade ranking (``largest_trade_partner_of``…): Factbook ``trade_partners``;
- UN vote lists and counts (``no_votes``, ``voted_against``, ``yes_votes``…): ``un_rollcalls``
  and ``un_votes``;
- Security Council vetoes (``vetoed``) and counts of vetoed drafts: ``unsc_vetoes``;
- arms transfers between two named states: ``arms_transfers`` (the SIPRI trade register).

Anything else is unverifiable, with the kind of data that would be needed. Every verdict names
its dataset and version and lists the rows that decided it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

import duckdb

from axiswatch.analysis._verdicts import VERDICTS, Verdict, Verification, unverifiable
from axiswatch.analysis.verify_arms import check_arms_transfer, is_arms_transfer
from axiswatch.analysis.verify_borders import (
    check_border_existence,
    check_border_length,
    is_border_existence,
    is_border_length,
)
from axiswatch.analysis.verify_trade import check_trade_rank, is_trade_rank
from axiswatch.analysis.verify_vetoes import (
    check_first_veto,
    check_veto,
    check_veto_count,
    is_first_veto,
    is_veto_claim,
    is_veto_count,
)
from axiswatch.analysis.verify_votes import check_vote, is_vote_claim
from axiswatch.model import Claim

__all__ = ["VERDICTS", "Verdict", "Verification", "claim_family", "verify_all", "verify_claim"]

log = logging.getLogger(__name__)

Check = Callable[[duckdb.DuckDBPyConnection, Claim], Verification]

_FAMILIES: tuple[tuple[str, Callable[[Claim], bool], Check], ...] = (
    ("border_length", is_border_length, check_border_length),
    ("border_existence", is_border_existence, check_border_existence),
    ("trade_rank", is_trade_rank, check_trade_rank),
    ("un_vote", is_vote_claim, check_vote),
    ("un_veto", is_veto_claim, check_veto),
    ("un_veto_first", is_first_veto, check_first_veto),
    ("un_veto_count", is_veto_count, check_veto_count),
    ("arms_transfer", is_arms_transfer, check_arms_transfer),
)

_NEEDED = {
    "arms_transfers": "only transfers between two named states can be checked against the SIPRI "
    "trade register",
    "trade": "only largest-trade-partner claims can be checked (against the Factbook's partner "
    "shares); this one needs bilateral trade values by year",
    "borders": "only land-border existence and length claims can be checked against the Factbook",
    "un_votes": "only lists and counts of votes on a named General Assembly resolution can be "
    "checked against UN votes",
    "vetoes": "only who vetoed a draft, and when, can be checked against the veto list",
    "sanctions": "sanctions claims need a sanctions list (UN, US or EU designations), which "
    "axiswatch does not import yet",
    "membership": "membership claims need a membership table of organisations, which axiswatch "
    "does not hold yet",
}


def claim_family(claim: Claim) -> str | None:
    """The check that applies to a claim (``border_length``, ``trade_rank``, ``un_vote``…)."""
    for name, matches, _ in _FAMILIES:
        if matches(claim):
            return name
    return None


def verify_claim(con: duckdb.DuckDBPyConnection, claim: Claim) -> Verification:
    """The verdict on one claim: supported, contradicted, partly or unverifiable."""
    for _, matches, check in _FAMILIES:
        if matches(claim):
            return check(con, claim)
    needed = _NEEDED.get(
        claim.checkable_against,
        f"no imported reference data can check '{claim.predicate}' claims",
    )
    return unverifiable(claim.claim_id, needed)


def verify_all(con: duckdb.DuckDBPyConnection, claims: Iterable[Claim]) -> list[Verification]:
    """Verdicts for many claims, in their order."""
    results = [verify_claim(con, claim) for claim in claims]
    log.info("verified %d claims", len(results))
    return results
