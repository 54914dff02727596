"""A text cut into paragraphs and parsed once; every extractor reads the same parse.

Paragraphs are separated by blank lines; a paragraph longer than MAX_CHUNK characters (a PDF
without blank lines) is cut at line breaks or sentence ends so that spaCy never sees an oversized
text. Footnote markers ("relations.[8]") are blanked and a timeline entry's "Dec 2 -" read as
"Dec 2 ," before parsing (:func:`for_parsing`), keeping every offset. A
:class:`Paragraph` keeps its place in the text and its sentences; ``base`` is where the parsed
``Doc`` starts in the text, so ``base + sent.start_char`` is a sentence's offset in the text
whether the Doc is the paragraph alone (our own parse) or the whole text (a spaCy pipeline of
the user's, see :mod:`axiswatch.extract.components`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
FOOTNOTE_AFTER = re.compile(r"\[\d+\]")
REFERENCE_NOTE = re.compile(
    r"^\s*\[\d+\]|\(Date of Access(?:ion)?:|\b(?:Retrieved|Accessed) on\b", re.I
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ENTRY_DATE = (
    rf"(?:{_MONTH}[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?|\d{{1,2}}[ \t]+{_MONTH}(?:[ \t]+\d{{4}})?"
    rf"|{_MONTH}[ \t]+\d{{4}}|\d{{4}})"
)
ENTRY_SEPARATOR = re.compile(rf"^([ \t]*{_ENTRY_DATE}[ \t]*)[-–—:](?=[ \t]+\S)", re.M)
"""A timeline entry's date and its dash or colon ("Dec 2 - Trump speaks ...",
"October 1950: China intervenes ..."): the tagger reads "Dec 2 - Trump speaks" as a noun
phrase, so the separator is parsed as a comma; the date itself is kept for the date tagger."""
BATCH = 32
MAX_CHUNK = 20_000


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: where it starts in the text, its text, and its parsed sentences."""

    start: int
    text: str
    sents: tuple[Span, ...]
    base: int
    """Where the parsed Doc starts in the text (the paragraph's start, or 0 for a whole-text
    Doc)."""


def parse_paragraphs(nlp: Language, text: str) -> list[Paragraph]:
    """The paragraphs of a text, each parsed on its own (footnote markers blanked)."""
    cut = list(iter_paragraphs(text))
    docs = nlp.pipe((for_parsing(p) for _, p in cut), batch_size=BATCH)
    return [
        Paragraph(start, para, tuple(doc.sents), start)
        for (start, para), doc in zip(cut, docs, strict=True)
    ]


def paragraphs_of_doc(doc: Doc) -> list[Paragraph]:
    """The paragraphs of a Doc parsed whole, each with the sentences that start in it."""
    sents = list(doc.sents)
    out = []
    for start, para in iter_paragraphs(doc.text):
        end = start + len(para)
        inside = tuple(s for s in sents if start <= s.start_char < end and s.text.strip())
        out.append(Paragraph(start, para, inside, 0))
    return out


def iter_paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) pairs; paragraphs are separated by blank lines.

    A paragraph longer than MAX_CHUNK characters (a PDF without blank lines, say) is cut into
    chunks at line breaks or sentence ends, so that spaCy never sees an oversized text.
    """
    pos = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        if text[pos : match.start()].strip():
            yield from _chunks(pos, text[pos : match.start()])
        pos = match.end()
    if text[pos:].strip():
        yield from _chunks(pos, text[pos:])


def _chunks(offset: int, paragraph: str) -> Iterator[tuple[int, str]]:
    while len(paragraph) > MAX_CHUNK:
        window = paragraph[:MAX_CHUNK]
        cut = max(window.rfind("\n"), window.rfind(". "))
        cut = cut + 1 if cut > MAX_CHUNK // 2 else MAX_CHUNK
        yield offset, paragraph[:cut]
        offset, paragraph = offset + cut, paragraph[cut:]
    if paragraph.strip():
        yield offset, paragraph


def mask_footnotes(text: str) -> str:
    """Blank out footnote markers ("relations.[8]") so they do not glue onto words.

    The markers become spaces of the same length, so every offset still points into the
    original text, where the evidence sentence is read from.
    """
    return FOOTNOTE_AFTER.sub(lambda m: " " * len(m.group(0)), text)


def for_parsing(text: str) -> str:
    """The text the parser sees: footnote markers blanked, timeline entry separators read as
    commas; the same length, so every offset still points into the original text."""
    return ENTRY_SEPARATOR.sub(lambda m: m.group(1) + ",", mask_footnotes(text))


def is_reference_note(paragraph: str) -> bool:
    """A numbered footnote or a bibliography line ("[5] “Title”, Publisher, (Date of ...")."""
    return REFERENCE_NOTE.search(paragraph) is not None
