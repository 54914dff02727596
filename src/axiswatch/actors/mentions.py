"""Finding actor mentions in running text: the extractor's hot path.

One pass of a token trie finds every alias (longest match first, left to right); a second pass
joins a state word, an office title and a name into one mention ("North Korean Foreign
Minister Lee Yong Ho", "the Minister of Defense of the Russian Federation") or a state word
and a body into an organ ("the Moscow government"). Spans are offsets in the original text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from axiswatch.actors.aliases import Token, followed_by_hyphen, tight, tokenise
from axiswatch.actors.model import Mention, Resolution
from axiswatch.actors.resolve import confidence, resolve_entries, resolve_role
from axiswatch.actors.roles import COORDINATORS, OF_WORDS, TO_WORDS, OrganNoun, Title

if TYPE_CHECKING:
    from axiswatch.actors.kb import ActorKB, Entry

_STOPWORDS = frozenset({"of", "the", "and", "for", "de", "d", "s", "to", "in", "on"})
_NAME_FORMS = frozenset({"name"})
_PREFIX_FORMS = frozenset({"name", "demonym", "capital"})
_PERSON_KINDS = frozenset({"person", "surname", "partial"})
# "the former US president" is not the one in office on the date.
_NOT_CURRENT = frozenset({"former", "ex", "late", "previous", "past", "future", "next", "incoming"})


@dataclass(slots=True)
class _Match:
    """A base alias match over tokens ``i..j`` and what it resolves to."""

    i: int
    j: int
    entries: list[Entry]
    res: Resolution | None
    form: str

    @property
    def is_person(self) -> bool:
        return self.res is not None and self.res.person is not None

    def is_state(self, kb: ActorKB, forms: frozenset[str]) -> bool:
        """A state's name, adjective or capital (also an undecided one: "Korean")."""
        if self.form not in forms or self.res is None:
            return False
        ids = (self.res.actor,) if self.res.actor else self.res.candidates
        return bool(ids) and all(
            (a := kb.actors.get(i)) is not None and a.kind == "state" for i in ids
        )


@dataclass(slots=True)
class _Span:
    """A mention over tokens ``i..j``; for a title or body phrase, its role and first form."""

    i: int
    j: int
    mention: Mention
    title_role: str | None = None
    first_form: str | None = None


def find_mentions(
    kb: ActorKB, text: str, *, on: date | None = None, strict_case: bool = True
) -> list[Mention]:
    """Non-overlapping mentions of actors in ``text``, in order.

    With ``strict_case`` (the default) a name must be capitalised as names are (unless the
    whole text is in one case) and an acronym written in capitals ("US" but not "us").
    """
    tokens = tokenise(text)
    if not tokens:
        return []
    letters = [t for t in tokens if t.raw.isalpha()]
    cased = strict_case and any(t.titled for t in letters) and not all(t.upper for t in letters)
    base = _base_matches(kb, text, tokens, on, cased, strict_case)
    starts = {m.i: m for m in base}
    spans: list[_Span] = []
    k = 0
    while k < len(tokens):
        span = _composite(kb, text, tokens, starts, k, on)
        if span is not None:
            _coordinate(kb, tokens, spans, span, on)
            spans.append(span)
            k = span.j
            continue
        match = starts.get(k)
        if match is not None:
            if match.res is not None and match.res.rule != "not_an_actor":
                spans.append(_Span(match.i, match.j, _mention(text, tokens, match)))
            k = match.j
            continue
        k += 1
    return [s.mention for s in spans]


# ---------------------------------------------------------------------- base matches


def _base_matches(
    kb: ActorKB,
    text: str,
    tokens: list[Token],
    on: date | None,
    cased: bool,
    strict: bool,
) -> list[_Match]:
    out: list[_Match] = []
    i = 0
    n = len(tokens)
    while i < n:
        found: _Match | None = None
        for j, buckets in kb.trie.matches(tokens, i):
            entries = [
                e
                for e in buckets[0]
                if _valid(kb, e, text, tokens, i, j, cased=cased, strict=strict)
            ]
            if entries:
                res = resolve_entries(kb, entries, on)
                found = _Match(i, j, entries, res, _form(entries, res))
                break
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.j
    return out


def _form(entries: list[Entry], res: Resolution | None) -> str:
    if res is not None and res.person is not None:
        return "person"
    for entry in entries:
        if res is not None and entry.target == res.actor:
            return entry.form
    return entries[0].form


def _valid(
    kb: ActorKB,
    entry: Entry,
    text: str,
    tokens: list[Token],
    i: int,
    j: int,
    *,
    cased: bool,
    strict: bool,
) -> bool:
    if strict:
        for k, must_be_upper in enumerate(entry.mask):
            if must_be_upper and not tokens[i + k].upper:
                return False
    if entry.hyphen and not followed_by_hyphen(text, tokens[j - 1]):
        return False
    if not cased or entry.kind == "block":
        return True
    if not any(t.titled for t in tokens[i:j] if t.norm not in _STOPWORDS):
        return False
    if entry.kind in ("surname", "partial"):
        return _standalone_name(kb, tokens, i, j)
    return True


