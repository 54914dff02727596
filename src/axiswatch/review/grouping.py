"""Mentions of one act grouped into one event, deterministically and with a reason each.

Every coded sentence is a *mention*. Mentions are the same event when they have
- the same PLOVER type and the same actor pair (ordered, except for CONSULT: a meeting is
  one act of both sides, whichever side the sentence puts first),
- the same polarity (a denied or hypothetical act is not the act itself), and
- dates of which one lies inside the other ("June 2018" holds "19 June 2018"; two different
  days are two events). Undated mentions and spans longer than a year stay alone.
Mentions are taken finest date first, so the event's date is the finest any mention gives.
Reviews can force mentions together (merge) or apart (split); they are applied here too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

SYMMETRIC_TYPES = frozenset({"CONSULT"})
"""Types whose two directions are one act (a meeting, talks)."""

FACTUAL = ("asserted", "reported", "alleged")
"""Epistemic statuses that state the act happened, strongest first."""

MAX_SPAN_DAYS = 366
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class Mention:
    """What grouping needs of one stored mention."""

    event_id: str
    key: str
    document_id: str | None
    source: str | None
    target: str | None
    event_type: str
    epistemic: str
    day_start: dt.date | None
    day_end: dt.date | None
    precision: str | None = None
    start_char: int | None = None
    confidence: float | None = None


@dataclass
class Group:
    """One event: its mentions (the first is the representative) and why each joined."""

    group_id: str
    mentions: list[Mention] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def first(self) -> Mention:
        """The representative mention: the finest date, then the earliest in the corpus."""
        return self.mentions[0]

    @property
    def documents(self) -> list[str]:
        """The documents its mentions come from, in first-seen order."""
        return list(dict.fromkeys(m.document_id for m in self.mentions if m.document_id))

    @property
    def keys(self) -> set[str]:
        """The mention keys (what reviews are attached to)."""
        return {m.key for m in self.mentions}

    @property
    def epistemic(self) -> str:
        """The strongest status among the mentions ("asserted" over "reported")."""
        found = {m.epistemic for m in self.mentions}
        return next((s for s in FACTUAL if s in found), self.first.epistemic)


def mention_key(
    document_id: str | None,
    start_char: int | None,
    end_char: int | None,
    source: str | None,
    target: str | None,
    event_type: str,
    event_id: str,
) -> str:
    """A mention's identity that survives re-extraction: where its trigger is and what it says.

    Extracted mentions are numbered afresh on every extraction, so reviews are attached to
    the document, the trigger's offsets, the actors and the type instead. A mention without
    a document (an imported row) keeps its own id.
    """
    if document_id is None or start_char is None:
        return event_id
    return f"{document_id[:16]}:{start_char}-{end_char}:{source}>{target}:{event_type}"


def polarity(epistemic: str) -> str:
    """factual, hypothetical or negated: mentions of different polarity never group."""
    return "factual" if epistemic in FACTUAL else epistemic


def identity(m: Mention) -> tuple[str, ...]:
    """The class a mention can only group within: type, pair and polarity."""
    if m.event_type in SYMMETRIC_TYPES:
        a, b = sorted([m.source or "", m.target or ""])
    else:
        a, b = m.source or "", m.target or ""
    return (m.event_type, a, b, polarity(m.epistemic))


def _order(m: Mention) -> tuple:
    rank = _PRECISION_RANK.get(m.precision or "", 3) if m.day_start else 4
    return (rank, m.day_start or dt.date.max, m.document_id or "", m.start_char or 0, m.event_id)


def _groupable(m: Mention) -> bool:
    if m.day_start is None or m.day_end is None:
        return False
    return (m.day_end - m.day_start).days <= MAX_SPAN_DAYS


def _contains(a: Mention, b: Mention) -> bool:
    """Whether one mention's dates lie inside the other's."""
    assert a.day_start and a.day_end and b.day_start and b.day_end
    return (a.day_start <= b.day_start and b.day_end <= a.day_end) or (
        b.day_start <= a.day_start and a.day_end <= b.day_end
    )


def _date_text(m: Mention) -> str:
    if m.day_start is None:
        return "undated"
    if m.precision == "year":
        return str(m.day_start.year)
    if m.precision == "month":
        return m.day_start.isoformat()[:7]
    if m.day_start == m.day_end:
        return m.day_start.isoformat()
    return f"{m.day_start.isoformat()}..{(m.day_end or m.day_start).isoformat()}"


def _group_id(seed: str) -> str:
    return "ev-" + hashlib.sha1(seed.encode()).hexdigest()[:12]


def _seed(m: Mention, alone: bool) -> str:
    """What a group's id is made from: its class and date; the mention itself if it is alone."""
    base = "|".join(identity(m)) + "|" + _date_text(m)
    return base + "|" + m.key if alone or m.day_start is None else base


