"""Hypotheses from hedged claims, with the stored events and claims that bear on them.

The first step of Analysis of Competing Hypotheses (Heuer, ch. 8; ../shared/notes/METHODS.md
§5.1): list the hypotheses, list the evidence, rate each item against each hypothesis.

- A **hypothesis** is a stored claim whose epistemic value is ``hypothetical`` or ``alleged``.
- Its **topics** come from its checkable kind and predicate words: ``arms`` (arms transfers,
  weapons, missiles, munitions…), ``trade`` (trade, exports, goods, oil…), ``contact`` (visits,
  meetings, relations, acting together…), ``support`` (support, alliance, loyalty…) and
  ``conflict`` (threats, conflict, sanctions, decay, crisis…); none of them gives ``general``.
- An **event** is evidence when its source or target is one of the hypothesis' actors and its
  type and mode share a topic: ``COOPERATE``/``AID`` with mode ``arms_transfer`` or
  ``military_support`` ↔ arms; mode ``trade`` or type ``SANCTION`` ↔ trade; ``CONSULT`` ↔
  contact; ``SUPPORT``/``AGREE``/``COOPERATE``/``AID`` ↔ support; ``THREATEN``, ``COERCE``,
  ``ASSAULT``, ``REJECT``, ``ACCUSE``, ``PROTEST``, ``SANCTION``, ``MOBILIZE`` ↔ conflict.
  A ``general`` hypothesis takes the events between its subject and its object. Another stored
  claim is evidence on the same terms (topics from its predicate), the hypothesis itself aside.
- The **rating** (C consistent, I inconsistent, N neutral) of an item that is asserted or
  reported: C when it goes the hypothesis' way (its source among the hypothesis' subjects and
  its target among the objects, either way round for a contact) with the same polarity; I when
  it links the same two sides with the opposite polarity, or says the same act did not happen
  (negated); N otherwise, and for every item that is itself alleged or hypothetical. Polarity:
  cooperative for AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, conflictual for
  the rest; a claim or hypothesis is conflictual when one of its topics is ``conflict``
  ("relations_decay_with", "may_become_more_assertive_towards").
- ``counts`` holds the number of C, I and N items; ``inconsistency`` is the number of I items,
  by which ACH ranks hypotheses (the fewest first).

:func:`build_hypotheses` rates items in Python and is the reference. The store is read by
:func:`hypothesis_page` and :func:`evidence_page`: SQL matches the events to each hypothesis
and counts them per input of the rating, so no event is read into Python except those on the
page asked for; claims (few beside the events) are rated in Python. Hypotheses are listed in
claim order, a hypothesis' evidence events first (listing order) then claims; both are paged
by keyset cursors (:mod:`axiswatch.store.cursors`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import duckdb

from axiswatch.errors import InputError, NotFoundError
from axiswatch.model import Claim, Event
from axiswatch.store import cursors
from axiswatch.store import events as event_store
from axiswatch.store.reference import read_claims

__all__ = [
    "EvidenceItem",
    "EvidencePage",
    "Hypothesis",
    "HypothesisPage",
    "build_hypotheses",
    "claim_topics",
    "event_topics",
    "evidence_page",
    "hypotheses",
    "hypothesis_page",
]

Rating = Literal["C", "I", "N"]
HEDGED = frozenset({"hypothetical", "alleged"})
FIRM = frozenset({"asserted", "reported"})
COOPERATIVE_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
)
_TOPIC_WORDS: dict[str, frozenset[str]] = {
    topic: frozenset(words.split())
    for topic, words in {
        "arms": "arms weapon weapons missile missiles munition munitions ammunition projectiles "
        "artillery military technology technologies drones tanks jetfighters",
        "trade": "trade trading export exports exporter import imports importer goods oil gas "
        "coal resources materials supplier supplies commodities partner",
        "contact": "visit visits meet meets meeting summit talks consult consults relations ties "
        "act acts together exchanges contacts",
        "support": "support supports supporter alliance ally allies loyalty backs cooperation",
        "conflict": "threaten threatens threat conflict against counter assertive attack attacks "
        "sanction sanctions hostile oppose opposes decay deteriorate worsen crisis tense strained "
        "collapse sour weaken frozen breaks",
    }.items()
}
_CHECKABLE_TOPICS = {"arms_transfers": "arms", "trade": "trade"}
_CONFLICT_TYPES = frozenset(
    {"THREATEN", "COERCE", "ASSAULT", "REJECT", "ACCUSE", "PROTEST", "SANCTION", "MOBILIZE"}
)
_ARMS_MODES = frozenset({"arms_transfer", "military_support"})


@dataclass(frozen=True)
class EvidenceItem:
    """A stored event or claim that bears on a hypothesis, with its ACH rating and why."""

    kind: Literal["event", "claim"]
    item_id: str
    summary: str
    sentence: str | None
    date: str | None
    rating: Rating
    why: str


@dataclass(frozen=True)
class Hypothesis:
    """A hedged claim as a hypothesis, with its evidence and the count of each rating."""

    hypothesis_id: str
    statement: str
    subject: Any
    object: Any
    epistemic: str
    predicate: str
    topics: tuple[str, ...]
    evidence: list[EvidenceItem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    inconsistency: int = 0
    evidence_total: int = 0
    """Items of evidence in all (``evidence`` may hold only the first page of them)."""
    evidence_cursor: str | None = None
    """The ``after`` value of the next page of evidence; None when ``evidence`` ends it."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with every field."""
        row = asdict(self)
        row["topics"] = list(self.topics)
        return row


