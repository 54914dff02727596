"""Relation claims: rankings, shared borders and memberships.

- ranking: "China is North Korea's largest trade partner" → CHN ``largest_trade_partner_of``
  PRK; "one of the biggest exporters of military products to China" → ``major_arms_exporter_to``
  ("one of" the largest is ``major``, one of the key partners stays ``key``). The ranked actor
  is the subject of the verb the ranking noun completes, the other one its owner ("North
  Korea's", "of North Korea", "to China").
- border: "Russia and China have a land border with North Korea" → one
  ``shares_land_border_with`` claim per subject actor; "X borders Y"; negation kept.
- membership: "China and Russia were key participants in the Six-Party Talks" →
  ``participant_in`` with the organisation's code, or its name when it is not an actor.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from axiswatch.extract._claim_epistemic import status_of
from axiswatch.extract._claim_sentence import (
    SUBJECT_DEPS,
    VERBAL,
    ClaimSentence,
    Draft,
    clause_tokens,
    phrase,
    without_clauses,
)
from axiswatch.extract._claim_statements import code_or_list
from axiswatch.extract._claim_words import checkable_for, claim_words, snake

_SUPERLATIVE = frozenset({"largest", "biggest", "leading", "top", "first", "primary", "main"})
_NOUN_PREP = {
    "partner": "of", "market": "for", "destination": "for", "exporter": "to", "supplier": "to",
    "seller": "to", "lender": "to", "donor": "to", "investor": "in", "creditor": "of",
    "importer": "from", "buyer": "from", "customer": "of", "source": "of",
}  # fmt: skip
_BORDER_VERBS = frozenset({"have", "share", "has"})


def _governing_verb(tok: Token) -> Token | None:
    node = tok
    while node.head.i != node.i and node.pos_ not in VERBAL:
        node = node.head
    return node if node.pos_ in VERBAL else None


def _one_of(noun: Token) -> bool:
    """ "one of the largest …": the noun is the object of "of" after "one"."""
    prep = noun.head
    return prep.dep_ == "prep" and prep.lower_ == "of" and prep.head.lower_ in {"one", "among"}


def _owner(noun: Token, cs: ClaimSentence) -> tuple[list[str], list[Token]]:
    """The actor a ranking is relative to: "North Korea's", "of North Korea", "to China"."""
    owners: list[str] = []
    tokens: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss":
            owners += cs.actors_in(child.subtree)
            tokens += list(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in {"of", "to", "for", "in", "from"}:
            for obj in child.children:
                found = cs.actors_in(without_clauses(obj))
                owners += [a for a in found if a not in owners]
                tokens += without_clauses(obj)
                for inner in obj.children:  # "exporters of military products to China"
                    if inner.dep_ == "prep" and inner.lower_ in {"to", "for"}:
                        more = cs.actors_in(inner.subtree)
                        owners += [a for a in more if a not in owners]
    return owners, tokens


def _ranked(noun: Token, cs: ClaimSentence, owners: list[str]) -> list[str]:
    """The actors ranked: the subject of the verb the ranking completes."""
    verb = _governing_verb(noun)
    if verb is None:
        return []
    anchor = noun.head.head if _one_of(noun) else noun
    if anchor.dep_ in SUBJECT_DEPS:  # "North Korea's largest partner is China"
        attrs = [c for c in verb.children if c.dep_ in {"attr", "acomp"}]
        return [a for c in attrs for a in cs.actors_in(without_clauses(c)) if a not in owners]
    found = [a for a in cs.subject_actors(verb) if a not in owners]
    if found:
        return found
    before = [t for t in clause_tokens(noun) if t.i < noun.i and cs.actor(t)]
    return [a for a in cs.actors_in(before) if a not in owners][-1:]


def _kind(noun: Token, cs: ClaimSentence) -> str | None:
    words = claim_words()
    for child in noun.children:
        if child.dep_ in {"compound", "amod"} and child.lower_ in words.rank_kinds:
            return words.rank_kinds[child.lower_]
    goods = [w for c in noun.children if c.dep_ == "prep" for w in _words(c)]
    if checkable_for([noun.lower_, *goods]) == "arms_transfers":
        return "arms"
    return "trade" if noun.lemma_.lower() == "partner" else None


def _words(tok: Token) -> list[str]:
    return [t.lower_ for t in tok.subtree]


def ranking_claims(cs: ClaimSentence) -> Iterator[Draft]:
    """ "largest/main/key trade partner", "one of the biggest exporters of X to Y"."""
    words = claim_words()
    for noun in cs.sent:
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or lemma not in words.rank_nouns:
            continue
        adjective = next(
            (
                c.lower_
                for c in noun.children
                if c.dep_ == "amod" and c.lower_ in words.rank_adjectives
            ),
            None,
        )
        if adjective is None:
            continue
        rank = words.rank_adjectives[adjective]
        if _one_of(noun) and rank in _SUPERLATIVE:
            rank = "major"
        owners, _ = _owner(noun, cs)
        ranked = _ranked(noun, cs, owners)
        if not ranked or not owners:
            continue
        kind = _kind(noun, cs)
        predicate = snake(rank, kind, lemma, _NOUN_PREP.get(lemma, "of"))
        checkable = "arms_transfers" if kind == "arms" else "trade"
        status, _ = status_of(_governing_verb(noun) or noun, cs.sent)
        for subject in ranked:
            yield Draft(
                subject=subject,
                predicate=predicate,
                object=code_or_list(owners),
                time=cs.time_of(clause_tokens(noun)),
                epistemic=status,
                checkable_against=checkable,
                rule=f"ranking:{adjective}" + ("+one_of" if _one_of(noun) else ""),
                anchor=noun.i,
                family="ranking",
            )


def border_claims(cs: ClaimSentence) -> Iterator[Draft]:
    """ "X (and Y) have/share a (land) border with Z", "X borders Z"."""
    for tok in cs.sent:
        if tok.i in cs.used:
            continue
        lemma = tok.lemma_.lower()
        if lemma == "border" and tok.pos_ == "VERB":
            verb, border = tok, None
        elif lemma in {"border", "frontier", "boundary"} and tok.pos_ == "NOUN":
            verb, border = tok.head, tok
            if tok.dep_ != "dobj" or verb.lemma_.lower() not in _BORDER_VERBS:
                continue
        else:
            continue
        subjects = cs.subject_actors(verb)
        others: list[str] = []
        scope = border if border is not None else verb
        for child in scope.children:
            if child.dep_ == "prep" and child.lower_ in {"with", "to"}:
                others += [a for g in child.children for a in cs.actors_in(g.subtree)]
            elif child.dep_ == "dobj" and border is None:
                others += cs.actors_in(child.subtree)
        if not others and len(subjects) == 2:  # "Russia and North Korea share a border"
            subjects, others = subjects[:1], subjects[1:]
        if not subjects and not others:  # "the two countries share a border"
            pair = cs.pair_named_before(verb.subtree)
            subjects, others = pair[:1], pair[1:]
        if not subjects or not others:
            continue
        land = border is not None and any(c.lower_ == "land" for c in border.children)
        predicate = "shares_land_border_with" if land else "shares_border_with"
        status, _ = status_of(verb, cs.sent)
        for subject in subjects:
            for other in others:
                if other == subject:
                    continue
                yield Draft(
                    subject=subject,
                    predicate=predicate,
                    object=other,
                    time=cs.time_of(clause_tokens(verb)),
                    epistemic=status,
                    checkable_against="borders",
                    rule="border_shared" if border is not None else "border_verb",
                    anchor=(border or verb).i,
                    family="border",
                )


def membership_claims(cs: ClaimSentence) -> Iterator[Draft]:
    """ "X is a member of Y", "X and Y were key participants in Z"."""
    table = claim_words().memberships
    for noun in cs.sent:
        predicate = table.get(noun.lower_)
        if predicate is None or noun.pos_ != "NOUN":
            continue
        anchor = noun.head.head if _one_of(noun) else noun
        verb = anchor.head
        if anchor.dep_ not in {"attr", "oprd"} or verb.pos_ not in VERBAL:
            continue
        subjects = cs.subject_actors(verb)
        target = next(
            (
                g
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ in {"of", "in", "to"}
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if not subjects or target is None:
            continue
        found = cs.actors_in(without_clauses(target))
        obj = found[0] if len(found) == 1 and cs.actor(target) else phrase(without_clauses(target))
        if not obj or obj in subjects:
            continue
        founding = any(c.lower_ in {"founding", "founder"} for c in noun.children)
        status, _ = status_of(verb, cs.sent)
        yield Draft(
            subject=code_or_list(subjects),
            predicate=snake("founding" if founding else None, predicate),
            object=obj,
            time=cs.time_of(clause_tokens(verb)),
            epistemic=status,
            checkable_against="membership",
            rule=f"membership:{noun.lemma_.lower()}",
            anchor=noun.i,
            family="membership",
        )