def group_mentions(
    mentions: Iterable[Mention],
    *,
    merges: Sequence[tuple[str, set[str]]] = (),
    splits: Sequence[tuple[str, set[str]]] = (),
) -> list[Group]:
    """Mentions grouped into events; ``merges``/``splits`` are (review id, mention keys).

    A split takes its mentions out of automatic grouping into an event of their own; a merge
    joins every event that holds one of its mentions. Both are applied in the order given.
    """
    pending = sorted(mentions, key=_order)
    split_of: dict[str, str] = {}
    for review_id, keys in splits:
        for key in keys:
            split_of[key] = review_id
    groups: list[Group] = []
    by_class: dict[tuple[tuple[str, ...], int], list[Group]] = {}  # (class, year) -> groups
    split_groups: dict[str, Group] = {}
    for m in pending:
        if m.key in split_of:
            review_id = split_of[m.key]
            grp = split_groups.get(review_id)
            if grp is None:
                grp = Group(_group_id(_seed(m, True) + "|" + review_id))
                split_groups[review_id] = grp
                groups.append(grp)
            grp.mentions.append(m)
            grp.reasons.append(f"split off by review {review_id}")
            continue
        if not _groupable(m):
            grp = Group(_group_id(_seed(m, True)), [m], ["alone: undated or a span over a year"])
            groups.append(grp)
            continue
        assert m.day_start is not None and m.day_end is not None
        years = range(m.day_start.year - 1, m.day_end.year + 1)  # a span may start the year before
        candidates = [
            g
            for year in years
            for g in by_class.get((identity(m), year), [])
            if all(_contains(m, x) for x in g.mentions)
        ]
        if candidates:
            grp = max(candidates, key=lambda g: len(g.mentions))
            first = grp.first
            grp.mentions.append(m)
            grp.reasons.append(
                f"same act as {first.event_id}: {m.event_type} {first.source}-{first.target}, "
                f"{polarity(m.epistemic)}, dates nest ({_date_text(m)}; {_date_text(first)})"
            )
            continue
        grp = Group(_group_id(_seed(m, False)), [m], ["first mention"])
        by_class.setdefault((identity(m), m.day_start.year), []).append(grp)
        groups.append(grp)
    groups = _merged(groups, merges)
    return _unique_ids(groups)


def _merged(groups: list[Group], merges: Sequence[tuple[str, set[str]]]) -> list[Group]:
    for review_id, keys in merges:
        hit = [g for g in groups if g.keys & keys]
        if len(hit) < 2:
            continue
        keep = max(hit, key=lambda g: (len(g.mentions), -groups.index(g)))
        for g in hit:
            if g is keep:
                continue
            keep.mentions.extend(g.mentions)
            keep.reasons.extend(f"merged by review {review_id}" for _ in g.mentions)
        groups = [g for g in groups if g is keep or g not in hit]
    return groups


def _unique_ids(groups: list[Group]) -> list[Group]:
    seen: set[str] = set()
    for g in groups:
        if g.group_id in seen:
            g.group_id = _group_id(g.group_id + "|" + g.first.key)
        seen.add(g.group_id)
    return groups
