"""Numbered citations for the brief: one source per document, its quoted sentences listed.

Every event or claim the brief quotes calls :meth:`Citations.cite_event` or
:meth:`Citations.cite_claim` and prints the number it gets as ``[n]``, a link to ``#src-n`` in
the Sources section. A document keeps its number however often it is cited, so numbers run
in order of first citation. An imported event with no document cites its dataset; an item
with neither gets a source of its own that says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from axiswatch.model import Document, Event

LINKABLE_SCHEMES: tuple[str, ...] = ("http://", "https://")


@dataclass
class Quote:
    """One quoted sentence (None for a dataset row) and what quoted it ('E id', 'claim id')."""

    text: str | None
    refs: list[str] = field(default_factory=list)


@dataclass
class Source:
    """One entry of the Sources section."""

    number: int
    kind: str
    """'document', 'dataset' or 'none' (nothing recorded)."""
    title: str
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    quotes: list[Quote] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The element id the ``[n]`` links point at."""
        return f"src-{self.number}"

    @property
    def linkable(self) -> bool:
        """Whether the URL may be a link (http or https only: no javascript: and the like)."""
        return bool(self.url) and self.url.lower().startswith(LINKABLE_SCHEMES)

    def add(self, text: str | None, ref: str) -> None:
        """Record a quotation of ``text``; a sentence quoted again gains a ref, not a line."""
        for quote in self.quotes:
            if quote.text == text:
                if ref not in quote.refs:
                    quote.refs.append(ref)
                return
        self.quotes.append(Quote(text, [ref]))


class Citations:
    """The brief's sources, numbered in order of first citation."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self._documents = documents
        self._by_key: dict[tuple[str, str], Source] = {}

    @property
    def sources(self) -> list[Source]:
        """Every source cited so far, by number."""
        return sorted(self._by_key.values(), key=lambda s: s.number)

    def cite_event(self, event: Event) -> int:
        """The number of the event's document (or dataset) after recording its sentence."""
        ref = f"E {event.event_id}"
        if event.document_id:
            return self._cite_document(event.document_id, event.sentence, ref)
        if event.dataset:
            source = self._source(("dataset", event.dataset), "dataset", f"dataset {event.dataset}")
            row = f"row {event.dataset_row}" if event.dataset_row else None
            source.add(event.sentence or row, ref)
            return source.number
        return self._cite_nothing(event.sentence, ref)

    def cite_claim(self, claim: Mapping[str, Any]) -> int:
        """The number of the claim's document after recording its sentence."""
        ref = f"claim {claim.get('claim_id')}"
        if claim.get("document_id"):
            return self._cite_document(claim["document_id"], claim.get("sentence"), ref)
        return self._cite_nothing(claim.get("sentence"), ref)

    def _cite_document(self, document_id: str, sentence: str | None, ref: str) -> int:
        source = self._by_key.get(("document", document_id))
        if source is None:
            source = self._source(("document", document_id), "document", "untitled document")
            doc = self._documents.get(document_id)
            if doc is not None:
                source.title = doc.title or "untitled document"
                source.publisher, source.url = doc.publisher, doc.url
                source.published = doc.published_iso
        source.add(sentence, ref)
        return source.number

    def _cite_nothing(self, sentence: str | None, ref: str) -> int:
        source = self._source(("none", ref), "none", "no source document recorded")
        source.add(sentence, ref)
        return source.number

    def _source(self, key: tuple[str, str], kind: str, title: str) -> Source:
        if key not in self._by_key:
            self._by_key[key] = Source(len(self._by_key) + 1, kind, title)
        return self._by_key[key]
