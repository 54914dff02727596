"""How relations and organisations change: two claim families that need no second party.

- relations: "relations between Russia and North Korea seemed to decay" → RUS
  ``relations_decay_with`` PRK; "... were in deep crisis from 2017 to 2018" →
  ``relations_in_crisis_with``, time ``2017/2018``. Only relation nouns that are the subject of
  a word of change or state (``claim_words.yaml``: relations.changes) give a claim, so "X has
  a long history of relations with Y" does not.
- organisations: "the establishment of AUKUS in 2021" → AUKUS ``established``, 2021; "the 2017
  restructuring of the Quad" → ``restructured``; "NATO was founded in 1949". The time is the
  date of the noun phrase (or clause), not of the organisation's name.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from axiswatch.extract._claim_epistemic import status_of
from axiswatch.extract._claim_predicates import semantic_verb
from axiswatch.extract._claim_sentence import (
    SUBJECT_DEPS,
    VERBAL,
    ClaimSentence,
    Draft,
    clause_tokens,
    without_clauses,
)
from axiswatch.extract._claim_statements import code_or_list
from axiswatch.extract._claim_words import claim_words, snake

_SEEM = frozenset({"seem", "appear", "become", "remain", "get"})


def _relation_holders(noun: Token, cs: ClaimSentence) -> list[str]:
    """Actors whose relations these are: "between A and B", "A's … with B", "Sino-Russian"."""
    tokens: list[Token] = []
    for child in noun.children:
        if child.dep_ in {"amod", "compound", "poss", "nmod"}:
            tokens += list(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in {"between", "with", "among", "of"}:
            tokens += [t for g in child.children for t in without_clauses(g)]
    return cs.actors_in(tokens)


def _change(verb: Token) -> list[str]:
    """The words of change or state a verb says of its subject ("decay", "in crisis")."""
    changes = claim_words().relation_changes
    head = verb
    if head.lemma_.lower() in _SEEM:
        inner = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ in VERBAL), None)
        head = inner or head
    lemma = head.lemma_.lower()
    if lemma in changes or head.lower_ in changes:
        return [lemma]
    for child in head.children:
        if child.dep_ in {"acomp", "attr", "oprd"} and child.lower_ in changes:
            return [child.lower_]
        if child.dep_ == "prep" and child.lower_ == "in":
            for obj in child.children:
                if obj.lemma_.lower() in changes:
                    return ["in", obj.lower_]
    return []


def relation_claims(cs: ClaimSentence) -> Iterator[Draft]:
    """Claims on the state of relations between named actors."""
    nouns = claim_words().relation_nouns
    for noun in cs.sent:
        if noun.lower_ not in nouns or noun.dep_ not in SUBJECT_DEPS:
            continue
        verb = noun.head
        change = _change(verb)
        holders = _relation_holders(noun, cs)
        if not change or len(holders) < 2:
            continue
        pair = len(holders) == 2
        status, _ = status_of(semantic_verb(verb), cs.sent)
        yield Draft(
            subject=holders[0] if pair else list(holders),
            predicate=snake(noun.lower_, *change, "with" if pair else None),
            object=holders[1] if pair else None,
            time=cs.time_of(clause_tokens(verb)),
            epistemic=status,
            checkable_against="none",
            rule=f"relations:{change[-1]}",
            anchor=verb.i,
            family="relations",
        )


def _organisation_of(noun: Token, cs: ClaimSentence) -> tuple[str, list[Token]] | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                tokens = list(obj.subtree)
                found = [a for a in cs.actors_in(tokens) if a in cs.organisations]
                if found:
                    return found[0], tokens
    return None


def _phrase(noun: Token) -> list[Token]:
    """A noun's subtree without the nouns conjoined to it."""
    out = [noun]
    for child in noun.children:
        if child.dep_ not in {"conj", "cc"}:
            out.extend(child.subtree)
    return out


def organisation_claims(cs: ClaimSentence) -> Iterator[Draft]:
    """Claims on the founding, restructuring or enlargement of organisations."""
    words = claim_words()
    for tok in cs.sent:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.pos_ == "NOUN" and low in words.organisation_nouns:
            found = _organisation_of(tok, cs)
            if found is None:
                continue
            code, name = found
            own = [t for t in _phrase(tok) if t not in name]
            predicate, anchor = words.organisation_nouns[low], tok
        elif tok.pos_ == "VERB" and lemma in words.organisation_verbs:
            subjects = [c for c in tok.children if c.dep_ == "nsubjpass"]
            codes = [a for s in subjects for a in cs.actors_in(s.subtree) if a in cs.organisations]
            if not codes:
                continue
            code, own = codes[0], clause_tokens(tok)
            predicate, anchor = words.organisation_verbs[lemma], tok
        else:
            continue
        status, _ = status_of(anchor, cs.sent)
        yield Draft(
            subject=code_or_list([code]),
            predicate=predicate,
            time=cs.time_of(own),
            epistemic=status,
            checkable_against="none",
            rule=f"organisation:{lemma}",
            anchor=anchor.i,
            family="organisation",
        )
