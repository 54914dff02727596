"""Vote claims: counts and lists of the states that voted for, against or abstained.

- "X is one of the 11 countries that voted in March 2014 against the resolution in support of
  the territorial integrity of Ukraine" → subject: the resolution's description, predicate
  ``no_votes`` (``yes_votes``, ``abstentions``), value 11, unit ``countries``, object: the
  states named, with those listed in the same sentence or in the next one when it goes on
  with the list ("In addition to X, these were A, B and C"); the evidence then spans both.
- "X and Y voted against the resolution on Z in 2022" → subject [X, Y], ``voted_against``
  (``voted_for``, ``abstained_on``), object: the description.

The time is the sentence's date, else the last date before it; the description keeps the
resolution's words (so that verify_votes can find the roll call) and the time in brackets.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from axiswatch.extract._claim_epistemic import status_of
from axiswatch.extract._claim_sentence import (
    ClaimSentence,
    Draft,
    clause_head,
    clause_tokens,
    phrase,
)
from axiswatch.extract._claim_words import claim_words
from axiswatch.importers.unvotes import resolution_symbol

LIST_CUE = re.compile(
    r"\b(?:these|they|those|the\s+others?|the\s+rest|others)\s+(?:were|are|included|include)\b"
    r"|\bnamely\b|\bthe\s+(?:other|remaining)\s+\w+\s+(?:were|are)\b",
    re.IGNORECASE,
)
TALLY = re.compile(
    r"\bby\s+(?P<yes>\d[\d,]*)\s+votes?\s+(?:to|against)\s+(?P<no>\d[\d,]*)"
    r"(?:\s*(?:,|and)?\s*(?:with\s+)?(?P<abstain>\d[\d,]*)\s+abstentions?)?",
    re.IGNORECASE,
)
_GROUP_NOUNS = frozenset({"countries", "states", "nations", "members", "delegations"})
_MOTIONS = frozenset({"resolution", "draft", "motion", "proposal", "text", "amendment"})
_KINDS = {"against": "no", "for": "yes", "favour": "yes", "favor": "yes"}
_COUNT_PREDICATES = {"no": "no_votes", "yes": "yes_votes", "abstain": "abstentions"}
_LIST_PREDICATES = {"no": "voted_against", "yes": "voted_for", "abstain": "abstained_on"}


def _kind_and_motion(verb: Token) -> tuple[str, Token | None] | None:
    """How the verb voted ("no", "yes", "abstain") and the noun of what it voted on."""
    lemma = verb.lemma_.lower()
    if lemma == "abstain":
        kind = "abstain"
    elif lemma != "vote":
        return None
    else:
        kind = ""
    motion = None
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        word = child.lower_
        if word == "in":  # "in favour of"
            favour = next((g for g in child.children if g.lower_ in _KINDS), None)
            if favour is None:
                continue
            word = favour.lower_
            child = next((p for p in favour.children if p.dep_ == "prep"), favour)
        if word in _KINDS or (kind == "abstain" and word in {"on", "from"}):
            kind = kind or _KINDS[word]
            motion = next((g for g in child.children if g.dep_ == "pobj"), None) or motion
    return (kind, motion) if kind else None


def _description(motion: Token | None, cs: ClaimSentence, time: str | None) -> str | None:
    """The resolution's words without its date, with the time in brackets."""
    if motion is None:
        return None
    tokens = [t for t in motion.subtree if not cs.in_date(t)]
    while tokens and tokens[-1].lower_ in {"in", "on", "of", ",", "at"}:
        tokens = tokens[:-1]
    text = phrase(tokens, max_words=16)
    if not text:
        return None
    return f"{text} ({time})" if time else text


def _count(noun: Token) -> float | None:
    numbers = claim_words().numbers
    for child in noun.children:
        if child.dep_ == "nummod":
            text = child.lower_.replace(",", "")
            if text.isdigit():
                return float(text)
            if text in numbers:
                return float(numbers[text])
    return None


def _group(verb: Token) -> tuple[Token, float] | None:
    """The counted voters: "the 11 countries that voted", "13 members voted in favour"."""
    nouns = [verb.head] if verb.dep_ in {"relcl", "acl"} else []
    nouns += [c for c in verb.children if c.dep_ == "nsubj"]
    for noun in nouns:
        if noun.lower_ in _GROUP_NOUNS and (count := _count(noun)) is not None:
            return noun, count
    return None


def _is_motion(tok: Token | None, *, dated: bool = False) -> bool:
    """A resolution, draft or text by name or by date, not "it" nor an undated "these texts"."""
    if tok is None or tok.pos_ == "PRON":
        return False
    words = [t for t in tok.subtree if not t.is_punct]
    if resolution_symbol(" ".join(t.text for t in words)):
        return True
    named = any(t.lemma_.lower() in _MOTIONS for t in words)
    content = [t for t in words if t.pos_ not in {"DET", "ADP", "PRON"}]
    return named and (len(content) > 1 or dated)


