"""Hedges, allegations and attributions of claims, and the words they govern.

``find_cues`` lists the words that make a sentence hedged ("might", "possibly", "it can be
assumed that", "claims that", "according to") with the verb each one governs (its anchor).
``status_of`` gives the epistemic value of any claim word from the cues above it in its own
clause: a relative clause ("munition, which is exported to Russia") is not under the hedge of
the clause it hangs on.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from axiswatch.extract._claim_sentence import VERBAL, clause_head
from axiswatch.extract._claim_words import claim_words

_STOP_AT = frozenset({"relcl", "acl", "parataxis"})
_ARGUMENT_DEPS = frozenset({"dobj", "attr", "pobj", "nsubj", "nsubjpass", "oprd"})
_PREDICATIVE = frozenset({"attr", "oprd"})
_LIGHT_VERBS = frozenset({"mean", "suggest", "indicate", "imply", "show", "signal", "signify"})
_THAT_WINDOW = 8


@dataclass(frozen=True)
class Cue:
    """A hedging word, its epistemic value and the verb whose statement it hedges."""

    token: Token
    epistemic: str
    anchor: Token
    kind: str  # modal, adverb, verb, adjective, modifier, allege, report, according


def _that_clause(word: Token) -> Token | None:
    """The verb of "<word> (by some experts) that <clause>": the clause its "that" opens."""
    for child in word.children:
        clause = child.dep_ in {"ccomp", "acl", "advcl", "relcl"} and child.pos_ in VERBAL
        if clause and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            return child
    for tok in word.doc[word.i + 1 : min(word.i + _THAT_WINDOW, word.sent.end)]:
        if tok.lower_ == "that" and tok.dep_ == "mark" and tok.head.pos_ in VERBAL:
            return tok.head if tok.head.i > word.i else None
        if tok.is_punct or tok.pos_ in VERBAL:
            return None
    return None


def _complement(verb: Token) -> Token:
    """Follow "it is possible to assume that X might …" to the verb of the statement."""
    words = claim_words()
    node = verb
    for _ in range(4):
        hedging = node.lemma_.lower() in words.hedge_verbs | _LIGHT_VERBS
        if not hedging and node.lower_ not in words.hedge_adjectives:
            break
        nxt = _that_clause(node) or next(
            (c for c in node.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ in VERBAL),
            None,
        )
        if nxt is None:
            break
        node = nxt
    return node


def _predicative(noun: Token) -> bool:
    """ "X is an expected supplier", "X can be described as an expected supplier"."""
    if noun.dep_ in _PREDICATIVE:
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in VERBAL


def _denied(noun: Token) -> bool:
    """ "no evidence", "not any proof", "there is little evidence"."""
    return any(
        c.lower_ in {"no", "little", "any"} for c in noun.children if c.dep_ in {"det", "amod"}
    )


def _cue(tok: Token, sent: Span) -> Cue | None:
    """The cue a token is, if it is one."""
    words = claim_words()
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.dep_ == "aux" and tok.tag_ == "MD" and low in words.modals:
        return Cue(tok, "hypothetical", _complement(tok.head), "modal")
    if tok.dep_ == "advmod" and low in words.hedge_adverbs:
        head = tok.head if tok.head.pos_ in VERBAL else clause_head(tok.head)
        return Cue(tok, words.hedge_adverbs[low], head, "adverb")
    if tok.dep_ == "amod" and low in words.hedge_modifiers:
        if not _predicative(tok.head):
            return None
        return Cue(tok, words.hedge_modifiers[low], clause_head(tok.head), "modifier")
    if tok.pos_ == "VERB" and lemma in words.hedge_verbs:
        return Cue(tok, "hypothetical", _complement(tok), "verb")
    if tok.pos_ == "ADJ" and low in words.hedge_adjectives and tok.dep_ == "acomp":
        inner = next((c for c in tok.children if c.dep_ in {"xcomp", "ccomp"}), None)
        inner = inner or _that_clause(tok) or _that_clause(tok.head)
        return None if inner is None else Cue(tok, "hypothetical", _complement(inner), "adjective")
    if low in words.unproven_nouns and _denied(tok) and (inner := _that_clause(tok)) is not None:
        return Cue(tok, "hypothetical", inner, "unproven")
    if low in words.allege_words and (inner := _that_clause(tok)) is not None:
        return Cue(tok, "alleged", inner, "allege")
    if lemma in words.allege_verbs and tok.pos_ == "VERB":  # "accused China of supplying"
        preps = [c for c in tok.children if c.dep_ == "prep"]
        inner = next((g for c in preps for g in c.children if g.pos_ in VERBAL), None)
        return None if inner is None else Cue(tok, "alleged", inner, "allege")
    if low in words.report_words and low != "according":
        inner = _that_clause(tok)
        return None if inner is None else Cue(tok, "reported", inner, "report")
    if low == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
        return Cue(tok, "reported", clause_head(tok), "according")
    return None


def find_cues(sent: Span) -> list[Cue]:
    """The hedging, alleging and reporting cues of a sentence, in text order."""
    return [cue for tok in sent if (cue := _cue(tok, sent)) is not None]


def _chain(anchor: Token) -> list[Token]:
    """The anchor and its heads, stopping at a relative clause's boundary."""
    chain = [anchor]
    node = anchor
    while node.head.i != node.i and node.dep_ not in _STOP_AT:
        node = node.head
        chain.append(node)
    return chain


def status_of(anchor: Token, sent: Span) -> tuple[str, str | None]:
    """The epistemic value of a claim whose word is ``anchor``, and the cue that decided it."""
    words = claim_words()
    chain = _chain(anchor)
    on_chain = {t.i for t in chain}
    for node in chain:
        for child in node.children:
            if child.dep_ == "aux" and child.tag_ == "MD" and child.lower_ in words.modals:
                return "hypothetical", child.text
            if child.dep_ == "advmod" and child.lower_ in words.hedge_adverbs:
                return words.hedge_adverbs[child.lower_], child.text
        if node.lemma_.lower() in words.hedge_verbs and node.pos_ == "VERB":
            return "hypothetical", node.text
        if node.lower_ in words.hedge_adjectives and node.dep_ == "acomp" and node.i != anchor.i:
            return "hypothetical", node.text
    for child in anchor.children:
        if child.dep_ in _ARGUMENT_DEPS:
            for mod in child.children:
                if mod.dep_ == "amod" and mod.lower_ in words.hedge_modifiers:
                    return words.hedge_modifiers[mod.lower_], mod.text
    for node in chain[1:]:
        low = node.lower_
        if low in words.unproven_nouns and _denied(node):
            inner = _that_clause(node)
            if inner is not None and inner.i in on_chain:
                return "hypothetical", node.text
        if low in words.allege_words:
            inner = _that_clause(node)
            if inner is not None and inner.i in on_chain:
                return "alleged", node.text
        if node.lemma_.lower() in words.allege_verbs and node.pos_ == "VERB":
            return "alleged", node.text
        if low in words.report_words and low != "according":
            inner = _that_clause(node)
            if inner is not None and inner.i in on_chain:
                return "reported", node.text
    head = clause_head(anchor)
    if any(c.dep_ == "neg" for t in {anchor, head} for c in t.children):
        return "negated", "not"
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            return "reported", "according to"
    for node in chain[1:]:
        if node.pos_ == "VERB" and node.lemma_.lower() in words.report_verbs and _named(node):
            return "reported", node.text
    return "asserted", None


def _named(verb: Token) -> bool:
    """Whether a reporting verb's subject is a named source ("Kirby said"), not "some experts"."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return any(t.pos_ == "PROPN" for t in child.subtree)
    return False
