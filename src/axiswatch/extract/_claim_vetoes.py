"""Veto claims: who vetoed a Security Council draft, and when.

"Russia vetoed a draft on Crimea on 15 March 2014", "the draft was vetoed by China and the
Russian Federation", "Moscow cast its veto", "a veto by Russia": the vetoing members are the
verb's subject (active), its agent (passive), or the noun's possessor or "by" phrase. The claim
is ``vetoed`` with those members as subject and the clause's time; the veto list checks it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from axiswatch.extract._claim_epistemic import status_of
from axiswatch.extract._claim_sentence import ClaimSentence, Draft, clause_tokens
from axiswatch.extract._claim_statements import code_or_list

_CAST = frozenset({"cast", "use", "exercise", "wield", "employ"})


def _by_phrase(node: Token, cs: ClaimSentence) -> list[str]:
    return [
        actor
        for child in node.children
        if child.dep_ in {"agent", "prep"} and child.lower_ == "by"
        for obj in child.children
        for actor in cs.actors_in(obj.subtree)
    ]


def _vetoers(tok: Token, cs: ClaimSentence) -> tuple[list[str], Token] | None:
    """The vetoing members and the verb whose clause dates the veto."""
    if tok.pos_ == "VERB":
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        found = _by_phrase(tok, cs) if passive else cs.subject_actors(tok)
        return (found, tok) if found else None
    if tok.pos_ != "NOUN":
        return None
    owners = [a for c in tok.children if c.dep_ == "poss" for a in cs.actors_in(c.subtree)]
    found = owners or _by_phrase(tok, cs)
    verb = tok.head
    if not found and tok.dep_ == "dobj" and verb.lemma_.lower() in _CAST:
        found = cs.subject_actors(verb)  # "Russia cast a veto"
    if not found:
        return None
    return found, verb if verb.pos_ in {"VERB", "AUX"} else tok


def veto_claims(cs: ClaimSentence) -> Iterator[Draft]:
    """One ``vetoed`` claim per veto named in the sentence with its members."""
    for tok in cs.sent:
        if tok.i in cs.used or tok.lemma_.lower() != "veto":
            continue
        found = _vetoers(tok, cs)
        if found is None:
            continue
        members, clause_verb = found
        members = [m for m in dict.fromkeys(members) if len(m) == 3]
        if not members:
            continue
        status, _ = status_of(clause_verb, cs.sent)
        cs.used.add(tok.i)
        yield Draft(
            subject=code_or_list(members),
            predicate="vetoed",
            object=None,
            time=cs.time_of(clause_tokens(clause_verb)),
            epistemic=status,
            checkable_against="vetoes",
            rule=f"veto_{tok.pos_.lower()}",
            anchor=tok.i,
            family="veto",
        )