def _standalone_name(kb: ActorKB, tokens: list[Token], i: int, j: int) -> bool:
    """A surname or partial name that is not part of a longer, unknown name."""
    first = tokens[i]
    if not first.titled or (first.upper and len(first.raw) > 1):
        return False
    if j < len(tokens):
        nxt = tokens[j]
        if nxt.titled and nxt.norm not in _STOPWORDS and _spaced(tokens[j - 1], nxt):
            return False
    if i > 0:
        prev = tokens[i - 1]
        if (
            prev.titled
            and not prev.sentence_start
            and not prev.possessive
            and prev.norm not in kb.title_words
            and prev.norm not in _STOPWORDS
            and _spaced(prev, first)
        ):
            return False
    return True


def _spaced(prev: Token, nxt: Token) -> bool:
    """Only white space (or the dot of an initial, "A.Yu.") between two tokens."""
    return not nxt.gap.strip(". \t\u00a0") and not prev.possessive


def _mention(text: str, tokens: list[Token], match: _Match) -> Mention:
    start, end = tokens[match.i].start, tokens[match.j - 1].end
    res = match.res or Resolution(None)
    return Mention(
        start,
        end,
        text[start:end],
        res.actor,
        res.person,
        res.role,
        res.rule,
        res.confidence,
        match.form,  # type: ignore[arg-type]
        res.candidates,
        res.organ,
    )


# ---------------------------------------------------------------------- composites


def _longest_title(kb: ActorKB, tokens: list[Token], p: int) -> tuple[int, Title] | None:
    for j, titles in kb.titles.matches(tokens, p):
        for title in titles:
            if all(tokens[p + k].upper or not up for k, up in enumerate(title.mask)):
                return j, title
    return None


def _longest_organ(kb: ActorKB, tokens: list[Token], p: int) -> tuple[int, OrganNoun] | None:
    for j, nouns in kb.organs.matches(tokens, p):
        return j, nouns[0]
    return None


def _skip_article(tokens: list[Token], q: int) -> int:
    return q + 1 if q < len(tokens) and tokens[q].norm == "the" else q


def _state_after(
    kb: ActorKB,
    tokens: list[Token],
    starts: dict[int, _Match],
    q: int,
    words: frozenset[str],
    forms: frozenset[str],
) -> _Match | None:
    """A state named after a linking word: "of the Russian Federation", "to China"."""
    if q >= len(tokens) or tokens[q].norm not in words or not tight(tokens[q - 1], tokens[q]):
        return None
    r = _skip_article(tokens, q + 1)
    if r >= len(tokens) or not tight(tokens[r - 1], tokens[r]):
        return None
    match = starts.get(r)
    if match is not None and match.is_state(kb, forms):
        return match
    return None


def _composite(
    kb: ActorKB,
    text: str,
    tokens: list[Token],
    starts: dict[int, _Match],
    k: int,
    on: date | None,
) -> _Span | None:
    """A title or body phrase starting at token ``k``."""
    n = len(tokens)
    state: _Match | None = None
    p = k
    first = starts.get(k)
    if first is not None:
        if not first.is_state(kb, _PREFIX_FORMS):
            return None
        state = first
        p = first.j
        if p >= n or not (tight(tokens[p - 1], tokens[p]) or tokens[p - 1].possessive):
            return None
    elif tokens[k].norm in _STOPWORDS:
        return None
    title = _longest_title(kb, tokens, p)
    organ = _longest_organ(kb, tokens, p)
    if title is not None and (organ is None or title[0] >= organ[0]):
        return _title_phrase(kb, text, tokens, starts, k, state, title, on)
    if organ is not None:
        return _organ_phrase(kb, text, tokens, starts, k, state, organ)
    return None


