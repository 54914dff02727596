"""A workspace's events as annotation-guide JSONL: its reviewed events as gold, its
mentions as predictions, each named by its document's file name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from axiswatch.evaluation.guide import GUIDE_FIELDS, guide_row
from axiswatch.model import Document
from axiswatch.store.events import EventFilter, read_mentions
from axiswatch.workspace import Workspace

MENTION_FIELDS = (
    "id",
    "doc",
    "sentence",
    "trigger",
    "start_char",
    "end_char",
    "confidence",
    "rule",
)
EVENT_FIELDS = tuple(f for f in GUIDE_FIELDS if f not in MENTION_FIELDS)
"""What a gold line takes from its (reviewed) event rather than from the mention."""


def doc_name(document: Document) -> str:
    """The name a document goes by in JSONL files: its file name, else its short id."""
    return Path(document.path).name if document.path else document.document_id[:12]


def _names(ws: Workspace) -> dict[str, str]:
    return {d.document_id: doc_name(d) for d in ws.documents()}


def gold_rows(ws: Workspace, *, reviewed: bool = True) -> list[dict[str, Any]]:
    """One line per mention of every reviewed event (with ``reviewed=False``: of every event
    not rejected), carrying the event's fields as the analyst left them."""
    names = _names(ws)
    flt = EventFilter(review="reviewed" if reviewed else None)
    rows = []
    for event in ws.event_list(flt):
        if event.origin != "extracted":
            continue
        event_row = guide_row(event)
        for mention in ws.mentions(event.event_id):
            if reviewed and not mention["reviewed"]:
                continue  # a mention extracted after the review: nobody has looked at it
            row = {
                "id": mention["event_id"],
                "doc": names.get(mention["document_id"], mention["document_id"]),
                "sentence": mention["sentence"],
                "start_char": mention["start_char"],
                "end_char": mention["end_char"],
                "event_id": event.event_id,
                "review": event.review,
            }
            row.update({k: event_row.get(k) for k in EVENT_FIELDS})
            rows.append(row)
    return rows


def mention_rows(ws: Workspace) -> list[dict[str, Any]]:
    """Every stored mention as the extractor coded it, as a prediction line."""
    names = _names(ws)
    rows = []
    for mention in read_mentions(ws.con):
        row = guide_row(mention)
        row["doc"] = names.get(mention.document_id or "", mention.doc)
        rows.append(row)
    return rows
