"""What the evidence pages show: timeline, event, documents, reader, claims, hypotheses.

Each function takes the request's Workspace and the query values and returns the template
context; the JSON the page is built from is the API's (``json_url`` names the twin).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from axiswatch.api.claims import (
    claim_anchor,
    claim_list,
    hypothesis_evidence,
    hypothesis_list,
)
from axiswatch.api.evidence import (
    EVENT_TYPES,
    document_detail,
    event_anchor,
    event_detail,
    event_filter,
    list_documents,
    list_events,
    summary_row,
)
from axiswatch.errors import InputError
from axiswatch.model import EPISTEMIC_VALUES
from axiswatch.web.marks import Span, mark_text, mark_trigger
from axiswatch.workspace import Workspace

TIMELINE_LIMIT = 100
TIMELINE_FIELDS: tuple[str, ...] = (
    "actor",
    "dyad",
    "type",
    "since",
    "until",
    "epistemic",
    "count",
    "review",
    "min_confidence",
    "document",
)
REVIEW_CHOICES = ("unreviewed", "accepted", "corrected", "rejected", "reviewed", "any")


def when(row: dict[str, Any]) -> str:
    """'2018-06-12' or '2018-06-12..2018-06-14' (or 'undated')."""
    start, end = row.get("date_start"), row.get("date_end")
    if not start:
        return "undated"
    return start if not end or end == start else f"{start}..{end}"


def why_items(row: dict[str, Any]) -> list[tuple[str, str]]:
    """The coding decision as (name, value) pairs: rule, trigger, then the recorded cues."""
    items = [("rule", row.get("rule")), ("trigger", row.get("trigger"))]
    items += list((row.get("why") or {}).items())
    items.append(("confidence", row.get("confidence")))
    return [(k, str(v)) for k, v in items if v not in (None, "", [], {})]


def event_view(row: dict[str, Any]) -> dict[str, Any]:
    """An event's API record plus what the templates show: date, marked sentence, why."""
    start, end, s0 = row.get("start_char"), row.get("end_char"), row.get("sentence_start")
    known = start is not None and end is not None and s0 is not None
    rel = (start - s0, end - s0) if known else (None, None)
    return {
        **row,
        "when": when(row),
        "sentence_html": mark_trigger(row.get("sentence"), *rel),
        "why_items": why_items(row),
    }


def query_string(values: dict[str, Any]) -> str:
    """The non-empty values as a query string (with a leading '?', or '')."""
    kept = {k: v for k, v in values.items() if v not in (None, "")}
    return f"?{urlencode(kept)}" if kept else ""


def timeline_page(
    ws: Workspace, values: dict[str, str | None], limit: int | None, after: str | None = None
) -> dict:
    """One page of the events matching the form's filters (after the cursor ``after``), each
    with its sentence and why; links to the next page and to exports of exactly this page."""
    shown = limit or TIMELINE_LIMIT
    ws.check_actors([values.get("actor") or "", *(values.get("dyad") or "").split("-")])
    flt = event_filter(
        actor=values.get("actor"),
        dyad=values.get("dyad"),
        event_type=values.get("type"),
        since=values.get("since"),
        until=values.get("until"),
        epistemic=values.get("epistemic"),
        document_id=values.get("document"),
        limit=shown,
        count=values.get("count"),
        review=values.get("review"),
        min_confidence=_confidence(values.get("min_confidence")),
        after=after or None,
    )
    listing = list_events(ws, flt, page=True)
    params = {k: values.get(k) for k in TIMELINE_FIELDS}
    api = {k: v for k, v in params.items() if k != "document"} | {
        "document_id": params.get("document"),
        "limit": shown,
    }
    cursor = listing["cursor"]
    here = {**params, "limit": limit}
    return {
        "title": "Timeline",
        "form": {k: v or "" for k, v in params.items()},
        "limit": shown,
        "total": listing["total"],
        "events": [event_view(e) for e in listing["events"]],
        "first_url": "/timeline" + query_string(here) if after else None,
        "next_url": "/timeline" + query_string(here) + f"&after={cursor}" if cursor else None,
        "exports": {
            "csv": "/api/events.csv" + query_string({**api, "after": after}),
            "json": "/api/events" + query_string({**api, "after": after}),
        },
        "event_types": EVENT_TYPES,
        "epistemic_values": EPISTEMIC_VALUES,
        "review_choices": REVIEW_CHOICES,
        "json_url": "/api/events" + query_string({**api, "after": after}),
    }


def _confidence(value: str | None) -> float | None:
    """The min_confidence parameter as a number from 0 to 1; InputError names it."""
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 1:
        raise InputError(f"min_confidence={value!r}: give a number from 0 to 1")
    return number


def event_page(ws: Workspace, event_id: str) -> dict[str, Any]:
    """One event's evidence: the sentence with its trigger, the document, the why."""
    detail = event_detail(ws, event_id)
    event = event_view(detail["event"])
    return {
        "title": f"Event {event['event_id']}",
        "event": event,
        "evidence": detail["evidence"],
        "document": detail["document"],
        "mentions": detail["mentions"],
        "reviews": detail["reviews"],
        "reviewable": event["origin"] == "extracted",
        "event_types": [t for t in EVENT_TYPES if t != "OTHER"],
        "epistemic_values": EPISTEMIC_VALUES,
        "json_url": detail["event"]["links"]["self"],
    }


