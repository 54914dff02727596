"""Highlight character spans of a text as <mark> elements, escaping the text itself.

The text is cut at every span boundary; each piece is escaped on its own and then wrapped, so
markup in the text (``<script>``) stays text and the marks land exactly on the offsets
(``text[start_char:end_char]``). Overlapping spans are fine: a piece covered by several spans
gets one <mark> with all their classes. A span with a ``key`` puts an empty anchor element
with that id where it starts, so ``#key`` scrolls to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """Characters ``start``..``end`` of the text, of a kind (the CSS class), with a key."""

    start: int
    end: int
    kind: str
    key: str | None = None


def _clean(spans: Iterable[Span], length: int) -> list[Span]:
    out = []
    for span in spans:
        start, end = max(0, span.start), min(length, span.end)
        if start < end:
            out.append(Span(start, end, span.kind, span.key))
    return out


def mark_text(text: str, spans: Iterable[Span]) -> Markup:
    """The text, escaped, with each span wrapped in <mark class="KIND"> at its offsets."""
    kept = _clean(spans, len(text))
    cuts = sorted({0, len(text), *(s.start for s in kept), *(s.end for s in kept)})
    starting: dict[int, list[Span]] = {}
    for span in kept:
        starting.setdefault(span.start, []).append(span)
    parts: list[str] = []
    active: list[Span] = []
    for lo, hi in pairwise(cuts):
        active = [s for s in active if s.end > lo]
        for span in starting.get(lo, ()):
            active.append(span)
            if span.key:
                parts.append(f'<span class="anchor" id="{escape(span.key)}"></span>')
        piece = str(escape(text[lo:hi]))
        parts.append(f"{_open(active)}{piece}</mark>" if active else piece)
    return Markup("".join(parts))


def _open(active: Sequence[Span]) -> str:
    kinds = " ".join(sorted({s.kind for s in active}))
    keys = " ".join(s.key for s in active if s.key)
    refs = f' data-refs="{escape(keys)}"' if keys else ""
    return f'<mark class="{escape(kinds)}"{refs}>'


def mark_trigger(sentence: str | None, start: int | None, end: int | None) -> Markup:
    """A sentence with its trigger (offsets relative to the sentence) marked."""
    if not sentence:
        return Markup("")
    if start is None or end is None:
        return escape(sentence)
    return mark_text(sentence, [Span(start, end, "trigger")])
