"""When an act happened: which date of the sentence belongs to which trigger.

Each date goes to the innermost trigger whose phrase holds it, unless it describes a thing
("the treaty of February 2000", a named period as an object) or sits in a time-relative
clause ("since the Council began ... in 2006"). A trigger without a date of its own takes its
governing trigger's, the sentence's, the previous sentence's, or a nearby act's, except when
it is placed at another time ("weeks before the summit", "after Russia invaded") or planned
("preparations for a summit"): then it has no date here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Span, Token

from axiswatch.extract.dates import TimeExpr
from axiswatch.extract.epistemic import planning_noun
from axiswatch.extract.lexicon import Trigger

NOUNS = frozenset({"NOUN", "PROPN"})
TEMPORAL_RELATIONS = frozenset({"before", "after", "since", "until", "till", "following"})
"""Words that place an act at another time than the clause they hang from."""
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, "century": 4}
COORDINATION = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")


def own_dates(
    sent: Span,
    found: list[tuple[Token, Trigger]],
    dates: list[tuple[TimeExpr, int]],
    until: TimeExpr | None = None,
) -> dict[int, list[TimeExpr]]:
    """Give each date to the innermost trigger whose subtree holds it (-1: the sentence's).

    A date inside a "since" clause or phrase of the act ("have spoken four times since the
    invasion began in February 2022") starts a span that runs to ``until`` (the publication
    date), as "since 2022" does.
    """
    spans = {tok.i: (tok.left_edge.i, tok.right_edge.i) for tok, _ in found}
    owned: dict[int, list[TimeExpr]] = {}
    for expr, first_token in dates:
        holders = [i for i, (lo, hi) in spans.items() if lo <= first_token <= hi]
        key = min(holders, key=lambda i: spans[i][1] - spans[i][0]) if holders else -1
        date = sent.doc[first_token]
        if _since_a_first(date):
            key = NAMING_DATE  # "the first veto since sanctions began in 2006": a reference
        elif until is not None and not expr.open_end and key >= 0 and _under_since(date):
            expr = replace(expr, date_end=max(expr.date_end, until.date_end), open_end=True)
        elif _describes_a_thing(date, key) or (
            expr.rule == "named_period" and _period_as_a_thing(date)
        ):
            key = NAMING_DATE
        owned.setdefault(key, []).append(expr)
    return owned


ORDINAL_MARKS = frozenset({"first", "last", "only"})


def _since_a_first(date: Token) -> bool:
    """A date in a "since" clause or phrase that dates "the first X since ...": the point the
    first X is counted from, not the time of X."""
    for node in [date, *date.ancestors]:
        since = node.lower_ == "since" and node.dep_ in {"prep", "mark"}
        marked = any(c.lower_ == "since" and c.dep_ == "mark" for c in node.children)
        if since or marked:
            clause = node.head if since else node
            nouns = [clause.head, *clause.head.children] if clause.dep_ != "ROOT" else []
            return any(
                n.pos_ == "NOUN" and any(c.lower_ in ORDINAL_MARKS for c in n.children)
                for n in nouns
            )
        if node.dep_ in {"ROOT", "ccomp"}:
            return False
    return False


def _under_since(date: Token) -> bool:
    """Whether a date sits in a clause or phrase opened by "since"."""
    for node in [date, *date.ancestors]:
        if node.lower_ == "since" and node.dep_ in {"prep", "mark"}:
            return True
        if any(c.lower_ == "since" and c.dep_ == "mark" for c in node.children):
            return True
        if node.dep_ in {"ROOT", "ccomp"}:
            return False
    return False


NAMING_DATE = -2
"""Owner of a date that describes a thing ("the treaty of February 2000"), not an act."""


TIME_PREPS = frozenset(
    {"during", "in", "since", "throughout", "after", "before", "amid", "following", "until"}
)


def _period_as_a_thing(date: Token) -> bool:
    """ "support for Russia's war in Ukraine": a named period as what an act is about, not
    its time ("during the Korean War", "The Korean War, when ...")."""
    node = date
    while node.dep_ in {"compound", "amod", "poss", "det"} and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj":
        return node.head.lower_ not in TIME_PREPS
    return node.dep_ in {"dobj", "attr", "appos"}


def _describes_a_thing(date: Token, holder: int) -> bool:
    """Whether the date sits in a relative clause, an "of" phrase of a noun, or a "since"
    / "after" clause below the trigger that holds it (or the root when no trigger does)."""
    node = date
    while node.i != holder and node.head.i != node.i:
        if node.dep_ in {"relcl", "acl"} or _time_relative_clause(node):
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in NOUNS:
            return node.head.head.i != holder
        node = node.head
    return False


def pick_date(
    tok: Token,
    owned: dict[int, list[TimeExpr]],
    previous: TimeExpr | None,
    published: TimeExpr | None = None,
    carried: TimeExpr | None = None,
) -> tuple[TimeExpr, bool] | None:
    """The trigger's own date, else a governing trigger's, else the sentence's, else context:
    the previous sentence's date, or for an act told in the present progressive ("Iran is
    providing weapons"), the publication date; else ``carried`` (the
    narrative's last date, from an earlier paragraph), when the caller gives one."""
    mine = owned.get(tok.i)
    if not mine:
        if _time_relative_clause(tok):
            return None  # "after Russia invaded Ukraine, ...": not the main clause's time
        if planning_noun(tok) is not None:
            return None  # "preparations for a summit": a planned act has no date here
        for above in tok.ancestors:
            if above.lower_ in TEMPORAL_RELATIONS and above.dep_ in {"prep", "mark"}:
                return None  # "weeks before the summit": the summit's time is not the clause's
            if _time_relative_clause(above):
                return None
            if owned.get(above.i):
                mine = owned[above.i]
                break
    if not mine:
        mine = owned.get(-1)
    if not mine:  # "the summit meeting during the DPRK visit of Putin in June"
        mine = next(
            (
                owned[obj.i]
                for prep in tok.children
                if prep.dep_ == "prep" and prep.lower_ == "during"
                for obj in prep.children
                if obj.dep_ == "pobj" and owned.get(obj.i)
            ),
            None,
        )
    if not mine and published is not None and told_as_current(tok):
        return published, True  # "is training pilots": now, whatever the last sentence dated
    if not mine and previous is not None:
        return previous, True
    if not mine and carried is not None:
        return carried, True
    acts = [i for i in owned if i != NAMING_DATE]
    if not mine and acts:
        mine = owned[min(acts, key=lambda i: abs(i - tok.i))]  # another act's date here
    if not mine:
        return None
    expr = min(mine, key=lambda e: (e.relative, PRECISION_RANK.get(e.precision, 9)))
    return expr, expr.relative


PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def told_as_current(tok: Token) -> bool:
    """The act's clause is in the present progressive ("Iran is providing weapons"): an
    ongoing act, dated by publication (guide v1.2). The simple present ("Russia supports
    China's interests") and the present perfect without a date ("Russia has supported ...")
    sum up a standing state of affairs: a claim rather than an event (measured: dating them by
    publication added no matched event on the development corpus and cost precision)."""
    verb = tok
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    while verb.dep_ in {"xcomp", "conj"} and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head  # "have agreed to hold": the tense of the governing verb
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" for a in auxes):
        return False  # "will visit", "may supply": scheduled or possible, no date here
    return verb.tag_ == "VBG" and any(a.tag_ in PRESENT_TAGS for a in auxes)


def _time_relative_clause(tok: Token) -> bool:
    """An adverbial clause opened by "after", "before", "since" or "until"."""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in TEMPORAL_RELATIONS for c in tok.children
    )


def coordinated(exprs: list[TimeExpr], sent: Span) -> bool:
    """Dates joined by "and" or commas ("in 2019 and 2022"): one event for each."""
    text = sent.text
    return (
        len(exprs) > 1
        and not any(e.relative for e in exprs)
        and all(COORDINATION.fullmatch(text[a.end_char : b.start_char]) for a, b in pairwise(exprs))
    )
