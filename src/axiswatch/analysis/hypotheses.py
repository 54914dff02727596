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
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import duckdb

from axiswatch.model import Claim, Event
from axiswatch.store.events import EventFilter, read_events
from axiswatch.store.reference import read_claims

__all__ = [
    "EvidenceItem",
    "Hypothesis",
    "build_hypotheses",
    "claim_topics",
    "event_topics",
    "hypotheses",
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
    span = event.date_start if event.date_start == event.date_end else (
        f"{event.date_start}/{event.date_end}" if event.date_start else None
    )  # fmt: skip
    summary = f"{event.source} {event.event_type} {event.target}" + (
        f" ({event.mode})" if event.mode else ""
    )
    return EvidenceItem("event", event.event_id, summary, event.sentence, span, rating, why)


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
        counts = {r: sum(1 for i in items if i.rating == r) for r in ("C", "I", "N")}
        out.append(
            Hypothesis(
                hypothesis_id=claim.claim_id,
                statement=claim.sentence,
                subject=claim.subject,
                object=claim.object,
                epistemic=claim.epistemic,
                predicate=claim.predicate,
                topics=sides.topics,
                evidence=items,
                counts=counts,
                inconsistency=counts["I"],
            )
        )
    return out


def hypotheses(con: duckdb.DuckDBPyConnection) -> list[Hypothesis]:
    """The hypotheses of the stored claims, with the stored events and claims as evidence."""
    claims = read_claims(con)
    actors = {a for c in claims if c.epistemic in HEDGED for a in _sides(c).actors}
    # only events touching an actor of some hypothesis can bear on one
    events = read_events(con, EventFilter(actors=tuple(sorted(actors))))
    return build_hypotheses(claims, events)
