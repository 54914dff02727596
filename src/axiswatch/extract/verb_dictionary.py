"""The CAMEO verb dictionary of PETRARCH-2, matched on the dependency parse.

``data/cameo_verbs.json`` is compiled from the publisher's file by
``scripts/build_verb_dictionary.py`` (provenance inside). A verb found there codes an event
with its block's patterns: a pattern is a set of words required after the verb (its objects
and prepositional phrases, in its own subtree) and before it (its subject); the most specific
pattern that matches gives the CAMEO code, else the verb's default code. A pattern coded
``[---]`` means the phrase is no event ("pilgrims visit"). The PLOVER type is that of the code
in the CAMEO table (:mod:`axiswatch.ontology.cameo`); codes PLOVER leaves untyped (statements,
appeals) give nothing. The hand lexicon (``triggers.yaml``) is consulted first and overrides.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from axiswatch.extract.lexicon import Trigger
from axiswatch.ontology.cameo import cameo_code

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
OUTSIDE_DEPS = frozenset({"punct", "cc", "conj", "advcl", "parataxis", "relcl", "mark"})
JOINT_ROOTS = ("03", "04", "06")
IDIOMS = frozenset({("take", "place"), ("take", "note")})
"""A verb and bare object that mean something else together ("talks took place"): no act
of the verb's block (TAKE is APPREHEND)."""
"""Acts done together: "China and Russia cooperated" is one event between the two."""


@dataclass(frozen=True)
class Pattern:
    before: tuple[frozenset[str], ...]
    after: tuple[frozenset[str], ...]
    code: str | None

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after)


@dataclass(frozen=True)
class VerbEntry:
    block: str
    code: str | None
    particle: str | None


@dataclass(frozen=True)
class VerbDictionary:
    verbs: dict[str, VerbEntry]
    patterns: dict[str, tuple[Pattern, ...]]
    provenance: dict[str, str]


@cache
def verb_dictionary() -> VerbDictionary:
    """The compiled dictionary, loaded once."""
    path = resources.files("axiswatch.extract") / "data" / "cameo_verbs.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    synsets = {
        name: frozenset(member.split()[-1] for member in members)
        for name, members in raw["synsets"].items()
    }

    def element(alternatives: list[str]) -> frozenset[str]:
        out: set[str] = set()
        for alt in alternatives:
            out |= synsets.get(alt, frozenset()) if alt.startswith("&") else {alt}
        return frozenset(out)

    patterns = {
        block: tuple(
            Pattern(
                tuple(element(e) for e in p["before"]),
                tuple(element(e) for e in p["after"]),
                p["code"],
            )
            for p in spec["patterns"]
            if p["before"] or p["after"]
        )
        for block, spec in raw["blocks"].items()
    }
    verbs = {
        key: VerbEntry(v["block"], v["code"], v["particle"]) for key, v in raw["verbs"].items()
    }
    return VerbDictionary(verbs, patterns, raw["provenance"])


def dictionary_trigger(tok: Token) -> Trigger | None:
    """The coding the CAMEO dictionary gives a verb in its parse, or None."""
    if tok.pos_ != "VERB":
        return None
    table = verb_dictionary()
    lemma = tok.lemma_.lower()
    if any(c.dep_ == "dobj" and (lemma, c.lower_) in IDIOMS for c in tok.children):
        return None
    particles = [c.lower_ for c in tok.children if c.dep_ in {"prt", "prep"}]
    entry = next(
        (table.verbs[f"{lemma} {p}"] for p in particles if f"{lemma} {p}" in table.verbs),
        table.verbs.get(lemma),
    )
    if entry is None:
        return None
    after, before = _scopes(tok)
    matched = [
        p
        for p in table.patterns.get(entry.block, ())
        if all(e & after for e in p.after) and all(e & before for e in p.before)
    ]
    best = max(matched, key=lambda p: p.size, default=None)
    code = best.code if best is not None else entry.code
    if code is None:
        return None
    cameo = cameo_code(code)
    if cameo.plover_type is None:
        return None
    return Trigger(
        lemma=lemma,
        pos=("VERB",),
        event_type=cameo.plover_type,
        mode=cameo.plover_mode or entry.block.lower(),
        cameo=cameo.code,
        joint=cameo.code.startswith(JOINT_ROOTS),
        from_dictionary=True,
    )


def _scopes(tok: Token) -> tuple[set[str], set[str]]:
    """Words of the verb's objects and phrases (after), and of its subject and auxiliaries."""
    after: set[str] = set()
    before: set[str] = set()
    for child in tok.children:
        if child.dep_ in OUTSIDE_DEPS:
            continue
        words = {w for t in child.subtree for w in (t.lower_, t.lemma_.lower())}
        (before if child.dep_ in SUBJECT_DEPS or child.i < tok.i else after).update(words)
    return after, before