def _title_phrase(
    kb: ActorKB,
    text: str,
    tokens: list[Token],
    starts: dict[int, _Match],
    k: int,
    state: _Match | None,
    title_match: tuple[int, Title],
    on: date | None,
) -> _Span | None:
    q, title = title_match
    role = title.role
    if title.organ_head is not None:
        r = _skip_article(tokens, q)
        inner = starts.get(r)
        if inner is not None and inner.is_state(kb, _PREFIX_FORMS) and inner.j < len(tokens):
            state = state or inner
            r = inner.j
        organ = _longest_organ(kb, tokens, r) if r < len(tokens) else None
        if organ is None:
            return None
        noun = organ[1]
        role = noun.head_role if title.organ_head == "head" else noun.deputy_role
        if role is None:
            return None
        q = organ[0]
    if state is None:
        state = _state_after(kb, tokens, starts, q, OF_WORDS, _NAME_FORMS)
        if state is not None:
            q = state.j
    to: _Match | None = None
    if role == "ambassador":
        to = _state_after(kb, tokens, starts, q, TO_WORDS, _PREFIX_FORMS)
        if to is not None:
            q = to.j
    person: _Match | None = None
    if q < len(tokens) and tight(tokens[q - 1], tokens[q]):
        candidate = starts.get(q)
        if (
            candidate is not None
            and candidate.is_person
            and candidate.entries[0].kind in (_PERSON_KINDS)
        ):
            person = candidate
            q = candidate.j
    if state is None and person is None and title.generic:
        return None
    start, end = tokens[k].start, tokens[q - 1].end
    state_res = state.res if state is not None else None
    state_id = state_res.actor if state_res is not None else None
    to_id = to.res.actor if to is not None and to.res is not None else None
    person_name = person.res.person if person is not None and person.res is not None else None
    if state_res is not None and state_res.actor is None and person_name is not None:
        # "Korean President Moon Jae-in": the named person decides the state.
        home = kb.persons[person_name].state_on(on)
        if home in state_res.candidates:
            state_id = home
            state_res = Resolution(home, None, None, state_res.confidence, "demonym")
    if state_res is not None and state_res.actor is None:
        # "Korean President": the state is undecided, and so is the person.
        mention = Mention(
            start,
            end,
            text[start:end],
            None,
            person_name,
            None if role == "leader" else role,
            "ambiguous",
            state_res.confidence,
            "role",
            state_res.candidates,
        )
        return _Span(k, q, mention, role, state.form)
    when = None if k > 0 and tokens[k - 1].norm in _NOT_CURRENT else on
    final_role, holder, rule = resolve_role(kb, state_id, role, when, to=to_id, person=person_name)
    actor = state_id
    if actor is None and holder is not None:
        actor = kb.persons[holder].state_on(on)
    conf = confidence(rule)
    if state_res is not None and rule != "role_person":
        conf = min(conf, state_res.confidence)
    if actor is None and holder is None:
        conf = 0.3
    mention = Mention(
        start, end, text[start:end], actor, holder, final_role, rule, conf, "role", ()
    )
    first_form = state.form if state is not None and k == state.i else None
    return _Span(k, q, mention, role, first_form)


def _organ_phrase(
    kb: ActorKB,
    text: str,
    tokens: list[Token],
    starts: dict[int, _Match],
    k: int,
    state: _Match | None,
    organ: tuple[int, OrganNoun],
) -> _Span | None:
    q = organ[0]
    prefixed = state is not None
    if state is None:
        if not organ[1].suffix_ok:
            return None
        state = _state_after(kb, tokens, starts, q, OF_WORDS, _NAME_FORMS)
        if state is None or _longest_title(kb, tokens, state.j) is not None:
            return None
        q = state.j
    start, end = tokens[k].start, tokens[q - 1].end
    res = state.res or Resolution(None)
    mention = Mention(
        start,
        end,
        text[start:end],
        res.actor,
        None,
        None,
        "organ" if res.actor else "ambiguous",
        min(confidence("organ"), res.confidence),
        "organ",
        res.candidates,
    )
    return _Span(k, q, mention, None, state.form if prefixed else None)


def _coordinate(
    kb: ActorKB,
    tokens: list[Token],
    spans: list[_Span],
    span: _Span,
    on: date | None,
) -> None:
    """ "Russian and North Korean leaders": the earlier state words take the same title."""
    if span.first_form != "demonym":
        return
    head = span.mention
    chain: list[int] = []
    pos = span.i
    idx = len(spans) - 1
    while idx >= 0:
        prev = spans[idx]
        between = tokens[prev.j : pos]
        if not chain:
            linked = (
                len(between) == 1 and between[0].norm in COORDINATORS and "," not in between[0].gap
            )
        else:
            linked = not between and "," in tokens[pos].gap
        if not linked or prev.mention.form != "demonym" or prev.mention.actor is None:
            break
        chain.append(idx)
        pos = prev.i
        idx -= 1
    for idx in chain:
        old = spans[idx].mention
        if head.form == "role":
            final_role, holder, rule = resolve_role(kb, old.actor, span.title_role, on)
            new = Mention(
                old.start_char,
                old.end_char,
                old.text,
                old.actor,
                holder,
                final_role,
                rule,
                min(confidence(rule), old.confidence),
                "role",
                (),
            )
        else:
            new = Mention(
                old.start_char,
                old.end_char,
                old.text,
                old.actor,
                None,
                None,
                "organ",
                min(confidence("organ"), old.confidence),
                "organ",
                (),
            )
        spans[idx] = _Span(spans[idx].i, spans[idx].j, new)
