"""Veto claims: who vetoed a Security Council draft, and when.

"Russia vetoed a draft on Crimea on 15 March 2014", "the draft was vetoed by China and the
Russian Federation", "Moscow cast its veto", "a veto by Russia": the vetoing members are the
verb's subject (active), its agent (passive), or the noun's possessor or "by" phrase. The claim
is ``vetoed`` with those members as subject and the clause's time; with no date in the clause,
the year of the last date before it, and the rule says so (such a claim is never contradicted:
the date is a guess). The veto list checks it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from axiswatch.extract._claim_epistemic import status_of
from axiswatch.extract._claim_sentence import ClaimSentence, Draft, clause_tokens
from axiswatch.extract._claim_statements import code_or_list
from axiswatch.model import DATE_FROM_CONTEXT

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


_BOUNDS = frozenset({"since", "until", "till", "before", "after"})
_TOPIC_PREPS = frozenset({"on", "over", "about", "concerning", "regarding"})


def _when_tokens(verb: Token) -> list[Token]:
    """The clause's tokens that can date the veto: not "since 2006" or "after the test",
    which bound a span or point to another moment."""
    clause = clause_tokens(verb)
    bounded = {t.i for b in clause if b.dep_ == "prep" and b.lower_ in _BOUNDS for t in b.subtree}
    return [t for t in clause if t.i not in bounded]


def _first_since(noun: Token, cs: ClaimSentence) -> tuple[int, list[str]] | None:
    """ "the first veto on a North Korea text since 2006": the year, and the topic's actors."""
    if noun.pos_ != "NOUN" or not any(c.lower_ == "first" for c in noun.children):
        return None
    since = next((t for t in noun.subtree if t.lower_ == "since"), None) or next(
        (t for t in cs.sent if t.i > noun.i and t.lower_ == "since"), None
    )  # "the first veto cast ..., since the Council began ..." may hang on the main verb
    if since is None:
        return None
    scope = list((since if since.dep_ == "prep" else since.head).subtree)
    when = cs.date_in(scope)
    if when is None or not when.date_start[:4].isdigit():
        return None
    phrase = list(noun.head.subtree) if noun.dep_ in {"nsubj", "nsubjpass"} else []
    phrase = phrase or list(noun.subtree)  # "the first veto [cast on a North Korea text]"
    topic = [t for t in phrase if t.i not in {x.i for x in scope}]
    actors = cs.actors_in(topic)
    if not actors and any(t.dep_ == "prep" and t.lower_ in _TOPIC_PREPS for t in topic):
        return None  # a topic the actors do not name: "the first veto on climate since ..."
    return int(when.date_start[:4]), actors


def veto_claims(cs: ClaimSentence) -> Iterator[Draft]:
    """One ``vetoed`` claim per veto named in the sentence with its members, and a
    ``first_veto_since`` claim for "the first veto (on a topic) since <year>"."""
    last: Draft | None = None
    for tok in cs.sent:
        first = _first_since(tok, cs) if last is not None else None
        if first is not None and last is not None:
            year, topic = first
            cs.used.add(tok.i)
            yield replace(
                last,
                predicate="first_veto_since",
                object=code_or_list([a for a in topic if a not in _members(last)]),
                value=float(year),
                unit="year",
                rule=last.rule.replace("veto_", "first_veto_", 1),
                anchor=tok.i,
            )
            continue
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
        clause = _when_tokens(clause_verb)
        time, rule = cs.time_of(clause), f"veto_{tok.pos_.lower()}"
        if time is None and (told := cs.time_of(clause, before=True)) is not None:
            # the act's date is somewhere before: its year, and the verdict is told so
            time, rule = told[:4], rule + DATE_FROM_CONTEXT
        last = Draft(
            subject=code_or_list(members),
            predicate="vetoed",
            object=None,
            time=time,
            epistemic=status,
            checkable_against="vetoes",
            rule=rule,
            anchor=tok.i,
            family="veto",
        )
        yield last


def _members(draft: Draft) -> list[str]:
    return draft.subject if isinstance(draft.subject, list) else [draft.subject]