def _motion_in(cs: ClaimSentence, verb: Token) -> Token | None:
    """The nearest resolution or draft named before the vote ("a draft that … 13 voted for")."""
    before = [t for t in cs.sent if t.i < verb.i and t.lemma_.lower() in _MOTIONS]
    return before[-1] if before else None


def _draft(cs: ClaimSentence, verb: Token, **fields: object) -> Draft:
    status, _ = status_of(verb, cs.sent)
    return Draft(
        epistemic=status,
        checkable_against="un_votes",
        anchor=verb.i,
        family="vote",
        **fields,  # type: ignore[arg-type]
    )


def _what_was_decided(verb: Token, cs: ClaimSentence, tally: set[Token]) -> list[Token]:
    """A verb's object and prepositional phrases, without the tally and dates."""
    words: list[Token] = []
    for child in verb.children:
        if child.dep_ not in {"dobj", "prep", "prt", "dative"}:
            continue
        tree = list(child.subtree)
        if tally & set(tree) or any(cs.in_date(t) for t in tree):
            continue
        words += tree
    return words


def _tallies(cs: ClaimSentence) -> list[Draft]:
    """ "adopted resolution 68/262 by 100 votes to 11, with 58 abstentions": three counts."""
    drafts: list[Draft] = []
    for match in TALLY.finditer(cs.sent.text):
        tokens = cs.token_span(match.start(), match.end())
        if not tokens:
            continue
        verb = clause_head(tokens[0])
        motion = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        time = cs.time_of(clause_tokens(verb), context=True)
        if motion is not None and _is_motion(motion):
            words = [t for t in motion.subtree if not cs.in_date(t)]
        else:  # "suspended Russia from the Human Rights Council"
            words = [verb, *_what_was_decided(verb, cs, set(tokens))]
        description = phrase(words, max_words=16)
        if not description:
            continue
        cs.used.update(t.i for t in tokens)
        for kind, group in (("yes", "yes"), ("no", "no"), ("abstain", "abstain")):
            if match.group(group):
                drafts.append(
                    _draft(
                        cs,
                        verb,
                        subject=f"{description} ({time})" if time else description,
                        predicate=_COUNT_PREDICATES[kind],
                        value=float(match.group(group).replace(",", "")),
                        unit="abstentions" if kind == "abstain" else "votes",
                        time=time,
                        rule=f"vote_tally:{kind}",
                    )
                )
    return drafts


def _members(cs: ClaimSentence, verb: Token, noun: Token, motion: set[Token]) -> list[str]:
    """The states named as among the counted voters: "X is one of the 11 countries that …".

    Only when the vote is a relative clause of the counted noun; "13 members voted in favour"
    names none.
    """
    if verb.dep_ not in {"relcl", "acl"} or verb.head.i != noun.i:
        return []
    outer = clause_tokens(noun)
    return cs.actors_in(t for t in outer if t not in motion)


def vote_claims(cs: ClaimSentence, following: ClaimSentence | None) -> list[Draft]:
    """The vote claims of a sentence; ``following`` may continue its list of states."""
    drafts: list[Draft] = _tallies(cs)
    for verb in cs.sent:
        found = _kind_and_motion(verb)
        if found is None:
            continue
        kind, motion = found
        group = _group(verb)
        if not _is_motion(motion, dated=cs.date_in(clause_tokens(verb)) is not None):
            motion = _motion_in(cs, verb) if group is not None else None
        if motion is None:
            continue
        motion_tokens = set(motion.subtree)
        time = cs.time_of(clause_tokens(verb), context=True)
        description = _description(motion, cs, time)
        if description is None:
            continue
        if group is None:
            members = cs.subject_actors(verb)
            if members:
                drafts.append(
                    _draft(
                        cs,
                        verb,
                        subject=list(members),
                        predicate=_LIST_PREDICATES[kind],
                        object=description,
                        time=time,
                        rule=f"vote_list:{kind}",
                    )
                )
            continue
        noun, count = group
        cs.used.update(c.i for c in noun.children if c.dep_ == "nummod")
        members = _members(cs, verb, noun, motion_tokens)
        end = None
        rule = f"vote_count:{kind}"
        if following is not None and LIST_CUE.search(following.text) and len(following.actors) > 1:
            more = [a for a in following.actors_in(following.sent) if a not in members]
            members = [*members, *more]
            end, rule = following.end, rule + "+next_sentence_list"
        drafts.append(
            _draft(
                cs,
                verb,
                subject=description,
                predicate=_COUNT_PREDICATES[kind],
                object=list(members) or None,
                value=count,
                unit=noun.lower_,
                time=time,
                rule=rule,
                end=end,
            )
        )
    return drafts
