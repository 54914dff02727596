"""Quantity claims: lengths, percentages, sums of money and counts, with value and unit.

Each number is read in its own clause: the actors of that clause are the claim's subject (the
verb's subject first) and object, so "the border between Russia and North Korea is 39 km, and
the border between China and North Korea is 1420 km" gives two claims. Years, dates and
ordinals are not quantities.

- length: ``land_border_length_with`` / ``border_length_with`` when the clause is about a
  border (unit ``km`` or ``mi``), else ``<noun>_length``;
- percentage: ``share_of_<what>`` for "14 % of the world's energy supply", ``<verb>_by`` for
  "grew by 30 %", else ``<noun>_percent``;
- money: ``<topic>_value`` (unit ``USD``, ``EUR``…; "1.5 billion" is 1.5e9);
- count: ``<verb>_<noun>_<prep>`` ("sent 12,000 soldiers to Russia": ``sends_soldiers_to``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from axiswatch.extract._claim_epistemic import status_of
from axiswatch.extract._claim_predicates import argument_words, noun_words, object_prep
from axiswatch.extract._claim_sentence import (
    SUBJECT_DEPS,
    VERBAL,
    ClaimSentence,
    Draft,
    clause_head,
    clause_tokens,
)
from axiswatch.extract._claim_statements import code_or_list
from axiswatch.extract._claim_words import checkable_for, claim_words, snake, third_person

_NUM = r"(?<![\d,.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d++(?:\.\d++)?)"
"""A number from the start of its digits (so a long digit run is tried once, not at every
digit): with the atomic spaces below, the number patterns run in linear time."""
_SCALE = r"(?:\s*(?P<scale>trillion|billion|million|thousand|bn|mln|mn)\b)?"
LENGTH = re.compile(
    _NUM + r"\s*+(?:-\s*+)?(?P<unit>km|kilomet(?:er|re)s?|miles?|mi)\b", re.IGNORECASE
)
PERCENT = re.compile(_NUM + r"\s*+(?P<unit>%|percent\b|per\s++cent\b)", re.IGNORECASE)
MONEY = re.compile(
    r"(?P<cur>US\s?\$|\$|USD\s?|€|EUR\s?|£)\s?" + _NUM + _SCALE
    + r"|" + _NUM.replace("num", "num2") + _SCALE.replace("scale", "scale2")
    + r"\s+(?P<cur2>(?:US\s+)?dollars|USD|euros?|yuan|renminbi|roubles?|rubles?|won)\b",
    re.IGNORECASE,
)  # fmt: skip
_SCALES = {
    "trillion": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mln": 1e6, "mn": 1e6,
    "thousand": 1e3,
}  # fmt: skip
_CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "us dollars": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP",
    "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "won": "KRW",
}  # fmt: skip
_LENGTH_UNITS = {"km": "km", "kilometer": "km", "kilometre": "km", "mile": "mi", "mi": "mi"}
_DETERMINERS = frozenset({"the", "these", "those", "both", "all", "its", "their", "our", "his"})


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _tokens(cs: ClaimSentence, match: re.Match[str]) -> list[Token]:
    return cs.token_span(match.start(), match.end())


def _fresh(cs: ClaimSentence, tokens: list[Token]) -> bool:
    return bool(tokens) and not any(t.i in cs.used for t in tokens) and not cs.in_date(tokens[0])


def _parties(cs: ClaimSentence, clause: list[Token], verb: Token) -> tuple[list[str], list[str]]:
    """Subject actors (the verb's subject first) and the other actors of a clause."""
    subject = cs.subject_actors(verb)
    everyone = cs.actors_in(clause)
    if not subject and everyone:
        subject = everyone[:1]
    return subject, [a for a in everyone if a not in subject]


def _draft(cs: ClaimSentence, tokens: list[Token], **fields: object) -> Draft:
    """A quantity draft with the clause's time and epistemic value filled in."""
    verb = clause_head(tokens[0])
    clause = clause_tokens(tokens[0])
    cs.used.update(t.i for t in tokens)
    status, _ = status_of(verb, cs.sent)
    return Draft(
        time=cs.time_of([t for t in clause if t not in tokens]),
        epistemic=status,
        anchor=tokens[0].i,
        family="quantity",
        **fields,  # type: ignore[arg-type]
    )


def _lengths(cs: ClaimSentence) -> Iterator[Draft]:
    for match in LENGTH.finditer(cs.sent.text):
        tokens = _tokens(cs, match)
        if not _fresh(cs, tokens):
            continue
        clause = clause_tokens(tokens[0])
        words = [t.lower_ for t in clause]
        unit_word = match.group("unit").lower().rstrip("s")
        unit = _LENGTH_UNITS.get(unit_word, unit_word)
        subject, others = _parties(cs, clause, clause_head(tokens[0]))
        if {"border", "borders", "boundary"} & set(words):
            if _distance_from_border(tokens):
                continue  # "barracks 25 to 40 miles from the border" measures no border
            pair = _border_pair(cs, clause, [*subject, *others])
            if pair is None:
                continue
            subj, obj = pair
            predicate = "land_border_length_with" if "land" in words else "border_length_with"
            checkable = "borders"
            cs.used.update(t.i for t in clause if t.lemma_.lower() in {"border", "boundary"})
        else:
            noun = tokens[-1].head if tokens[-1].head.pos_ == "NOUN" else None
            predicate = snake(*(noun_words(noun, cs) or ["length"]), "length")
            subj, obj = code_or_list(subject), code_or_list(others)
            checkable = "none"  # a range, a distance, a railway: no dataset measures it
        if subj is None:
            continue
        yield _draft(
            cs,
            tokens,
            subject=subj,
            predicate=predicate,
            object=obj,
            value=_number(match.group("num")),
            unit=unit,
            checkable_against=checkable,
            rule=f"quantity_length:{unit}",
        )


_AWAY = frozenset(
    {"from", "off", "near", "inside", "within", "beyond", "across", "behind", "along", "past"}
)


def _distance_from_border(tokens: list[Token]) -> bool:
    """Whether the measure is a distance to a border ("40 miles from the border", "20 km
    inside Ukraine"): the unit, or the word it measures, takes a spatial preposition."""
    unit = tokens[-1]
    if unit.head.lower_ in _AWAY and unit.head.pos_ == "ADP":  # "40 miles [from] the border"
        return True
    for node in (unit, unit.head):
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in _AWAY:
                return True
            if child.dep_ == "advmod" and child.lower_ in {"away", "off"}:
                return True
    return False


def _border_pair(
    cs: ClaimSentence, clause: list[Token], actors: list[str]
) -> tuple[str, str] | None:
    """The two sides of a border: named in the clause, "the two countries" of the sentence
    before, or "the border with X" and the sentence's first state."""
    if len(actors) >= 2:
        return actors[0], actors[1]
    pair = cs.pair_named_before(clause)
    if pair:
        return pair[0], pair[1]
    if len(actors) == 1:  # "…; the border with China is 1,352 km": the sentence's first state
        main = [a for a in cs.actors_in(cs.sent) if a != actors[0]]
        if main:
            return main[0], actors[0]
    return None


def _of_phrase(tok: Token, cs: ClaimSentence) -> list[str]:
    """Content words of the "of" phrase after a token: "of the world's energy supply"."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            words = []
            for obj in child.children:
                for t in obj.subtree:
                    if t.pos_ in {"NOUN", "PROPN", "ADJ"} and not cs.actor(t):
                        words.append(t.lower_)
            return words
    return []


def _percentages(cs: ClaimSentence) -> Iterator[Draft]:
    for match in PERCENT.finditer(cs.sent.text):
        tokens = _tokens(cs, match)
        if not _fresh(cs, tokens):
            continue
        last = tokens[-1]
        verb = clause_head(last)
        clause = clause_tokens(last)
        subject, others = _parties(cs, clause, verb)
        share = _of_phrase(last, cs) or _of_phrase(last.head, cs)
        before = cs.sent.doc[tokens[0].i - 1] if tokens[0].i > cs.sent.start else None
        if share:
            predicate = snake("share_of", *share)
        elif before is not None and before.lower_ == "by" and verb.pos_ in VERBAL:
            topic = [w for c in verb.children if c.dep_ in SUBJECT_DEPS for w in noun_words(c, cs)]
            predicate = snake(*topic, third_person(verb.lemma_), "by")
        else:
            noun = last.head if last.head.pos_ == "NOUN" else None
            predicate = snake(*(noun_words(noun, cs) or ["value"]), "percent")
        if not subject:
            continue
        yield _draft(
            cs,
            tokens,
            subject=code_or_list(subject),
            predicate=predicate,
            object=code_or_list(others),
            value=_number(match.group("num")),
            unit="%",
            checkable_against=checkable_for([*predicate.split("_"), *argument_words(verb, cs)]),
            rule="quantity_percent",
        )


def _money(cs: ClaimSentence) -> Iterator[Draft]:
    for match in MONEY.finditer(cs.sent.text):
        tokens = _tokens(cs, match)
        if not _fresh(cs, tokens):
            continue
        num = match.group("num") or match.group("num2")
        scale = (match.group("scale") or match.group("scale2") or "").lower()
        cur = re.sub(r"\s+", " ", (match.group("cur") or match.group("cur2") or "").strip().lower())
        unit = _CURRENCIES.get(cur.replace(" ", "") if "$" in cur else cur, cur.upper())
        verb = clause_head(tokens[0])
        clause = clause_tokens(tokens[0])
        subject, others = _parties(cs, clause, verb)
        if not subject:
            continue
        topic = next(
            (
                noun_words(c, cs)
                for c in verb.children
                if c.dep_ in SUBJECT_DEPS and noun_words(c, cs)
            ),
            None,
        ) or noun_words(_money_noun(tokens), cs)
        yield _draft(
            cs,
            tokens,
            subject=code_or_list(subject),
            predicate=snake(*(topic or ["amount"]), "value", "with" if others else None),
            object=code_or_list(others),
            value=_number(num) * _SCALES.get(scale, 1.0),
            unit=unit,
            checkable_against=checkable_for([*(topic or []), *argument_words(verb, cs)]),
            rule="quantity_money",
        )


def _money_noun(tokens: list[Token]) -> Token | None:
    """The noun a sum of money measures ("$2 billion deal", "worth of exports")."""
    head = tokens[-1].head
    return head if head.pos_ == "NOUN" and head not in tokens else None


def _count_value(tok: Token) -> float | None:
    words = claim_words().numbers
    text = tok.lower_
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text):
        return _number(text)
    if text in words:
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        if before is not None and before.lower_ in _DETERMINERS:
            return None
        return float(words[text])
    return None


def _governing_verb(noun: Token) -> Token | None:
    """The verb a counted noun is an argument of ("sent 12,000 soldiers", "limited to 500,000
    barrels"), or None when it is part of a noun phrase ("the annexation of four regions")."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubj", "nsubjpass", "attr", "dative"} and head.pos_ in VERBAL:
        return head
    if noun.dep_ == "pobj" and head.dep_ in {"prep", "dative"} and head.head.pos_ in VERBAL:
        return head.head
    return None


def _counts(cs: ClaimSentence) -> Iterator[Draft]:
    skip = claim_words().not_counted
    for tok in cs.sent:
        if tok.dep_ != "nummod" or tok.i in cs.used or cs.in_date(tok):
            continue
        noun = tok.head
        if noun.tag_ not in {"NNS", "NNPS"} or noun.lower_ in skip or cs.actor(noun):
            continue
        value = _count_value(tok)
        verb = _governing_verb(noun)
        if value is None or value < 2 or verb is None:
            continue
        clause = clause_tokens(noun)
        subject, others = _parties(cs, clause, verb)
        if not subject:
            continue
        obj = next((t for t in clause if cs.actor(t) and cs.actor(t) in others), None)
        lemma = verb.lemma_.lower() if verb.pos_ in VERBAL else ""
        head = "number_of" if lemma in {"be", ""} else third_person(lemma)
        predicate = snake(head, noun.lower_, object_prep(verb, obj) if obj is not None else None)
        yield _draft(
            cs,
            [tok],
            subject=code_or_list(subject),
            predicate=predicate,
            object=code_or_list(others),
            value=value,
            unit=noun.lower_,
            checkable_against=checkable_for([noun.lower_, *argument_words(verb, cs)]),
            rule="quantity_count",
        )


def quantity_claims(cs: ClaimSentence) -> list[Draft]:
    """Every quantity claim of a sentence, in the order lengths, percentages, money, counts."""
    return [*_lengths(cs), *_percentages(cs), *_money(cs), *_counts(cs)]
