"""Predicates from the parse: main verb + key object noun + the preposition of the object.

"China might provide dual-use goods for Russia" gives ``provides_goods_to``: the verb in the
third person, the head noun of what is provided (with its noun compounds), then the
preposition that attaches the other actor (``for`` after a giving verb reads as ``to``).
Aspect verbs give way to their complement ("started transporting oil" → ``transports_oil``);
"be"/"become" and "be described as" read the noun or adjective they link.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from axiswatch.extract._claim_sentence import VERBAL, ClaimSentence
from axiswatch.extract._claim_words import claim_words, snake, third_person

_ARGS = frozenset({"dobj", "attr", "acomp", "dative", "oprd", "nsubjpass"})
_LINKING = frozenset({"be", "become", "remain", "seem", "appear"})
_AS_VERBS = frozenset({"describe", "consider", "see", "regard", "view", "call", "portray"})
_KEEP_ASPECT = frozenset({"continue", "keep", "stop", "cease", "try", "seek", "plan"})
_RELATIVE = frozenset({"which", "that", "who", "whom", "what"})
_GOODS_PREPS = frozenset({"with", "for", "of", "on", "into", "about", "against"})


def semantic_verb(verb: Token) -> Token:
    """The verb that says what happens: "started using oil to pay" → "pay"."""
    node = verb
    words = claim_words()
    for _ in range(4):
        if node.lemma_.lower() not in words.aspect_verbs or node.lemma_.lower() in _KEEP_ASPECT:
            break
        nxt = next((c for c in node.children if c.dep_ == "xcomp" and c.pos_ in VERBAL), None)
        if nxt is None:
            break
        node = nxt
    return node


def noun_words(noun: Token | None, cs: ClaimSentence) -> list[str]:
    """A noun with the compounds before it ("missile technologies"); nothing for an actor."""
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"} or cs.actor(noun):
        return []
    mods = [
        c.lower_
        for c in noun.children
        if c.dep_ == "compound" and c.i < noun.i and c.pos_ in {"NOUN", "PROPN"} and not cs.actor(c)
    ]
    return [*mods[-2:], noun.lower_]


def _preps(verb: Token) -> Iterable[tuple[str, Token]]:
    for child in verb.children:
        if child.dep_ in {"prep", "agent"}:
            for obj in child.children:
                if obj.dep_ in {"pobj", "pcomp"}:
                    yield child.lower_, obj


def antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: "resources, which China consumes"."""
    node = pronoun
    while node.head.i != node.i:
        if node.dep_ == "relcl":
            return node.head
        node = node.head
    return None


def goods_of(verb: Token, cs: ClaimSentence) -> Token | None:
    """What a verb is about: its object noun, else "with"/"for" object, else its passive subject."""
    direct = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
    for tok in direct:
        if tok.lower_ in _RELATIVE:
            tok = antecedent(tok) or tok
        if not cs.actor(tok) and tok.pos_ in {"NOUN", "PROPN"}:
            return tok
    for prep, obj in _preps(verb):
        if prep in _GOODS_PREPS and not cs.actor(obj) and obj.pos_ == "NOUN":
            return obj
    for child in verb.children:
        if child.dep_ == "nsubjpass" and child.pos_ == "NOUN" and not cs.actor(child):
            return child
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ == "NOUN" and not cs.actor(verb.head):
        return verb.head
    return None


def object_prep(verb: Token, obj: Token | None) -> str | None:
    """The preposition that links the object actor to the verb ("to", "with", "of"…)."""
    if obj is None:
        return None
    node = obj
    giving = verb.lemma_.lower() in claim_words().transfer_verbs
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in {"prep", "agent"} or (node.dep_ == "dative" and node.pos_ == "ADP"):
            word = node.lower_
            if word == "by" and node.dep_ == "agent":
                return "from"
            return "to" if giving and word in {"for", "into"} else word
        if node.dep_ in {"dobj", "dative"} and node.head.i == verb.i:
            return "to" if giving and node.dep_ == "dobj" and _has_with(verb) else None
        node = node.head
    return None


