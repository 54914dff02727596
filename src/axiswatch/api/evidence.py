"""Documents and events as JSON-ready dicts, each event with the evidence behind it.

These functions are what the API routes and the web pages both call, so a page and its JSON
twin show the same rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any
from urllib.parse import quote, urlencode

from axiswatch.api.claims import claim_rows
from axiswatch.errors import InputError, NotFoundError
from axiswatch.model import EPISTEMIC_VALUES, Document, Event
from axiswatch.ontology import OTHER, PLOVER_TYPES
from axiswatch.store.events import EventFilter, check_filter, decode_cursor, parse_dyad
from axiswatch.workspace import Workspace

EVENT_TYPES: tuple[str, ...] = (*PLOVER_TYPES, OTHER)
MAX_LIMIT = 5000
DEFAULT_LIMIT = 500
"""Events in one page of /api/events when no limit is asked for (``next`` has the rest)."""


DEFAULT_DOCUMENTS = 100


def parse_date(value: str | None, *, name: str) -> dt.date | None:
    """A YYYY-MM-DD parameter as a date (empty means none); InputError names the parameter."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise InputError(f"{name}={value!r} is not a date: write it as YYYY-MM-DD") from e


def event_filter(
    *,
    actor: str | None = None,
    dyad: str | None = None,
    event_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    epistemic: str | None = None,
    document_id: str | None = None,
    limit: int | None = None,
    count: str | None = None,
    review: str | None = None,
    min_confidence: float | None = None,
    offset: int = 0,
    after: str | None = None,
) -> EventFilter:
    """The event filter from query values (empty strings count as not given), checked."""
    if after:
        decode_cursor(after)  # a cursor we did not make is a 400 naming the field
    if epistemic and epistemic not in EPISTEMIC_VALUES:
        raise InputError(f"epistemic={epistemic!r}: choose one of {', '.join(EPISTEMIC_VALUES)}")
    if event_type and event_type.upper() not in EVENT_TYPES:
        raise InputError(f"type={event_type!r}: choose one of {', '.join(EVENT_TYPES)}")
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit={limit}: give a number from 1 to {MAX_LIMIT}")
    start, end = parse_date(since, name="since"), parse_date(until, name="until")
    if start and end and start > end:
        raise InputError(f"since={since} is after until={until}: swap them")
    return EventFilter(
        actor=actor.strip().upper() if actor and actor.strip() else None,
        dyad=parse_dyad(dyad) if dyad else None,
        event_type=event_type.upper() if event_type else None,
        since=start,
        until=end,
        epistemic=epistemic or None,
        document_id=document_id or None,
        limit=limit,
        count=count or "events",
        review=review or None,
        min_confidence=min_confidence,
        offset=offset,
        after=after or None,
    )


def filter_json(flt: EventFilter) -> dict[str, Any]:
    """The filter as query parameters (what was asked for, in the API's names)."""
    return {
        "actor": flt.actor,
        "dyad": "-".join(flt.dyad) if flt.dyad else None,
        "type": flt.event_type,
        "since": flt.since.isoformat() if flt.since else None,
        "until": flt.until.isoformat() if flt.until else None,
        "epistemic": flt.epistemic,
        "document_id": flt.document_id,
        "limit": flt.limit,
        "offset": flt.offset,
        "after": flt.after,
        "count": flt.count,
        "review": flt.review,
        "min_confidence": flt.min_confidence,
    }


def event_anchor(event_id: str) -> str:
    """The id of the element that marks an event in the document reader."""
    return f"ev-{event_id}"


def event_links(event: Event) -> dict[str, str | None]:
    """Where to read an event: its API record, its evidence page, its place in the document."""
    key = quote(event.event_id, safe="")
    document = (
        f"/documents/{event.document_id}#{event_anchor(event.event_id)}"
        if event.document_id
        else None
    )
    return {"self": f"/api/events/{key}", "html": f"/events/{key}", "document": document}


def find_document(ws: Workspace, document_id: str | None) -> Document | None:
    """The stored document with this id, or None (no id, or not stored any more)."""
    if not document_id:
        return None
    try:
        return ws.document(document_id)
    except NotFoundError:
        return None


class TitleCache:
    """Document titles looked up once per request."""

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws
        self._titles: dict[str, str | None] = {}

    def title(self, document_id: str | None) -> str | None:
        """The title of a stored document (None when absent or untitled)."""
        if not document_id:
            return None
        if document_id not in self._titles:
            document = find_document(self._ws, document_id)
            self._titles[document_id] = document.title if document else None
        return self._titles[document_id]


def event_json(event: Event, *, document_title: str | None = None) -> dict[str, Any]:
    """Every field of the event, its document's title and its links."""
    row = event.to_dict()
    row["document_title"] = document_title
    row["links"] = event_links(event)
    return row


