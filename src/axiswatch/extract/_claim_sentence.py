"""One parsed sentence as the claim rules see it: tokens, actors, dates, clauses, drafts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from axiswatch.extract._claim_words import claim_words
from axiswatch.extract.dates import TimeExpr

VERBAL = frozenset({"VERB", "AUX"})
CLAUSE_DEPS = frozenset({"conj", "ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_PAIR_NOUNS = frozenset({"countries", "states", "nations", "sides", "neighbours", "neighbors"})
PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their", "them", "his", "her"})
_PLURAL = frozenset({"they", "them", "their"})


@dataclass(frozen=True)
class Draft:
    """A claim before it is numbered: what it says and which rule and token produced it."""

    subject: Any
    predicate: str
    object: Any = None
    value: float | None = None
    unit: str | None = None
    time: str | None = None
    epistemic: str = "asserted"
    checkable_against: str = "none"
    rule: str = ""
    anchor: int | None = None  # token index (in the paragraph's Doc) the claim hangs on
    end: int | None = None  # document offset where the evidence ends, when past the sentence
    family: str = ""


@dataclass
class ClaimSentence:
    """A sentence of a document with what the claim rules need to know about it."""

    sent: Span
    text: str  # the evidence sentence, verbatim from the original document
    start: int  # document offsets of ``text``
    end: int
    base: int  # document offset of ``sent.start_char``
    actors: dict[int, str]  # token index -> actor code
    dates: list[TimeExpr]  # offsets relative to the sentence's start in the Doc
    context_date: TimeExpr | None  # the last date of the sentences before it
    published: dt.date | None
    triggers: frozenset[int] = frozenset()  # tokens that are triggers of stated, dated events
    topic: list[str] = field(default_factory=list)  # the previous sentence's subject actors
    before: list[str] = field(default_factory=list)  # the previous sentence's actors
    organisations: frozenset[str] = frozenset()  # actor codes that are organisations
    used: set[int] = field(default_factory=set)  # number tokens a rule has read already

    # --- actors ----------------------------------------------------------------------------

    def actor(self, tok: Token) -> str | None:
        """The actor a token is part of, if any."""
        return self.actors.get(tok.i)

    def actors_in(self, tokens: Iterable[Token]) -> list[str]:
        """The distinct actors of some tokens, in text order."""
        seen: list[str] = []
        for tok in sorted(tokens, key=lambda t: t.i):
            code = self.actors.get(tok.i)
            if code and code not in seen:
                seen.append(code)
        return seen

    def subject_actors(self, verb: Token) -> list[str]:
        """The actors of a verb's subject; a pronoun subject takes the nearest earlier one."""
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                found = self.actors_in(without_clauses(child))
                if found:
                    return found
                if child.lower_ in PRONOUNS:
                    return self.antecedent(child)
        return []

    def antecedent(self, pronoun: Token) -> list[str]:
        """A personal pronoun's actors: the last subject actor before it; for "they" opening
        a sentence, the actors of the sentence before when it names several; else the topic.

        An expletive "it" ("it is possible that", "it can be assumed that") stands for nothing.
        """
        if pronoun.lower_ not in PRONOUNS or is_expletive(pronoun):
            return []
        for tok in reversed(list(self.sent[: pronoun.i - self.sent.start])):
            if tok.dep_ in SUBJECT_DEPS and tok.i in self.actors:
                return [self.actors[tok.i]]
        if pronoun.lower_ in _PLURAL and len(self.before) >= 2:
            return list(self.before)  # "The advisers of A, B and C met. They welcomed ..."
        return list(self.topic)

    def pair_named_before(self, tokens: Iterable[Token]) -> list[str]:
        """ "the two countries", "both sides": the two actors of the sentence before, if two."""
        if len(self.before) != 2:
            return []
        for tok in tokens:
            nxt = tok.nbor() if tok.i + 1 < self.sent.end else None
            if tok.lower_ == "two" and (
                nxt is None or nxt.lower_ in _PAIR_NOUNS or tok.dep_ != "nummod"
            ):
                return list(self.before)
            if tok.lower_ == "both" and nxt is not None and nxt.lower_ in _PAIR_NOUNS:
                return list(self.before)
        return []

    # --- time ------------------------------------------------------------------------------

    def date_in(self, tokens: Iterable[Token]) -> TimeExpr | None:
        """The first date expression that overlaps the tokens."""
        spans = [
            (t.idx - self.sent.start_char, t.idx - self.sent.start_char + len(t)) for t in tokens
        ]
        for expr in self.dates:
            if any(s < expr.end_char and expr.start_char < e for s, e in spans):
                return expr
        return None

    def time_of(
        self, tokens: Iterable[Token], *, context: bool = False, before: bool = False
    ) -> str | None:
        """ISO time of a claim: a date in its tokens, else "now" (the publication year).

        context: also the sentence's first date, else the last date of the sentences before;
        before: only the last date of the sentences before (an act told after its date).
        """
        expr = self.date_in(tokens)
        if expr is None and context:
            expr = self.dates[0] if self.dates else self.context_date
        if expr is None and before:
            expr = self.context_date
        if expr is not None:
            return iso_time(expr)
        if self.published is not None and any(t.lower_ in claim_words().now for t in self.sent):
            return str(self.published.year)
        return None

    def in_date(self, tok: Token) -> bool:
        """Whether a token is part of a date expression ("2014" in "March 2014")."""
        return self.date_in([tok]) is not None

    # --- events ----------------------------------------------------------------------------

    def is_event(self, anchor: Token) -> bool:
        """Whether the claim's word is, or sits under, the trigger of a dated stated event."""
        return any(tok.i in self.triggers for tok in head_chain(anchor))

    def token_span(self, start: int, end: int) -> list[Token]:
        """Tokens overlapping characters ``start:end`` of the sentence."""
        offset = self.sent.start_char
        return [t for t in self.sent if t.idx - offset < end and t.idx - offset + len(t) > start]