def documents_page(ws: Workspace, values: dict[str, str | None] | None = None) -> dict[str, Any]:
    """One page of the stored documents with their event counts, filtered by words of the
    title, publisher and publication dates."""
    values = values or {}
    limit = values.get("limit")
    if limit not in (None, "") and (not str(limit).isdigit() or not 1 <= int(limit) <= 5000):
        raise InputError(f"limit={limit!r}: give a number from 1 to 5000")
    listing = list_documents(
        ws,
        limit=int(limit) if limit else None,
        after=values.get("after"),
        words=values.get("q"),
        publisher=values.get("publisher"),
        since=values.get("since"),
        until=values.get("until"),
    )
    form = {k: values.get(k) or "" for k in ("q", "publisher", "since", "until", "limit")}
    here = query_string(form)
    cursor = listing["cursor"]
    return {
        "title": "Documents",
        "documents": listing["documents"],
        "count": listing["count"],
        "total": listing["total"],
        "form": form,
        "next_url": f"/documents{here}{'&' if here else '?'}after={cursor}" if cursor else None,
        "first_url": f"/documents{here}" if values.get("after") else None,
        "json_url": "/api/documents" + query_string({**form, "after": values.get("after")}),
    }


def reader_spans(events: list[dict[str, Any]], claims: list[dict[str, Any]]) -> list[Span]:
    """Sentence and trigger spans of the events, and the claims' spans, with anchors."""
    spans = []
    for e in events:
        anchor = event_anchor(e["event_id"])
        has_trigger = e.get("start_char") is not None and e.get("end_char") is not None
        if e.get("sentence_start") is not None and e.get("sentence_end") is not None:
            key = None if has_trigger else anchor
            spans.append(Span(e["sentence_start"], e["sentence_end"], "sentence", key))
        if has_trigger:
            spans.append(Span(e["start_char"], e["end_char"], "trigger", anchor))
    for c in claims:
        if c.get("start_char") is not None and c.get("end_char") is not None:
            spans.append(Span(c["start_char"], c["end_char"], "claim", claim_anchor(c["claim_id"])))
    return spans


def reader_page(ws: Workspace, document_id: str) -> dict[str, Any]:
    """The document's text with its events and claims marked, and the lists beside it."""
    detail = document_detail(ws, document_id)
    document = detail["document"]
    events = [event_view(e) for e in detail["events"]]
    claims = detail["claims"]
    return {
        "title": document.get("title") or document["document_id"][:12],
        "document": document,
        "text_html": mark_text(document["text"], reader_spans(events, claims)),
        "events": [{**e, "anchor": event_anchor(e["event_id"])} for e in events],
        "claims": [{**c, "anchor": claim_anchor(c["claim_id"])} for c in claims],
        "json_url": document["links"]["self"],
    }


def claims_page(ws: Workspace, verdict: str | None, after: str | None = None) -> dict[str, Any]:
    """One page of claims with their verdicts, explanations and reference rows."""
    listing = claim_list(ws, verdict=verdict or None, after=after)
    here = "/claims" + query_string({"verdict": verdict})
    cursor = listing["cursor"]
    return {
        "title": "Claims",
        **listing,
        "verdict": verdict or "",
        "next_url": f"{here}{'&' if '?' in here else '?'}after={cursor}" if cursor else None,
        "first_url": here if after else None,
        "json_url": "/api/claims" + query_string({"verdict": verdict, "after": after}),
    }


def _evidence_link(hypothesis_id: str, after: str | None) -> str:
    return f"/hypotheses/{quote(hypothesis_id, safe='')}" + query_string({"after": after})


def hypotheses_page(ws: Workspace, after: str | None = None) -> dict[str, Any]:
    """A page of hypotheses with their scores and first items of evidence, each linked to the
    rest (or a note that the analysis is not installed)."""
    listing = hypothesis_list(ws, after=after)
    for row in listing["hypotheses"]:
        shown = row.get("evidence") or []
        cursor = row.get("evidence_cursor")
        more = cursor or (row.get("evidence_total") and not shown)
        ident = str(row.get("hypothesis_id") or "")
        row["url"] = _evidence_link(ident, None) if ident else None
        row["more_url"] = _evidence_link(ident, cursor) if more and ident else None
    cursor = listing["cursor"]
    return {
        "title": "Hypotheses",
        **listing,
        "next_url": "/hypotheses" + query_string({"after": cursor}) if cursor else None,
        "first_url": "/hypotheses" if after else None,
        "json_url": "/api/hypotheses" + query_string({"after": after}),
    }


def hypothesis_page(ws: Workspace, hypothesis_id: str, after: str | None = None) -> dict[str, Any]:
    """One hypothesis with its scores and a page of its evidence."""
    page = hypothesis_evidence(ws, hypothesis_id, after=after)
    hypothesis = page["hypothesis"]
    return {
        "title": "Hypothesis",
        **page,
        "h": {**hypothesis, "evidence": page["evidence"]},
        "next_url": _evidence_link(hypothesis_id, page["cursor"]) if page["cursor"] else None,
        "first_url": _evidence_link(hypothesis_id, None) if after else None,
        "json_url": f"/api/hypotheses/{quote(hypothesis_id, safe='')}/evidence"
        + query_string({"after": after}),
    }


def ingest_page(ws: Workspace) -> dict[str, Any]:
    """The ingest form (files, or pasted text with a title and date) and the latest documents."""
    from axiswatch.store.documents import latest_documents

    latest = [summary_row(r) for r in latest_documents(ws.con, 10)]
    return {"title": "Ingest", "latest": latest, "json_url": "/openapi.json"}
