"""Typed records that cross layers: documents, events, claims.

Field names follow ../shared/eval/annotation-guide.md (date_start, source_person, epistemic)
so that the model, the tables, the JSON and the CLI columns use one vocabulary.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Epistemic = Literal["asserted", "reported", "alleged", "hypothetical", "negated"]
EPISTEMIC_VALUES: tuple[str, ...] = ("asserted", "reported", "alleged", "hypothetical", "negated")
DEFAULT_EPISTEMIC: tuple[str, ...] = ("asserted", "reported")
"""The statuses an analysis counts unless told otherwise."""
PRECISION_LENGTH = {"day": 10, "month": 7, "year": 4}
"""Characters of an ISO date kept at each precision."""


Origin = Literal["extracted", "gdelt", "icews", "polecat", "manual"]


DATE_FROM_CONTEXT = "+date_from_context"
"""Suffix of a claim's ``rule`` when its date was read from the sentences before (a guess
that may support a claim but never contradicts it)."""


@dataclass(frozen=True)
class Document:
    """A stored document: its normalised text and where it came from."""

    document_id: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    published_source: str | None = None
    language: str | None = None
    media_type: str = "text/plain"
    path: str | None = None
    ingested_at: dt.datetime | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def published_precision(self) -> str:
        """How much of ``published`` is known: "day", "month" or "year" (front matter 2018-03)."""
        return str(self.metadata.get("published_precision", "day"))

    @property
    def published_iso(self) -> str | None:
        """The publication date at its precision ("2018-03" when only the month is known)."""
        if self.published is None:
            return None
        return self.published.isoformat()[: PRECISION_LENGTH.get(self.published_precision, 10)]

    @property
    def words(self) -> int:
        """Number of whitespace-separated words in the text."""
        return len(self.text.split())

    def to_dict(self, *, with_text: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; dates as ISO strings."""
        row = asdict(self)
        row["words"] = self.words
        row["published"] = self.published_iso
        row["ingested_at"] = self.ingested_at.isoformat() if self.ingested_at else None
        if not with_text:
            row.pop("text")
        return row


@dataclass(frozen=True)
class Event:
    """One dated interaction between two actors, with the evidence that supports it.

    Read from the store as an *event* (mentions of one act grouped, see
    axiswatch.review.grouping), ``mentions`` and ``documents`` count its evidence and
    ``review`` is the analysts' verdict; read as a *mention*, it is one coded sentence.
    """

    event_id: str
    origin: str
    date_start: str | None
    date_end: str | None
    source: str | None
    target: str | None
    event_type: str
    document_id: str | None = None
    doc: str | None = None
    sentence: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    trigger: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    date_from_context: bool = False
    precision: str | None = None
    source_person: str | None = None
    target_person: str | None = None
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    location: str | None = None
    epistemic: str = "asserted"
    confidence: float | None = None
    rule: str | None = None
    why: dict[str, Any] = field(default_factory=dict)
    dataset: str | None = None
    dataset_row: str | None = None
    extractor_version: str | None = None
    mentions: int | None = None
    documents: int | None = None
    review: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with every field (its own copy of ``why``; every other field is a
        scalar, so no deep copy of the whole event as ``asdict`` makes: a page of events is
        serialised several times faster)."""
        out = {name: getattr(self, name) for name in _EVENT_FIELDS}
        out["why"] = copy.deepcopy(self.why)
        return out


_EVENT_FIELDS = tuple(f.name for f in fields(Event))


@dataclass(frozen=True)
class Claim:
    """A checkable statement or hypothesis that is not a dated event."""

    claim_id: str
    document_id: str | None
    sentence: str
    subject: Any
    predicate: str
    object: Any = None
    value: float | None = None
    unit: str | None = None
    time: str | None = None
    epistemic: str = "asserted"
    checkable_against: str = "none"
    doc: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with every field."""
        return asdict(self)
