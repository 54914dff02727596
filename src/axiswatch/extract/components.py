"""axiswatch's extraction as spaCy pipeline components, for a pipeline of the user's own.

::

    import spacy
    nlp = spacy.load("en_core_web_sm")          # any English pipeline with a parser
    nlp.add_pipe("axiswatch_events")            # after the parser
    nlp.add_pipe("axiswatch_claims")            # optional, after axiswatch_events
    doc = nlp.make_doc(text)
    doc._.axiswatch_meta = {"published": "2024-06-19", "title": "...", "publisher": "..."}
    doc = nlp(doc)
    doc._.axiswatch_events                      # list[axiswatch.model.Event]
    doc._.axiswatch_claims                      # list[axiswatch.model.Claim]

Both factories are registered under the ``spacy_factories`` entry point, so ``add_pipe``
finds them once axiswatch is installed. They run the same code as ``axiswatch extract`` and
``axiswatch claims`` on the same parse (``paragraphs_of_doc``): the components read the Doc the
user's pipeline made; the CLI parses paragraph by paragraph with footnote markers blanked, so
offsets agree and results agree on texts without footnote markers. ``axiswatch_meta`` is
optional; without a publication date, acts told in the present get no date.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from axiswatch.errors import InputError

if TYPE_CHECKING:
    from axiswatch.extract.pipeline import SourceText

META = "axiswatch_meta"
EVENTS = "axiswatch_events"
CLAIMS = "axiswatch_claims"

for _name in (META, EVENTS, CLAIMS):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class EventsComponent:
    """Sets ``doc._.axiswatch_events`` to the events of the Doc's text."""

    def __init__(self, nlp: Language, name: str, keep_undated: bool) -> None:
        from axiswatch.extract.pipeline import Extractor

        self.name = name
        self.extractor = Extractor(keep_undated=keep_undated, nlp=nlp)

    def __call__(self, doc: Doc) -> Doc:
        from axiswatch.extract.paragraphs import paragraphs_of_doc

        source = source_of(doc)
        doc._.set(EVENTS, self.extractor.extract_one(source, paragraphs=paragraphs_of_doc(doc)))
        return doc


class ClaimsComponent:
    """Sets ``doc._.axiswatch_claims``, reading the events of ``axiswatch_events`` if it ran."""

    def __init__(self, nlp: Language, name: str) -> None:
        from axiswatch.actors.kb import ActorKB

        self.name = name
        self.nlp = nlp
        self.kb = ActorKB.default()

    def __call__(self, doc: Doc) -> Doc:
        from axiswatch.extract.claims import extract_claims
        from axiswatch.extract.paragraphs import paragraphs_of_doc

        source = source_of(doc)
        claims = extract_claims(
            doc.text,
            doc=source.doc,
            document_id=source.document_id,
            published=source.published,
            kb=self.kb,
            nlp=self.nlp,
            events=doc._.get(EVENTS),
            paragraphs=paragraphs_of_doc(doc),
        )
        doc._.set(CLAIMS, claims)
        return doc


@Language.factory(EVENTS, default_config={"keep_undated": False})
def make_events_component(nlp: Language, name: str, keep_undated: bool) -> EventsComponent:
    """The ``axiswatch_events`` factory."""
    return EventsComponent(nlp, name, keep_undated)


@Language.factory(CLAIMS)
def make_claims_component(nlp: Language, name: str) -> ClaimsComponent:
    """The ``axiswatch_claims`` factory."""
    return ClaimsComponent(nlp, name)


def source_of(doc: Doc) -> SourceText:
    """The SourceText of a Doc, from its text and ``doc._.axiswatch_meta``."""
    from axiswatch.extract.pipeline import SourceText

    meta = doc._.get(META) or {}
    published = meta.get("published")
    precision = "day"
    if isinstance(published, str):
        text = published.strip()
        precision = {4: "year", 7: "month"}.get(len(text), "day")
        padded = text + {4: "-01-01", 7: "-01"}.get(len(text), "")
        try:
            published = dt.date.fromisoformat(padded)
        except ValueError as e:
            raise InputError(
                f"doc._.{META}['published'] is {text!r}: write YYYY-MM-DD, YYYY-MM or YYYY"
            ) from e
    return SourceText(
        str(meta.get("name", "doc")),
        doc.text,
        meta.get("document_id"),
        published,
        precision,
        meta.get("title"),
        meta.get("publisher"),
    )