def _codes(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [v for v in items if isinstance(v, str) and re.fullmatch(r"[A-Z][A-Z0-9]{1,9}", v)]


def claim_topics(claim: Claim) -> tuple[str, ...]:
    """The topics of a claim, from its checkable kind and the words of its predicate."""
    words = set(claim.predicate.lower().split("_"))
    found = {topic for topic, vocabulary in _TOPIC_WORDS.items() if words & vocabulary}
    if claim.checkable_against in _CHECKABLE_TOPICS:
        found.add(_CHECKABLE_TOPICS[claim.checkable_against])
    return tuple(sorted(found)) or ("general",)


def event_topics(event: Event) -> frozenset[str]:
    """The topics an event's type and mode bear on."""
    kind, mode = event.event_type.upper(), (event.mode or "").lower()
    found = set()
    if kind in {"COOPERATE", "AID"} and (mode in _ARMS_MODES or "arms" in mode):
        found.add("arms")
    if mode == "trade" or kind == "SANCTION":
        found.add("trade")
    if kind == "CONSULT":
        found.add("contact")
    if kind in {"SUPPORT", "AGREE", "COOPERATE", "AID"}:
        found.add("support")
    if kind in _CONFLICT_TYPES:
        found.add("conflict")
    return frozenset(found)


def _cooperative(topics: Iterable[str]) -> bool:
    return "conflict" not in set(topics)


@dataclass(frozen=True)
class _Sides:
    subjects: frozenset[str]
    objects: frozenset[str]
    topics: tuple[str, ...]

    @property
    def actors(self) -> frozenset[str]:
        return self.subjects | self.objects

    def way(self, source: str | None, target: str | None) -> str:
        """``same`` (subject to object), ``reverse`` (object to subject) or ``other``."""
        forward = source in self.subjects and (not self.objects or target in self.objects)
        backward = source in self.objects and target in self.subjects
        if forward:
            return "same"
        if backward:
            return "reverse"
        return "other"


def _sides(claim: Claim) -> _Sides:
    return _Sides(
        frozenset(_codes(claim.subject)), frozenset(_codes(claim.object)), claim_topics(claim)
    )


def _rate(
    sides: _Sides, way: str, *, cooperative: bool, epistemic: str, symmetric: bool
) -> tuple[Rating, str]:
    """The ACH rating of one item and the reason (see the module docstring)."""
    if epistemic not in FIRM | {"negated"}:
        return "N", f"the item is itself {epistemic}"
    if way == "reverse" and symmetric:
        way = "same"
    same_polarity = cooperative == _cooperative(sides.topics)
    if way == "same":
        if epistemic == "negated":
            return "I", "the text says this act did not happen"
        if same_polarity:
            return "C", "same actors, same direction, same polarity"
        return "I", "same actors, opposite polarity"
    if way == "reverse":
        if epistemic != "negated" and not same_polarity:
            return "I", "the same two sides, opposite polarity"
        return "N", "the other direction"
    return "N", "only one side is an actor of the hypothesis"


def _event_item(sides: _Sides, event: Event) -> EvidenceItem | None:
    topics = event_topics(event)
    if not {event.source, event.target} & sides.actors:
        return None
    if sides.topics == ("general",):
        if {event.source, event.target} != set(sides.actors) or len(sides.actors) != 2:
            return None
    elif not topics & set(sides.topics):
        return None
    way = sides.way(event.source, event.target)
    rating, why = _rate(
        sides,
        way,
        cooperative=event.event_type.upper() in COOPERATIVE_TYPES,
        epistemic=event.epistemic,
        symmetric=event.event_type.upper() == "CONSULT",
    )
    summary = _summary(event.source, event.event_type, event.target, event.mode)
    span = _span(event.date_start, event.date_end)
    return EvidenceItem("event", event.event_id, summary, event.sentence, span, rating, why)


def _span(start: str | None, end: str | None) -> str | None:
    """An event's date, or its first and last dates as ``start/end``."""
    return start if start == end else (f"{start}/{end}" if start else None)


def _summary(source: str | None, event_type: str, target: str | None, mode: str | None) -> str:
    return f"{source} {event_type} {target}" + (f" ({mode})" if mode else "")


def _claim_item(sides: _Sides, claim: Claim) -> EvidenceItem | None:
    other = _sides(claim)
    if not other.actors & sides.actors:
        return None
    shared = set(other.topics) & set(sides.topics) - {"general"}
    if not shared:
        return None
    sources = sorted(other.subjects) or [None]
    targets = sorted(other.objects) or [None]
    ways = {sides.way(s, t) for s in sources for t in targets}
    way = "same" if "same" in ways else "reverse" if "reverse" in ways else "other"
    rating, why = _rate(
        sides,
        way,
        cooperative=_cooperative(other.topics),
        epistemic=claim.epistemic,
        symmetric="contact" in shared,
    )
    summary = f"{claim.subject} {claim.predicate} {claim.object}"
    return EvidenceItem("claim", claim.claim_id, summary, claim.sentence, claim.time, rating, why)


def build_hypotheses(claims: Sequence[Claim], events: Sequence[Event]) -> list[Hypothesis]:
    """Hypotheses of the hedged claims among ``claims``, rated against events and claims."""
    out = []
    for claim in claims:
        if claim.epistemic not in HEDGED:
            continue
        sides = _sides(claim)
        items = [item for e in events if (item := _event_item(sides, e)) is not None]
        items += [
            item
            for c in claims
            if c.claim_id != claim.claim_id and (item := _claim_item(sides, c)) is not None
        ]
        counts = Counter(i.rating for i in items)
        out.append(_hypothesis(claim, sides, items, counts, len(items)))
    return out


def _hypothesis(
    claim: Claim,
    sides: _Sides,
    evidence: list[EvidenceItem],
    counts: Counter[str],
    total: int,
    cursor: str | None = None,
) -> Hypothesis:
    """The hypothesis a hedged claim states, with the evidence shown and its counts."""
    return Hypothesis(
        hypothesis_id=claim.claim_id,
        statement=claim.sentence,
        subject=claim.subject,
        object=claim.object,
        epistemic=claim.epistemic,
        predicate=claim.predicate,
        topics=sides.topics,
        evidence=evidence,
        counts={r: counts[r] for r in ("C", "I", "N")},
        inconsistency=counts["I"],
        evidence_total=total,
        evidence_cursor=cursor,
    )


# --- the store: events matched and counted in SQL, paged -------------------------------------

DEFAULT_HYPOTHESES = 50
"""Hypotheses on a page of the list unless a limit is given."""
DEFAULT_EVIDENCE = 20
"""Items of evidence shown with each hypothesis of the list unless a number is given."""
DEFAULT_EVIDENCE_PAGE = 100
"""Items on a page of one hypothesis' evidence unless a limit is given."""


def _sql_words(words: Iterable[str]) -> str:
    return ", ".join(f"'{w}'" for w in sorted(words))


_EVENT_TOPIC_SQL = {
    "arms": "(kind IN ('AID', 'COOPERATE') AND "
    f"(m IN ({_sql_words(_ARMS_MODES)}) OR contains(m, 'arms')))",
    "trade": "(m = 'trade' OR kind = 'SANCTION')",
    "contact": "kind = 'CONSULT'",
    "support": "kind IN ('AGREE', 'AID', 'COOPERATE', 'SUPPORT')",
    "conflict": f"kind IN ({_sql_words(_CONFLICT_TYPES)})",
}
"""SQL of :func:`event_topics`, over ``kind`` (upper-case type) and ``m`` (lower-case mode)."""
_TOPICS = tuple(_EVENT_TOPIC_SQL)
_HYPOTHESIS_TYPE = (
    "STRUCT(i INTEGER, subjects VARCHAR[], objects VARCHAR[], actors VARCHAR[], "
    "general BOOLEAN, " + ", ".join(f"{t} BOOLEAN" for t in _TOPICS) + ")[]"
)
_KEYS = ", ".join(f"_k{n}" for n in range(len(event_store.SORT_KEY)))


def _in(column: str, values: str) -> str:
    return f"coalesce(list_contains({values}, {column}), false)"


def _rated_sql(after: bool) -> str:
    """The events that bear on each hypothesis ``i`` of the parameter, with the way they go
    (see ``_Sides.way``) and the columns of an item; ``after`` adds the keyset condition."""
    keys = ", ".join(f"{k} AS _k{n}" for n, k in enumerate(event_store.SORT_KEY))
    marks = ", ".join("?" for _ in event_store.SORT_KEY)
    later = f" AND ({event_store.ORDER_BY}) > ({marks})" if after else ""
    topics = " OR ".join(f"(h.{t} AND {sql})" for t, sql in _EVENT_TOPIC_SQL.items())
    any_object = f"(len(h.objects) = 0 OR {_in('p.target', 'h.objects')})"
    forward = f"{_in('p.source', 'h.subjects')} AND {any_object}"
    backward = f"{_in('p.source', 'h.objects')} AND {_in('p.target', 'h.subjects')}"
    return f"""
    WITH hs AS (SELECT unnest(?::{_HYPOTHESIS_TYPE}) AS h),
    h AS (SELECT h.* FROM hs),
    ha AS (SELECT i, unnest(actors) AS actor FROM h),
    e AS (
        SELECT event_id, source, target, event_type, mode, epistemic, sentence, date_start,
               date_end, upper(event_type) AS kind, lower(coalesce(mode, '')) AS m, {keys}
        FROM grouped_events WHERE review <> 'rejected'{later}
    ),
    p AS (
        SELECT ha.i, e.* FROM e JOIN ha ON e.source = ha.actor
        UNION ALL
        SELECT ha.i, e.* FROM e JOIN ha ON e.target = ha.actor JOIN h USING (i)
        WHERE NOT {_in("e.source", "h.actors")}
    )
    SELECT p.*, CASE WHEN {forward} THEN 'same' WHEN {backward} THEN 'reverse'
                     ELSE 'other' END AS way,
           kind IN ({_sql_words(COOPERATIVE_TYPES)}) AS is_cooperative,
           kind = 'CONSULT' AS is_symmetric
    FROM p JOIN h USING (i)
    WHERE CASE WHEN h.general
               THEN len(h.actors) = 2 AND p.source <> p.target
                    AND {_in("p.source", "h.actors")} AND {_in("p.target", "h.actors")}
               ELSE {topics} END"""


def _hypothesis_param(sides: Sequence[_Sides]) -> list[dict[str, Any]]:
    return [
        {
            "i": i,
            "subjects": sorted(s.subjects),
            "objects": sorted(s.objects),
            "actors": sorted(s.actors),
            "general": s.topics == ("general",),
            **{t: t in s.topics for t in _TOPICS},
        }
        for i, s in enumerate(sides)
    ]


_ITEM_COLUMNS = (
    "i, event_id, source, target, event_type, mode, epistemic, sentence, date_start, date_end, "
    f"way, is_cooperative, is_symmetric, {_KEYS}"
)


def _row_item(sides: _Sides, row: tuple[Any, ...]) -> tuple[EvidenceItem, str]:
    """An item from a row of ``_ITEM_COLUMNS``, and the cursor after it."""
    _, event_id, source, target, kind, mode, epistemic, sentence, start, end = row[:10]
    way, cooperative, symmetric = row[10:13]
    rating, why = _rate(
        sides, way, cooperative=cooperative, epistemic=epistemic, symmetric=symmetric
    )
    summary = _summary(source, kind, target, mode)
    item = EvidenceItem("event", event_id, summary, sentence, _span(start, end), rating, why)
    return item, "e." + cursors.encode_cursor(row[13:])


def _event_counts(con: duckdb.DuckDBPyConnection, sides: Sequence[_Sides]) -> list[Counter[str]]:
    """The number of event items of each rating, per hypothesis (one pass over the events)."""
    counts: list[Counter[str]] = [Counter() for _ in sides]
    if not any(s.actors for s in sides):
        return counts
    sql = (
        "SELECT i, way, is_cooperative, is_symmetric, epistemic, count(*) "
        f"FROM ({_rated_sql(False)}) GROUP BY ALL"
    )
    for i, way, cooperative, symmetric, epistemic, n in con.execute(
        sql, [_hypothesis_param(sides)]
    ).fetchall():
        rating, _ = _rate(
            sides[i], way, cooperative=cooperative, epistemic=epistemic, symmetric=symmetric
        )
        counts[i][rating] += n
    return counts


def _event_rows(
    con: duckdb.DuckDBPyConnection,
    sides: Sequence[_Sides],
    limit: int | None,
    after: list[Any] | None = None,
) -> list[list[tuple[Any, ...]]]:
    """The first ``limit`` + 1 event rows of each hypothesis (all without a limit), after the
    events sort key ``after``, in listing order."""
    rows: list[list[tuple[Any, ...]]] = [[] for _ in sides]
    if not any(s.actors for s in sides):
        return rows
    sql = f"SELECT {_ITEM_COLUMNS} FROM ({_rated_sql(after is not None)})"
    if limit is not None:
        sql += f" QUALIFY row_number() OVER (PARTITION BY i ORDER BY {_KEYS}) <= {int(limit) + 1}"
    sql += f" ORDER BY i, {_KEYS}"
    for row in con.execute(sql, [_hypothesis_param(sides), *(after or [])]).fetchall():
        rows[row[0]].append(row)
    return rows


def _claim_key(claim: Claim) -> list[Any]:
    """A claim's place in claim order (``store.claim_pages.SORT_KEY``)."""
    doc, start = claim.document_id, claim.start_char
    return [doc is None, doc or "", start is None, -1 if start is None else start, claim.claim_id]


def _claim_items(
    sides: _Sides, hypothesis: Claim, claims: Sequence[Claim]
) -> list[tuple[EvidenceItem, str]]:
    """The claims that bear on a hypothesis, each with the cursor after it."""
    found = []
    for claim in claims:
        if claim.claim_id == hypothesis.claim_id:
            continue
        item = _claim_item(sides, claim)
        if item is not None:
            found.append((item, "c." + cursors.encode_cursor(_claim_key(claim))))
    return found


@dataclass(frozen=True)
class HypothesisPage:
    """A page of hypotheses, each with its counts and first items; the cursor of the next page
    (None at the end) and the number of hypotheses in all."""

    hypotheses: list[Hypothesis]
    cursor: str | None
    total: int


@dataclass(frozen=True)
class EvidencePage:
    """A page of one hypothesis' evidence (``hypothesis.evidence``), with its counts over all
    of it, ``hypothesis.evidence_total`` and ``hypothesis.evidence_cursor`` for the next."""

    hypothesis: Hypothesis


def _hedged(con: duckdb.DuckDBPyConnection) -> tuple[list[Claim], list[Claim]]:
    claims = read_claims(con)
    return claims, [c for c in claims if c.epistemic in HEDGED]


def _decode_evidence_cursor(after: str) -> tuple[str, list[Any]]:
    """``("e", events sort key)`` or ``("c", claim key)``; InputError for other tokens."""
    kind, _, token = after.partition(".")
    if kind == "e":
        return kind, event_store.decode_cursor(token)
    if kind == "c":
        return kind, cursors.decode_cursor(token, 5)
    raise InputError(f"after={after[:40]!r}: not a cursor from a `next` link")


def _assemble(
    claim: Claim,
    sides: _Sides,
    event_counts: Counter[str],
    event_rows: list[tuple[Any, ...]],
    claim_items: list[tuple[EvidenceItem, str]],
    limit: int | None,
    *,
    claims_after: list[Any] | None = None,
) -> Hypothesis:
    """The hypothesis with up to ``limit`` items (``event_rows``, then the claims after the
    claim key ``claims_after``), its counts over all its evidence."""
    counts = event_counts + Counter(item.rating for item, _ in claim_items)
    tail = claim_items
    if claims_after is not None:
        tail = [(i, c) for i, c in claim_items if _claim_cursor_key(c) > claims_after]
    items = [_row_item(sides, row) for row in event_rows] + tail
    shown = items if limit is None else items[:limit]
    more = limit is not None and len(items) > limit
    return _hypothesis(
        claim,
        sides,
        [item for item, _ in shown],
        counts,
        sum(event_counts.values()) + len(claim_items),
        shown[-1][1] if more and shown else None,
    )


def _claim_cursor_key(cursor: str) -> list[Any]:
    return cursors.decode_cursor(cursor[2:], 5)


def hypothesis_page(
    con: duckdb.DuckDBPyConnection,
    *,
    limit: int | None = DEFAULT_HYPOTHESES,
    after: str | None = None,
    evidence: int | None = DEFAULT_EVIDENCE,
) -> HypothesisPage:
    """``limit`` hypotheses (all with None) after the cursor ``after``, each with its counts
    over all its evidence and its first ``evidence`` items (all with None)."""
    claims, hedged = _hedged(con)
    if after:
        start = cursors.decode_cursor(after, 5)
        hedged_after = [c for c in hedged if _claim_key(c) > start]
    else:
        hedged_after = hedged
    page = hedged_after if limit is None else hedged_after[:limit]
    sides = [_sides(c) for c in page]
    counts = _event_counts(con, sides)
    rows = _event_rows(con, sides, evidence)
    found = [
        _assemble(claim, side, count, event_rows, _claim_items(side, claim, claims), evidence)
        for claim, side, count, event_rows in zip(page, sides, counts, rows, strict=True)
    ]
    more = limit is not None and len(hedged_after) > limit
    cursor = cursors.encode_cursor(_claim_key(page[-1])) if more and page else None
    return HypothesisPage(found, cursor, len(hedged))


def evidence_page(
    con: duckdb.DuckDBPyConnection,
    hypothesis_id: str,
    *,
    limit: int | None = DEFAULT_EVIDENCE_PAGE,
    after: str | None = None,
) -> EvidencePage:
    """One hypothesis with ``limit`` items of its evidence after the cursor ``after``."""
    claims, hedged = _hedged(con)
    claim = next((c for c in hedged if c.claim_id == hypothesis_id), None)
    if claim is None:
        raise NotFoundError(f"no hypothesis {hypothesis_id!r}")
    side = _sides(claim)
    (count,) = _event_counts(con, [side])
    kind, key = _decode_evidence_cursor(after) if after else ("e", None)
    (event_rows,) = _event_rows(con, [side], limit, key) if kind == "e" else ([],)
    claim_items = _claim_items(side, claim, claims)
    claims_after = key if kind == "c" else None
    hyp = _assemble(claim, side, count, event_rows, claim_items, limit, claims_after=claims_after)
    return EvidencePage(hyp)


def hypotheses(con: duckdb.DuckDBPyConnection) -> list[Hypothesis]:
    """Every hypothesis of the stored claims with all its evidence (events read from the
    store are only those that bear on one)."""
    return hypothesis_page(con, limit=None, evidence=None).hypotheses