def evidence_json(event: Event, document: Document | None) -> dict[str, Any]:
    """The evidence of one event: sentence, offsets, trigger, document and why it was coded."""
    in_sentence = None
    if event.sentence_start is not None and event.start_char is not None:
        in_sentence = [
            event.start_char - event.sentence_start,
            (event.end_char or event.start_char) - event.sentence_start,
        ]
    return {
        "document_id": event.document_id,
        "document_title": document.title if document else None,
        "published": document.published_iso if document else None,
        "sentence": event.sentence,
        "sentence_start": event.sentence_start,
        "sentence_end": event.sentence_end,
        "trigger": event.trigger,
        "start_char": event.start_char,
        "end_char": event.end_char,
        "trigger_in_sentence": in_sentence,
        "rule": event.rule,
        "why": event.why,
        "confidence": event.confidence,
        "extractor_version": event.extractor_version,
        "dataset": event.dataset,
        "dataset_row": event.dataset_row,
    }


def list_events(ws: Workspace, flt: EventFilter, *, page: bool = False) -> dict[str, Any]:
    """The events matching a filter, with document titles.

    With ``page``, one page of them (``flt.limit``, default DEFAULT_LIMIT, after the cursor
    ``flt.after`` or from ``flt.offset``), the ``total`` that match and the ``next`` page's
    address (a keyset cursor; None at the end).
    """
    titles = TitleCache(ws)
    flt = check_filter(flt)
    if page and flt.limit is None:
        flt = replace(flt, limit=DEFAULT_LIMIT)
    found = ws.event_page(flt)
    events = [event_json(e, document_title=titles.title(e.document_id)) for e in found.events]
    out: dict[str, Any] = {"filters": filter_json(flt), "count": len(events), "events": events}
    if page:
        out["total"] = ws.event_total(flt)
        skip = {"offset", "after"}
        query = {k: v for k, v in filter_json(flt).items() if v is not None and k not in skip}
        out["cursor"] = found.cursor if found.more else None
        out["next"] = (
            f"/api/events?{urlencode({**query, 'after': found.cursor})}" if found.more else None
        )
    return out


def event_detail(ws: Workspace, event_id: str) -> dict[str, Any]:
    """One event, its evidence and its document's metadata."""
    event = ws.event(event_id)
    document = find_document(ws, event.document_id)
    grouped = event.origin == "extracted" and event.event_id.startswith("ev-")
    return {
        "event": event_json(event, document_title=document.title if document else None),
        "evidence": evidence_json(event, document),
        "document": document_summary(document) if document else None,
        "mentions": [mention_json(m) for m in ws.mentions(event.event_id)] if grouped else [],
        "reviews": [r.to_dict() for r in ws.reviews(event.event_id)] if grouped else [],
    }


def mention_json(mention: dict[str, Any]) -> dict[str, Any]:
    """One mention of an event, JSON-ready, with a link to it in its document."""
    row = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in mention.items()}
    row["mention_id"] = row.pop("event_id")
    if mention.get("document_id"):
        row["link"] = (
            f"/documents/{quote(mention['document_id'])}#{event_anchor(row['mention_id'])}"
        )
    return row


def document_summary(document: Document, *, events: int | None = None) -> dict[str, Any]:
    """A document's metadata (no text) with its links; ``events`` when counted."""
    row = document.to_dict(with_text=False)
    if events is not None:
        row["events"] = events
    row["links"] = {
        "self": f"/api/documents/{document.document_id}",
        "html": f"/documents/{document.document_id}",
    }
    return row


def list_documents(
    ws: Workspace,
    *,
    limit: int | None = None,
    after: str | None = None,
    words: str | None = None,
    publisher: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> dict[str, Any]:
    """One page of stored documents in ingestion order (``limit``, default 100, after the
    cursor ``after``), filtered by title words, publisher and publication dates, each with
    its mention count; the ``total`` that match and the ``next`` page's address."""
    from axiswatch.store.documents import DocumentQuery, read_document_page

    query = DocumentQuery(
        words=words or None,
        publisher=publisher or None,
        since=parse_date(since, name="since"),
        until=parse_date(until, name="until"),
        limit=limit or DEFAULT_DOCUMENTS,
        after=after or None,
    )
    if query.since and query.until and query.since > query.until:
        raise InputError(f"since={since} is after until={until}")
    page = read_document_page(ws.con, query)
    documents = [summary_row(row) for row in page.rows]
    kept = {"q": words, "publisher": publisher, "since": since, "until": until, "limit": limit}
    base = {k: v for k, v in kept.items() if v not in (None, "")}
    nxt = f"/api/documents?{urlencode({**base, 'after': page.cursor})}" if page.cursor else None
    return {
        "count": len(documents),
        "total": page.total,
        "next": nxt,
        "cursor": page.cursor,
        "documents": documents,
    }


def summary_row(row: dict[str, Any]) -> dict[str, Any]:
    """A document summary row from the store, JSON-ready, with its links."""
    out = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}
    out["links"] = {
        "self": f"/api/documents/{row['document_id']}",
        "html": f"/documents/{row['document_id']}",
    }
    return out


def document_detail(ws: Workspace, id_or_prefix: str) -> dict[str, Any]:
    """One document with its text, its events (in text order) and its claims."""
    document = ws.document(id_or_prefix)
    events = ws.event_list(
        EventFilter(document_id=document.document_id, count="mentions", review="any")
    )
    events.sort(key=lambda e: (e.start_char is None, e.start_char or 0, e.event_id))
    row = document_summary(document, events=len(events))
    row["text"] = document.text
    return {
        "document": row,
        "events": [event_json(e, document_title=document.title) for e in events],
        "claims": claim_rows(ws, document_id=document.document_id),
    }
