"""Epistemic status of an event: asserted, reported, alleged, hypothetical or negated.

Decided from the trigger's own negation, the modal verbs and hedges that govern it, the
accusation verbs it is the complement of, and attributions ("according to", "X said").
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Span, Token

from axiswatch.extract.arguments import REQUEST_VERBS, penalised

MODALS = frozenset({"might", "may", "could", "would", "should"})
HEDGE_LEMMAS = frozenset(
    {
        "possible",
        "possibly",
        "perhaps",
        "likely",
        "probably",
        "assume",
        "suppose",
        "speculate",
        "hypothesis",
        "expect",
        "maybe",
        "potential",
        "potentially",
    }
)
PLAN_NOUNS = frozenset(
    {"preparation", "plan", "proposal", "prospect", "possibility", "hope", "expectation", "idea"}
)
"""Nouns of "preparations for a summit": the act they govern has not (yet) happened."""
CHARGING_VERBS = frozenset(
    {"condemn", "criticize", "criticise", "punish", "sanction", "fault", "penalize", "penalise"}
)
"""Verbs whose "X for V-ing" states V as the speaker's charge against X."""
ALLEGE_LEMMAS = frozenset(
    {"blame", "accuse", "allege", "claim", "suspect", "allegedly", "accusation", "charge"}
)
REPORT_LEMMAS = frozenset(
    {
        "say",
        "report",
        "tell",
        "confirm",
        "announce",
        "state",
        "note",
        "according",
        "estimate",
        "assess",
    }
)
CONDITIONAL_MARKERS = frozenset({"if", "unless", "whether"})
ATTRIBUTION_CUES = frozenset({"allegedly", "reportedly", "according"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
# Verbs that negate the act they govern; for a cooperative act the coder codes a REJECT.
NEGATING_VERBS = frozenset({"decline", "refuse", "fail", "avoid", "deny"})
NEGATING_DETS = frozenset({"no", "neither", "nor"})
HEDGED_MODIFIERS = {
    "claimed": "alleged",
    "alleged": "alleged",
    "suspected": "alleged",
    "reported": "reported",
    "purported": "alleged",
    "possible": "hypothetical",
    "planned": "hypothetical",
    "proposed": "hypothetical",
}


@dataclass(frozen=True)
class Status:
    """An epistemic value and the cue that decided it."""

    value: str
    cue: str | None = None


def _ancestors_in_clause(token: Token, sent: Span) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and chain[-1].head.i >= sent.start:
        chain.append(chain[-1].head)
    return chain


def is_negated(token: Token) -> bool:
    """The trigger itself is negated ("did not support", "no visit", "no leader visited")."""
    if any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in NEGATING_DETS) for c in token.children
    ):
        return True
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(
        d.dep_ in {"det", "preconj"} and d.lower_ in NEGATING_DETS
        for s in subjects
        for d in s.subtree
    )


def _about_to(node: Token) -> bool:
    """ "is about to sign": about to do it, not yet done ("informed him about the talks" is
    no such cue: the preposition must be followed by "to")."""
    return (
        node.lower_ == "about"
        and node.dep_ in {"acomp", "advmod", "prep"}
        and node.i + 1 < len(node.doc)
        and node.nbor(1).lower_ == "to"
    )


def classify(token: Token, sent: Span, *, source_tokens: frozenset[int] = frozenset()) -> Status:
    """The epistemic status of an event whose trigger is ``token`` in ``sent``."""
    chain = _ancestors_in_clause(token, sent)
    for child in token.children:
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in FUTURE_AUX:
            return Status("hypothetical", child.text)
        if child.dep_ in {"amod", "compound"} and child.lower_ in HEDGED_MODIFIERS:
            return Status(HEDGED_MODIFIERS[child.lower_], child.text)
    for below, node in pairwise(chain):
        if below.dep_ == "conj":
            continue  # "avoided A but did B": a coordinated verb does not govern B
        if node.lemma_.lower() in NEGATING_VERBS:
            return Status("negated", node.text)
        if _about_to(node):
            return Status("hypothetical", "about to")
    for node in chain:
        for child in node.children:
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in MODALS:
                return Status("hypothetical", child.text)
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKERS:
                return Status("hypothetical", child.text)
        if node.lemma_.lower() in HEDGE_LEMMAS and node.i != token.i:
            return Status("hypothetical", node.text)
    if is_negated(token):
        return Status("negated", "not")
    for node in chain[1:]:
        if node.lemma_.lower() in ALLEGE_LEMMAS:
            return Status("alleged", node.text)
    asked_by = _request_over(token)
    if asked_by is not None:
        return Status("hypothetical", asked_by.text)
    planned_by = planning_noun(token)
    if planned_by is not None:
        return Status("hypothetical", planned_by.text)
    blamed_by = _charged_act(token)
    if blamed_by is not None:
        return Status("alleged", blamed_by.text)
    cues = ATTRIBUTION_CUES.intersection(sent.text.lower().split())
    for word in sent if cues else ():
        if word.lower_ in {"allegedly", "reportedly"} and word.head.i in {n.i for n in chain}:
            return Status("alleged" if word.lower_ == "allegedly" else "reported", word.text)
        following = word.doc[word.i + 1] if word.i + 1 < sent.end else None
        if word.lower_ == "according" and following is not None and following.lower_ == "to":
            return Status("reported", "according to")
    for node in chain[1:]:
        if node.lemma_.lower() in REPORT_LEMMAS and node.pos_ == "VERB":
            subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects and not any(t.i in source_tokens for s in subjects for t in s.subtree):
                return Status("reported", node.text)
    return Status("asserted")


def _charged_act(token: Token) -> Token | None:
    """The verb of "sanctioned X for V-ing" / "imposed sanctions on X for V-ing" over V."""
    if token.dep_ != "pcomp" or token.head.lower_ not in {"for", "of"}:
        return None
    verb = token.head.head
    charging = verb.pos_ == "VERB" and verb.lemma_.lower() in CHARGING_VERBS
    if charging or penalised(verb) is not None:
        return verb
    return None


def planning_noun(token: Token) -> Token | None:
    """The noun of "preparations for a second meeting" over the act it plans."""
    for above in token.ancestors:
        if above.pos_ == "NOUN" and above.lemma_.lower() in PLAN_NOUNS:
            return above
        if above.pos_ in {"VERB", "AUX"}:
            return None
    return None


def _request_over(token: Token) -> Token | None:
    """The verb of "urged X to V" / "demanded that X V" over V: V is asked for, not done."""
    node = token
    for _ in range(3):
        if node.dep_ not in {"xcomp", "ccomp"}:
            return None
        if node.head.lemma_.lower() in REQUEST_VERBS:
            return node.head
        node = node.head
    return None