def is_expletive(pronoun: Token) -> bool:
    """ "It" that announces a clause: "it is likely that …", "it can be assumed that …"."""
    if pronoun.lower_ != "it" or pronoun.dep_ not in SUBJECT_DEPS:
        return False
    verb = pronoun.head
    if any(c.dep_ in {"ccomp", "csubj"} for c in verb.children):
        return True
    return any(
        c.dep_ in {"acomp", "attr"} and any(g.dep_ in {"xcomp", "ccomp"} for g in c.children)
        for c in verb.children
    )


def iso_time(expr: TimeExpr) -> str:
    """``2014-03``, or ``2017/2018`` for a span; "since X" runs from X to the publication date
    (the guide's reading); with no publication date it stays open: ``2022/..``."""
    if expr.rule == "since" and expr.date_start == expr.date_end:
        return f"{expr.date_start}/.."
    if expr.date_start == expr.date_end or not expr.date_end:
        return expr.date_start
    return f"{expr.date_start}/{expr.date_end}"


def is_clause(tok: Token) -> bool:
    """Whether a token heads a clause of its own (a conjoined, subordinate or relative verb)."""
    if tok.dep_ == "ROOT":
        return True
    if tok.pos_ not in VERBAL or tok.dep_ not in CLAUSE_DEPS:
        return False
    if tok.dep_ == "advcl":  # purpose infinitives ("to free their trade") stay in the clause
        return not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return True


def clause_head(tok: Token) -> Token:
    """The verb that heads the clause a token belongs to."""
    node = tok
    while not is_clause(node) and node.head.i != node.i:
        node = node.head
    return node


def head_chain(tok: Token) -> Iterator[Token]:
    """The token and its heads up to the head of its clause."""
    node = tok
    yield node
    while not is_clause(node) and node.head.i != node.i:
        node = node.head
        yield node


def without_clauses(head: Token) -> list[Token]:
    """A token's subtree without the clauses nested in it."""
    out: list[Token] = [head]
    for child in head.children:
        if is_clause(child):
            continue
        out.extend(without_clauses(child))
    return sorted(out, key=lambda t: t.i)


def clause_tokens(tok: Token) -> list[Token]:
    """The tokens of the clause a token belongs to, without nested clauses."""
    return without_clauses(clause_head(tok))


def phrase(tokens: Iterable[Token], *, max_words: int = 10) -> str:
    """Readable text of some tokens: no leading article or punctuation, at most max_words."""
    words = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    while words and (words[0].lower_ in {"the", "a", "an", "this", "these"} or words[0].is_punct):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].pos_ in {"ADP", "CCONJ", "DET"}):
        words = words[:-1]
    words = words[:max_words]
    text = "".join(
        t.text + (t.whitespace_ if n + 1 < len(words) and words[n + 1].i == t.i + 1 else " ")
        for n, t in enumerate(words)
    )
    return " ".join(text.split())
