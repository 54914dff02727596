"""Check land-border claims (existence and length) against the Factbook ``borders`` table.

Tolerance for lengths, relative to the Factbook figure F and the claimed length C:
supported when ``|C - F| <= max(3 % of F, 5 km)``, partly when ``|C - F| <= 10 % of F``,
contradicted otherwise. A pair with no listed border is contradicted. The figure is the sum
of the segments listed in the subject's profile (the object's when the subject has none);
when the two profiles give different totals, the explanation says so.
"""

from __future__ import annotations

import re
from typing import Any

import duckdb

from axiswatch.analysis._verdicts import (
    Verdict,
    Verification,
    actor_code,
    actor_codes,
    country_name,
    factbook_names,
    latest_dataset,
    number,
    unverifiable,
)
from axiswatch.model import Claim
from axiswatch.store.reference import borders_between, factbook_profile

SUPPORTED_PCT = 3.0
SUPPORTED_KM = 5.0
PARTLY_PCT = 10.0
_KM_PER_UNIT = {"km": 1.0, "kilometre": 1.0, "kilometer": 1.0, "mi": 1.609344, "mile": 1.609344}

_LENGTH = re.compile(r"border.*length|length.*border")
_EXISTS = re.compile(
    r"^(shares?_)?(a_)?(land_)?borders?(_with)?$|^(has_)?(a_)?(land_)?border_with$|^borders$"
)
_NO_FACTBOOK = "no Factbook data imported: run `axiswatch import factbook PATH` to check borders"


def is_border_length(claim: Claim) -> bool:
    """Whether the claim states a border's length (``land_border_length_with``…)."""
    return bool(_LENGTH.search(claim.predicate))


def is_border_existence(claim: Claim) -> bool:
    """Whether the claim states that two countries share a land border."""
    return bool(_EXISTS.match(claim.predicate))


def _pair(claim: Claim) -> tuple[str, str] | None:
    subject, obj = actor_code(claim.subject), actor_code(claim.object)
    if subject and obj:
        return subject, obj
    codes = actor_codes(claim.subject)
    if codes and len(codes) == 2 and claim.object is None:
        return codes[0], codes[1]
    return None


class _BorderData:
    """The Factbook rows for one pair of countries."""

    def __init__(self, con: duckdb.DuckDBPyConnection, a: str, b: str, ds: dict[str, Any]):
        self.a, self.b = a, b
        self.dataset, self.version = ds["dataset"], ds["version"]
        self.names = factbook_names(con, self.dataset, self.version)
        self.rows = borders_between(con, a, b, self.dataset, self.version)
        self.has_a = factbook_profile(con, a, self.dataset, self.version) is not None
        self.has_b = factbook_profile(con, b, self.dataset, self.version) is not None

    def name(self, code: str) -> str:
        return country_name(code, self.names)

    @property
    def pair(self) -> str:
        return f"{self.name(self.a)}–{self.name(self.b)}"

    def side(self, code: str) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["country"] == code]

    def total(self, code: str) -> float | None:
        rows = self.side(code)
        return sum(r["length_km"] or 0.0 for r in rows) if rows else None

    def verdict(self, claim: Claim, verdict: Verdict, explanation: str) -> Verification:
        return Verification(
            claim.claim_id, verdict, explanation, self.dataset, self.version, self.rows
        )


def _load(con: duckdb.DuckDBPyConnection, claim: Claim) -> _BorderData | Verification:
    pair = _pair(claim)
    if pair is None:
        return unverifiable(
            claim.claim_id,
            "a border claim needs two country codes (subject and object) to be checked",
        )
    ds = latest_dataset(con, "factbook")
    if ds is None:
        return unverifiable(claim.claim_id, _NO_FACTBOOK)
    data = _BorderData(con, *pair, ds)
    if not (data.has_a or data.has_b):
        return unverifiable(
            claim.claim_id,
            f"the Factbook has no profile for {pair[0]} or {pair[1]}: "
            "check the codes or import a Factbook that covers them",
            dataset=data.dataset,
            dataset_version=data.version,
        )
    return data


def check_border_existence(con: duckdb.DuckDBPyConnection, claim: Claim) -> Verification:
    """Supported when the Factbook lists a land border between the two, else contradicted."""
    data = _load(con, claim)
    if isinstance(data, Verification):
        return data
    negated = claim.epistemic == "negated"
    if data.rows:
        km = data.total(data.a) if data.side(data.a) else data.total(data.b)
        text = (
            f"the Factbook lists a land border of {number(km or 0)} km between "
            f"{data.name(data.a)} and {data.name(data.b)}"
        )
        return data.verdict(claim, "contradicted" if negated else "supported", text)
    text = f"the Factbook lists no land border between {data.name(data.a)} and {data.name(data.b)}"
    return data.verdict(claim, "supported" if negated else "contradicted", text)


def check_border_length(con: duckdb.DuckDBPyConnection, claim: Claim) -> Verification:
    """Compare a claimed border length with the Factbook figure, within the tolerance."""
    if claim.value is None:
        return check_border_existence(con, claim)
    factor = _KM_PER_UNIT.get((claim.unit or "km").lower().rstrip("s"))
    if factor is None:
        return unverifiable(
            claim.claim_id, f"the unit {claim.unit!r} is not a length: give km or miles"
        )
    data = _load(con, claim)
    if isinstance(data, Verification):
        return data
    claimed = claim.value * factor
    if not data.rows:
        return data.verdict(
            claim,
            "contradicted",
            f"the Factbook lists no land border between {data.name(data.a)} and "
            f"{data.name(data.b)}; "
            f"the text says {number(claimed)} km",
        )
    first, second = (data.a, data.b) if data.side(data.a) else (data.b, data.a)
    figure = data.total(first) or 0.0
    diff = claimed - figure
    pct = 100.0 * diff / figure if figure else float("inf")
    verdict: Verdict
    if abs(diff) <= max(figure * SUPPORTED_PCT / 100, SUPPORTED_KM):
        verdict, band = "supported", f"within ±{SUPPORTED_PCT:g} % or ±{SUPPORTED_KM:g} km"
    elif abs(pct) <= PARTLY_PCT:
        verdict, band = "partly", f"within ±{PARTLY_PCT:g} % but beyond ±{SUPPORTED_PCT:g} %"
    else:
        verdict, band = "contradicted", f"more than {PARTLY_PCT:g} % off"
    text = (
        f"the Factbook gives {number(figure)} km{_segments(data.side(first))} for the "
        f"{data.pair} border; the text says {number(claimed)} km ({pct:+.1f} %, {band})"
        f"{_disagreement(data, first, second)}"
    )
    return data.verdict(claim, verdict, text)


def _segments(rows: list[dict[str, Any]]) -> str:
    if len(rows) < 2:
        return ""
    longest = sorted(rows, key=lambda r: -(r["length_km"] or 0.0))
    parts = [f"{number(r['length_km'] or 0)} km {r['segment'] or ''}".strip() for r in longest]
    return " (" + " + ".join(parts) + ")"


def _disagreement(data: _BorderData, first: str, second: str) -> str:
    other = data.total(second)
    mine = data.total(first)
    if other is None or mine is None or abs(other - mine) < 0.5:
        return ""
    return f"; the sources disagree: the {data.name(second)} profile gives {number(other)} km"
