"""The claim extractor's word lists (``data/claim_words.yaml``) and how predicates are spelled."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

MAX_PARTS = 7
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ES_ENDINGS = ("s", "sh", "ch", "x", "z", "o")


@dataclass(frozen=True)
class ClaimWords:
    """Every list of ``claim_words.yaml``, as frozen sets and tables."""

    checkable: tuple[tuple[str, frozenset[str]], ...]
    modals: frozenset[str]
    hedge_adverbs: dict[str, str]
    hedge_verbs: frozenset[str]
    hedge_modifiers: dict[str, str]
    hedge_adjectives: frozenset[str]
    allege_words: frozenset[str]
    allege_verbs: frozenset[str]
    report_words: frozenset[str]
    report_verbs: frozenset[str]
    unproven_nouns: frozenset[str]
    unproven: re.Pattern[str]
    transfer_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    transfer_nouns: frozenset[str]
    aspect_verbs: frozenset[str]
    rank_adjectives: dict[str, str]
    rank_nouns: frozenset[str]
    rank_kinds: dict[str, str]
    memberships: dict[str, str]
    not_counted: frozenset[str]
    numbers: dict[str, int]
    now: frozenset[str]
    relation_nouns: frozenset[str]
    relation_changes: frozenset[str]
    organisation_nouns: dict[str, str]
    organisation_verbs: dict[str, str]


def _flip(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: kind for kind, words in table.items() for word in words}


@cache
def claim_words() -> ClaimWords:
    """The word lists, read once from the package data."""
    path = resources.files("axiswatch.extract") / "data" / "claim_words.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    hedges, transfers, rankings = data["hedges"], data["transfers"], data["rankings"]
    return ClaimWords(
        checkable=tuple((kind, frozenset(words)) for kind, words in data["checkable"].items()),
        modals=frozenset(hedges["modals"]),
        hedge_adverbs=_flip(hedges["adverbs"]),
        hedge_verbs=frozenset(hedges["verbs"]),
        hedge_modifiers=_flip(hedges["modifiers"]),
        hedge_adjectives=frozenset(hedges["adjectives"]),
        allege_words=frozenset(hedges["allege_words"]),
        allege_verbs=frozenset(hedges["allege_verbs"]),
        report_words=frozenset(hedges["report_words"]),
        report_verbs=frozenset(hedges["report_verbs"]),
        unproven_nouns=frozenset(hedges["unproven_nouns"]),
        unproven=re.compile(hedges["unproven"], re.IGNORECASE),
        transfer_verbs=frozenset(transfers["verbs"]),
        receiving_verbs=frozenset(transfers["receiving"]),
        transfer_nouns=frozenset(transfers["nouns"]),
        aspect_verbs=frozenset(transfers["aspect"]),
        rank_adjectives=dict(rankings["adjectives"]),
        rank_nouns=frozenset(rankings["nouns"]),
        rank_kinds=dict(rankings["kinds"]),
        memberships=dict(data["memberships"]),
        not_counted=frozenset(data["not_counted"]),
        numbers={str(k): int(v) for k, v in data["numbers"].items()},
        now=frozenset(data["now"]),
        relation_nouns=frozenset(data["relations"]["nouns"]),
        relation_changes=frozenset(data["relations"]["changes"]),
        organisation_nouns=dict(data["organisations"]["nouns"]),
        organisation_verbs=dict(data["organisations"]["verbs"]),
    )


def checkable_for(words: Iterable[str]) -> str:
    """The reference data kind for a claim's words (``arms_transfers``, ``trade``…), else none.

    Single words and two-word phrases are looked up; the first kind in the table's order wins.
    """
    tokens = [w.lower() for w in words if w]
    found = set(tokens) | {f"{a} {b}" for a, b in itertools.pairwise(tokens)}
    for kind, vocabulary in claim_words().checkable:
        if kind == "arms_transfers" and not found & transfer_forms():
            continue  # weapons fired, tested or used: no transfer a register could hold
        if found & vocabulary:
            return kind
    return "none"


_PAST = {
    "supply": "supplied", "provide": "provided", "deliver": "delivered", "sell": "sold",
    "buy": "bought", "send": "sent", "ship": "shipped", "transfer": "transferred",
    "export": "exported", "import": "imported", "purchase": "purchased", "give": "gave",
    "receive": "received", "obtain": "obtained", "acquire": "acquired", "procure": "procured",
    "smuggle": "smuggled", "transport": "transported", "lend": "lent", "pay": "paid",
}  # fmt: skip


@cache
def transfer_forms() -> frozenset[str]:
    """Words that state a transfer: the verbs (base, -s, past) and the nouns."""
    words = claim_words()
    verbs = words.transfer_verbs - {"consume"}
    return frozenset(
        {*verbs, *(third_person(v) for v in verbs), *(_PAST.get(v, v + "ed") for v in verbs)}
        | words.transfer_nouns
        | {"given", "supplying", "delivering", "selling", "supplier", "suppliers", "exporter"}
        | {"exporters", "importer", "importers", "seller", "sellers", "buyer", "buyers"}
    )


def third_person(lemma: str) -> str:
    """``provide`` → ``provides``, ``supply`` → ``supplies``, ``be`` → ``is``."""
    lemma = lemma.lower()
    if lemma in {"be", "'s"}:
        return "is"
    if lemma == "have":
        return "has"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    if lemma.endswith(_ES_ENDINGS):
        return lemma + "es"
    return lemma + "s"


def snake(*parts: str | None) -> str:
    """Join words into one snake_case name (ASCII, no repeats, at most seven words)."""
    words: list[str] = []
    for part in parts:
        if not part:
            continue
        ascii_part = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode()
        for word in _NON_WORD.split(ascii_part.lower()):
            if word and (not words or words[-1] != word):
                words.append(word)
    return "_".join(words[:MAX_PARTS])