def _has_with(verb: Token) -> bool:
    return any(prep == "with" for prep, _ in _preps(verb))


def _linked(verb: Token) -> Token | None:
    """The noun or adjective a linking verb links ("is ready", "became a supporter")."""
    for child in verb.children:
        if child.dep_ in {"attr", "acomp", "oprd"}:
            return child
    for prep, obj in _preps(verb):
        if prep == "as":
            return obj
    return None


def predicate_for(verb: Token, cs: ClaimSentence, obj: Token | None, *, prefix: str = "") -> str:
    """A snake_case predicate for a verb and the token of its object actor."""
    head = semantic_verb(verb)
    lemma = head.lemma_.lower()
    words = claim_words()
    parts: list[str] = [prefix] if prefix else []
    linked = _linked(head) if lemma in _LINKING | _AS_VERBS else None
    if linked is not None:
        if lemma == "become":
            parts.append("becomes")
        hedge = [c.lower_ for c in linked.children if c.lower_ in words.hedge_modifiers]
        parts += hedge
        if linked.pos_ == "ADJ":
            parts.append(linked.lower_)
            inner = next((c for c in linked.children if c.dep_ == "xcomp"), None)
            if inner is not None:
                parts += ["to", inner.lemma_.lower(), *noun_words(goods_of(inner, cs), cs)]
                return snake(*parts, object_prep(inner, obj))
        else:
            parts += noun_words(linked, cs) or [linked.lower_]
        return snake(*parts, object_prep(head, obj) or _noun_prep(linked, obj))
    if lemma in _KEEP_ASPECT:
        inner = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ in VERBAL), None)
        if inner is not None:
            parts += [third_person(lemma), "to"]
            head, lemma = inner, inner.lemma_.lower()
            parts.append(lemma)
        else:
            parts.append(third_person(lemma))
    elif any(c.dep_ == "auxpass" for c in head.children):
        parts += ["is", head.lower_]  # "Beijing was told": is_told
    else:
        parts.append(third_person(lemma))
    parts += [c.lower_ for c in head.children if c.dep_ == "prt"]
    goods = goods_of(head, cs)
    prep = goods.head if goods is not None else None
    if prep is not None and prep.dep_ == "prep" and prep.head.i == head.i and prep.lower_ != "with":
        parts.append(prep.lower_)  # "relies on rockets", "pays for weapons"
    parts += noun_words(goods, cs)
    return snake(*parts, object_prep(head, obj))


def _noun_prep(noun: Token, obj: Token | None) -> str | None:
    if obj is None:
        return None
    node = obj
    while node.head.i != node.i and node.i != noun.i:
        if node.dep_ == "prep" and node.head.i == noun.i:
            return node.lower_
        node = node.head
    return None


def argument_words(verb: Token, cs: ClaimSentence, *, depth: int = 1) -> list[str]:
    """The words of a verb's direct arguments (and of a "by doing" clause), for keyword tables."""
    out = [verb.lemma_.lower(), verb.lower_]
    nouns = [c for c in verb.children if c.dep_ in _ARGS]
    nouns += [obj for _, obj in _preps(verb)]
    if verb.dep_ in {"acl", "relcl"}:
        nouns.append(verb.head)
    for noun in nouns:
        if noun.pos_ in VERBAL:
            if depth > 0:
                out += argument_words(noun, cs, depth=depth - 1)
            continue
        group = [noun, *(c for c in noun.children if c.dep_ == "conj")]
        for item in group:
            out += [c.lower_ for c in item.children if c.dep_ in {"compound", "amod"}]
            out.append(item.lower_)
            if item.lower_ in _RELATIVE:
                out.append(item.head.lower_)
    inner = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in VERBAL), None)
    if inner is not None and depth > 0:
        out += argument_words(inner, cs, depth=depth - 1)
    return out
