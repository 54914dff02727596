"""Check arms-transfer claims against the SIPRI trade register (``arms_transfers``).

A claim that X supplied (sold, delivered, sent ...) arms to Y, or that Y bought (imported,
received ...) them from X, is supported when the register lists deliveries from X to Y in the
claim's years (any year when the claim gives none), and the rows are named. The register holds
major conventional weapons only, and only deliveries SIPRI could confirm: when it lists none,
the claim (shells, drones of unknown origin, a secret deal) is unverifiable, never
contradicted. Hypothetical transfers are not checked.
"""

from __future__ import annotations

import re

import duckdb

from axiswatch.analysis._verdicts import (
    Verification,
    actor_code,
    country_name,
    latest_dataset,
    time_window,
    unverifiable,
)
from axiswatch.model import Claim
from axiswatch.store.reference import deliveries_between, delivery_span

_MODEL = re.compile(r"\b[A-Za-z]{1,6}-?\d+[A-Za-z0-9]*\b")  # Su-35, S-400, T-72B3, MiG-29
_RECEIVING = (
    "buys", "imports", "receives", "obtains", "acquires", "procures", "purchases", "pays",
)  # fmt: skip
# claim words -> SIPRI armament categories; generic words accept any category
_CATEGORIES = {
    "aircraft": "Aircraft", "jet": "Aircraft", "jets": "Aircraft", "fighter": "Aircraft",
    "fighters": "Aircraft", "jetfighters": "Aircraft", "helicopter": "Aircraft",
    "helicopters": "Aircraft", "drone": "Aircraft", "drones": "Aircraft", "plane": "Aircraft",
    "planes": "Aircraft", "missile": "Missiles", "missiles": "Missiles", "rocket": "Missiles",
    "rockets": "Missiles", "tank": "Armoured vehicles", "tanks": "Armoured vehicles",
    "artillery": "Artillery", "warship": "Ships", "warships": "Ships", "submarine": "Ships",
    "submarines": "Ships", "ship": "Ships", "ships": "Ships", "engines": "Engines",
    "radar": "Sensors", "radars": "Sensors",
}  # fmt: skip
_NOT_REGISTERED = frozenset(
    {"ammunition", "munition", "munitions", "shell", "shells", "projectile", "projectiles"}
)
_NO_REGISTER = (
    "arms-transfer claims need the SIPRI trade register, which is not bundled (SIPRI's terms): "
    "export it from SIPRI and run `axiswatch import sipri FILE`"
)


def is_arms_transfer(claim: Claim) -> bool:
    """Whether the claim states a transfer of arms between two named states."""
    return (
        claim.checkable_against == "arms_transfers"
        and actor_code(claim.subject) is not None
        and actor_code(claim.object) is not None
    )


def parties(claim: Claim) -> tuple[str, str]:
    """(supplier, recipient): the subject supplies unless the verb receives ("buys ... from")."""
    subject, obj = str(claim.subject), str(claim.object)
    receives = claim.predicate.startswith(_RECEIVING) or claim.predicate.endswith(("_from", "_by"))
    return (obj, subject) if receives else (subject, obj)


def check_arms_transfer(con: duckdb.DuckDBPyConnection, claim: Claim) -> Verification:
    """The verdict on one arms-transfer claim, naming the register rows that decided it."""
    if claim.epistemic == "hypothetical":
        return unverifiable(claim.claim_id, "a possible future transfer cannot be checked")
    ds = latest_dataset(con, "arms_transfers")
    if ds is None:
        return unverifiable(claim.claim_id, _NO_REGISTER)
    provenance = {"dataset": ds["dataset"], "dataset_version": ds["version"]}
    first, last = delivery_span(con, ds["dataset"], ds["version"])
    if first is None or last is None:
        return unverifiable(claim.claim_id, "the register holds no deliveries", **provenance)
    window = time_window(claim.time)
    years = (window[0].year, window[1].year) if window else (first, last)
    supplier, recipient = parties(claim)
    rows = deliveries_between(con, supplier, recipient, *years, ds["dataset"], ds["version"])
    names = f"{country_name(supplier)} to {country_name(recipient)}"
    span = f"{years[0]}" if years[0] == years[1] else f"{years[0]}-{years[1]}"
    words = set(claim.predicate.split("_"))
    if words & _NOT_REGISTERED and not words & set(_CATEGORIES):
        return unverifiable(
            claim.claim_id,
            "the SIPRI register does not record ammunition, so it cannot check this transfer",
            **provenance,
        )
    named = [r for r in rows if _named(r["designation"], claim.sentence)]
    kinds = {_CATEGORIES[w] for w in words if w in _CATEGORIES}
    if kinds and not named:  # "jets", "missiles": only deliveries of that kind count
        rows = [r for r in rows if r["category"] in kinds]
    if rows:
        what = "named in the claim" if named else "(the claim's weapons not matched by name)"
        rows = named or rows
        items = "; ".join(
            f"{r['designation']} ({r['description']}) {r['delivery_year']}"
            + (f", {r['delivered']} delivered" if r["delivered"] else "")
            for r in rows[:6]
        )
        more = f" and {len(rows) - 6} more" if len(rows) > 6 else ""
        text = f"the SIPRI register lists deliveries from {names} in {span} {what}: {items}{more}"
        rows_json = [dict(r) for r in rows]
        return Verification(
            claim.claim_id, "supported", text, reference_rows=rows_json, **provenance
        )
    reach = "" if years[1] <= last else f"; it records deliveries up to {last}"
    return unverifiable(
        claim.claim_id,
        f"the SIPRI register lists no delivery of major arms from {names} in {span}{reach}; "
        "it leaves out ammunition, small arms and unconfirmed deliveries, so this neither "
        "supports nor contradicts the claim",
        **provenance,
    )


def _named(designation: str | None, sentence: str) -> bool:
    """Whether the sentence names the register's designation: "Su-35" for "Su-35S", "S-400"."""
    if not designation:
        return False
    wanted = _fold(designation)
    return any(
        len(name) >= 3 and (wanted.startswith(name) or name.startswith(wanted))
        for name in map(_fold, _MODEL.findall(sentence))
    )


def _fold(text: str) -> str:
    return re.sub(r"[\s-]", "", text).casefold()
