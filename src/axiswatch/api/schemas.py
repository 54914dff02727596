"""Pydantic models of the API's requests and responses (they make the OpenAPI schema).

Field names follow the annotation guide, as in the model, the tables and the CLI columns.
Models of nested analysis output keep extra keys (``extra="allow"``), so a new column of an
analysis reaches the client without a schema change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    """A record that may carry more keys than the ones named."""

    model_config = ConfigDict(extra="allow")


class ErrorDetail(BaseModel):
    """What went wrong: the HTTP status, a short code and a message for people."""

    status: int
    code: str = Field(examples=["not_found"])
    message: str


class ErrorResponse(BaseModel):
    """Every error response has this shape."""

    error: ErrorDetail


class EventOut(Open):
    """One event: every stored field, its document's title and links."""

    event_id: str
    origin: str
    date_start: str | None
    date_end: str | None
    source: str | None
    target: str | None
    event_type: str
    document_id: str | None = None
    document_title: str | None = None
    sentence: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    trigger: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    precision: str | None = None
    source_person: str | None = None
    target_person: str | None = None
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    location: str | None = None
    epistemic: str
    confidence: float | None = None
    mentions: int | None = Field(None, description="Sentences (or publisher mentions) behind it.")
    documents: int | None = Field(None, description="Documents its mentions come from.")
    review: str | None = Field(
        None, description="unreviewed, accepted, corrected or rejected (mentions: their event's)."
    )
    rule: str | None = None
    why: dict[str, Any] = Field(default_factory=dict)
    links: dict[str, str | None] = Field(default_factory=dict)


class EventList(BaseModel):
    """Events matching the filters, in date order."""

    filters: dict[str, Any]
    count: int
    events: list[EventOut]
    total: int | None = Field(None, description="Events matching the filters, on every page.")
    next: str | None = Field(None, description="The next page, None on the last one.")
    cursor: str | None = Field(None, description="The `after` value of the next page.")


class Evidence(Open):
    """The sentence and offsets behind an event, and why it was coded as it was."""

    document_id: str | None
    document_title: str | None
    sentence: str | None
    sentence_start: int | None
    sentence_end: int | None
    trigger: str | None
    start_char: int | None
    end_char: int | None
    trigger_in_sentence: list[int] | None
    rule: str | None
    why: dict[str, Any]


class DocumentSummary(Open):
    """A stored document's metadata, without its text."""

    document_id: str
    title: str | None = None
    published: str | None = None
    words: int
    events: int | None = None
    links: dict[str, str] = Field(default_factory=dict)


class EventDetail(BaseModel):
    """One event with its evidence and its document."""

    event: EventOut
    evidence: Evidence
    document: DocumentSummary | None
    mentions: list[Open] = Field(
        default_factory=list,
        description="The coded sentences of this event, each with why it joined.",
    )
    reviews: list[Open] = Field(
        default_factory=list, description="Its review history, oldest first."
    )


class DocumentList(BaseModel):
    """One page of stored documents in ingestion order."""

    count: int
    total: int = Field(description="Documents matching the filters, on every page.")
    next: str | None = Field(None, description="The next page's address; null at the end.")
    cursor: str | None = Field(None, description="The `after` value of the next page.")
    documents: list[DocumentSummary]


class DocumentText(DocumentSummary):
    """A document's metadata with its text."""

    text: str


class ClaimOut(Open):
    """A claim with its verdict (None until verified) and the verification behind it."""

    claim_id: str
    document_id: str | None
    sentence: str
    predicate: str
    epistemic: str
    verdict: str | None = None
    verification: dict[str, Any] | None = None


class DocumentDetail(BaseModel):
    """A document with its text, its events and its claims."""

    document: DocumentText
    events: list[EventOut]
    claims: list[ClaimOut]


class ClaimList(BaseModel):
    """One page of claims with verdicts, and how many of all have each verdict."""

    count: int
    total: int = Field(description="Claims matching the filters, on every page.")
    next: str | None = Field(None, description="The next page's address; null at the end.")
    cursor: str | None = Field(None, description="The `after` value of the next page.")
    verdicts: dict[str, int]
    claims: list[ClaimOut]


class HypothesisList(BaseModel):
    """A page of hypotheses, each with its scores (``counts`` and ``inconsistency``, over all
    its evidence), its first items of evidence, ``evidence_total`` and ``evidence_next`` (the
    address of the rest); ``available`` is False without the analysis."""

    available: bool
    count: int
    total: int = Field(0, description="Hypotheses in all, on every page.")
    next: str | None = Field(None, description="The next page's address; null at the end.")
    cursor: str | None = Field(None, description="The `after` value of the next page.")
    hypotheses: list[dict[str, Any]]


class HypothesisEvidence(BaseModel):
    """A page of one hypothesis' evidence, with the hypothesis and its scores."""

    hypothesis: dict[str, Any]
    count: int
    total: int = Field(description="Items of evidence in all, on every page.")
    next: str | None = Field(None, description="The next page's address; null at the end.")
    cursor: str | None = Field(None, description="The `after` value of the next page.")
    evidence: list[dict[str, Any]]


class ActorList(BaseModel):
    """Knowledge-base hits for ``q``, or the workspace's actors when no query is given."""

    query: str | None
    count: int
    actors: list[dict[str, Any]]


class Graph(BaseModel):
    """Actors with their event counts and the pairs with events between them."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


class DyadOut(Open):
    """The A-B series per period and direction."""

    a: str
    b: str
    by: str
    series: list[dict[str, Any]]


class TriangleOut(Open):
    """The triangle per period, each dyad with the ids of and links to its events."""

    actors: list[str]
    by: str
    latest: dict[str, Any] | None
    periods: list[dict[str, Any]]


class VotesOut(BaseModel):
    """Voting alignment per pair and period."""

    model_config = ConfigDict(populate_by_name=True)

    countries: list[str]
    by: str
    start: int = Field(alias="from")
    end: int = Field(alias="to")
    dataset: str | None = None
    dataset_version: str | None = None
    notes: list[str] = []
    rows: list[dict[str, Any]]


class ChangesOut(Open):
    """Breaks in the A-B series, with the series PELT ran on."""

    a: str
    b: str
    by: str
    series: list[dict[str, Any]]
    breaks: list[dict[str, Any]]


class IngestText(BaseModel):
    """A document posted as JSON."""

    text: str = Field(min_length=1, description="The document's text (plain or Markdown).")
    title: str | None = None
    published: dt.date | None = Field(None, description="Publication date, YYYY-MM-DD.")


class IngestOutcome(BaseModel):
    """What happened to one posted document."""

    status: str = Field(description="added, unchanged or failed")
    document_id: str | None = None
    title: str | None = None
    events: int | None = None
    reason: str | None = None
    extract_error: str | None = None
    links: dict[str, str] = Field(default_factory=dict)


class IngestResult(BaseModel):
    """The outcome of one ingest request."""

    documents: list[IngestOutcome]
