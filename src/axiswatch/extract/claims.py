"""Claims: checkable statements and hypotheses that are not dated events.

The text is read paragraph by paragraph and sentence by sentence as by the event pipeline
(reference notes are skipped; footnote markers are blanked for parsing, and the evidence
sentence is the original text, ``text[start_char:end_char] == sentence``). Each sentence goes
through the claim families in this order, each rule naming itself in ``rule``:

1. votes: counts with the list of states (``no_votes``…, the list may go on in the next
   sentence, and the evidence then spans both), tallies ("by 100 votes to 11, with 58
   abstentions") and lists of voters (``voted_against``…);
2. quantities: lengths (border lengths as verify_borders reads them), percentages, money,
   counts;
3. rankings ("largest trade partner", as verify_trade reads them), shared borders,
   memberships, the state of relations ("relations between A and B decayed") and the life of
   organisations ("the establishment of AUKUS in 2021");
4. hedged statements: hypotheses ("might", "possibly", "it can be assumed that"),
   allegations ("claims that", "accused X of") and reports ("according to"), the epistemic
   value from the cue;
5. undated transfers of arms or goods ("the weapons provided by Korea").

Actors named in "according to <source>" are sources, not parties. A sentence saying that
there is no evidence for "this hypothesis" makes the claims of the sentence before it
hypothetical. Statements that are the trigger of a dated event already coded from the sentence
are events and give no claim of families 4–5 (nor of relations and organisations), unless
hypothetical; votes, quantities, rankings, borders and memberships are claims in any sentence.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Span, Token

from axiswatch.actors.kb import ActorKB
from axiswatch.extract._claim_changes import organisation_claims, relation_claims
from axiswatch.extract._claim_numbers import quantity_claims
from axiswatch.extract._claim_relations import border_claims, membership_claims, ranking_claims
from axiswatch.extract._claim_sentence import ClaimSentence, Draft, clause_head
from axiswatch.extract._claim_statements import (
    hedged_claims,
    statement_claims,
    transfer_claims,
)
from axiswatch.extract._claim_vetoes import veto_claims
from axiswatch.extract._claim_votes import vote_claims
from axiswatch.extract._claim_words import claim_words
from axiswatch.extract.dates import TimeExpr, latest_absolute, parse_iso, tag_dates
from axiswatch.extract.nlp import load_nlp
from axiswatch.extract.paragraphs import (
    Paragraph,
    is_reference_note,
    mask_footnotes,
    parse_paragraphs,
)
from axiswatch.extract.pipeline import Extractor, SourceText
from axiswatch.model import Claim, Event

__all__ = ["CLAIMS_VERSION", "extract_claims"]

log = logging.getLogger(__name__)

CLAIMS_VERSION = "axiswatch.claims.v1"
_FOOTNOTE_AFTER = re.compile(r"\[\d+\]")
_CURRENCY = re.compile(r"\s?(?:\$|dollars?\b)", re.IGNORECASE)
_KEPT_IN_EVENTS = frozenset({"vote", "veto", "quantity", "ranking", "membership", "border"})


def extract_claims(
    text: str,
    *,
    doc: str,
    document_id: str | None,
    published: dt.date | None,
    kb: ActorKB | None = None,
    nlp: Language | None = None,
    events: Sequence[Event] | None = None,
    paragraphs: list[Paragraph] | None = None,
) -> list[Claim]:
    """The claims of one text, in text order, with ids ``<doc>-c<N>``.

    ``events``: the events already extracted from the text (their dated triggers are not
    claims); when None they are extracted here with the same knowledge base. ``paragraphs``:
    the text's parse (:mod:`.paragraphs`), shared with the event extractor; parsed once here
    when None.
    """
    kb = kb or ActorKB.default()
    nlp = nlp or load_nlp()
    if paragraphs is None:
        paragraphs = parse_paragraphs(nlp, text)
    if events is None:
        source = SourceText(doc, text, document_id, published)
        events = Extractor(kb, nlp=nlp).extract_one(source, paragraphs=paragraphs)
    reader = _Reader(text, kb, published, events)
    found: list[tuple[ClaimSentence, Draft]] = []
    for para in paragraphs:
        if is_reference_note(para.text):
            continue
        sentences = reader.sentences(para.base, para.sents)
        previous: list[tuple[ClaimSentence, Draft]] = []
        for n, cs in enumerate(sentences):
            following = sentences[n + 1] if n + 1 < len(sentences) else None
            continued = any(d.end is not None and d.end > cs.start for _, d in previous)
            drafts = [(cs, d) for d in sentence_claims(cs, following, plain=not continued)]
            if claim_words().unproven.search(cs.text) and previous:
                found[-len(previous) :] = [(c, _unproven(d)) for c, d in previous]
            found.extend(drafts)
            previous = drafts
    claims = [_claim(text, doc, document_id, n, cs, d) for n, (cs, d) in enumerate(found, 1)]
    log.info("%s: %d claims", doc, len(claims))
    return claims


def sentence_claims(
    cs: ClaimSentence, following: ClaimSentence | None, *, plain: bool = True
) -> list[Draft]:
    """The claims of one sentence, family by family, without repeats; with ``plain``, the
    main statement when no family finds a claim (not for a sentence that only continues the
    one before, such as the rest of a vote list)."""
    drafts = [*vote_claims(cs, following), *veto_claims(cs), *quantity_claims(cs)]
    drafts += [*ranking_claims(cs), *border_claims(cs), *membership_claims(cs)]
    drafts += [*relation_claims(cs), *organisation_claims(cs)]
    drafts = [d for d in drafts if d.family in _KEPT_IN_EVENTS or not _is_event(cs, d)]
    heads = {_head(cs, d) for d in drafts}
    for draft in hedged_claims(cs):
        if _head(cs, draft) in heads or (draft.rule.startswith("hedge_according") and drafts):
            continue
        drafts.append(draft)
    heads = {_head(cs, d) for d in drafts}
    taken = {d.anchor for d in drafts if d.anchor is not None}
    drafts += [d for d in transfer_claims(cs, taken) if _head(cs, d) not in heads]
    if not drafts and plain:
        drafts = statement_claims(cs)
    unique: dict[str, Draft] = {}
    for draft in drafts:
        key = json.dumps([draft.subject, draft.predicate, draft.object, draft.value], default=str)
        unique.setdefault(key, draft)
    return list(unique.values())


def _head(cs: ClaimSentence, draft: Draft) -> int | None:
    """The clause a draft is a claim of (two families rarely describe one clause twice)."""
    return None if draft.anchor is None else clause_head(cs.sent.doc[draft.anchor]).i


def _is_event(cs: ClaimSentence, draft: Draft) -> bool:
    return draft.anchor is not None and cs.is_event(cs.sent.doc[draft.anchor])


def _unproven(draft: Draft) -> Draft:
    """A claim the next sentence calls unproven ("no facts can prove this hypothesis")."""
    if draft.epistemic != "asserted":
        return draft
    return replace(draft, epistemic="hypothetical", rule=draft.rule + "+unproven")


def _claim(
    text: str, doc: str, document_id: str | None, n: int, cs: ClaimSentence, draft: Draft
) -> Claim:
    end = draft.end if draft.end is not None else cs.end
    return Claim(
        claim_id=f"{doc}-c{n}",
        document_id=document_id,
        doc=doc,
        sentence=text[cs.start : end],
        start_char=cs.start,
        end_char=end,
        subject=draft.subject,
        predicate=draft.predicate,
        object=draft.object,
        value=draft.value,
        unit=draft.unit,
        time=draft.time,
        epistemic=draft.epistemic,
        checkable_against=draft.checkable_against,
        rule=draft.rule,
    )


class _Reader:
    """Turns parsed sentences into ClaimSentences: actors, dates, event triggers, offsets."""

    def __init__(
        self, text: str, kb: ActorKB, published: dt.date | None, events: Sequence[Event]
    ) -> None:
        self.text = text
        self.masked = mask_footnotes(text)
        self.kb = kb
        self.published = published
        self.triggers = [
            (e.start_char, e.end_char)
            for e in events
            if e.start_char is not None
            and e.end_char is not None
            and e.date_start
            and e.epistemic != "hypothetical"
        ]
        self.mentioned: Counter[str] = Counter()
        self.organisations = frozenset(
            code for code, actor in kb.actors.items() if actor.kind == "igo"
        )
        self.last_date: TimeExpr | None = None

    def sentences(self, offset: int, sents: Iterable[Span]) -> list[ClaimSentence]:
        """The sentences of one paragraph (at ``offset`` in the text), in order."""
        out: list[ClaimSentence] = []
        topic: list[str] = []
        before: list[str] = []
        for sent in sents:
            if not sent.text.strip():
                continue
            cs = self._sentence(offset, sent, topic, before)
            out.append(cs)
            topic = cs.subject_actors(sent.root) or topic
            before = cs.actors_in(sent)
        return out

    def _sentence(
        self, offset: int, sent: Span, topic: list[str], before: list[str]
    ) -> ClaimSentence:
        base = offset + sent.start_char
        start, end = _bounds(self.text, self.masked, base, offset + sent.end_char)
        dates = [
            expr
            for expr in tag_dates(sent.text, anchor=self.published, previous=self.last_date)
            if not expr.rule.startswith("named_period")  # "the Korean War" names, not dates
        ]
        on = parse_iso(dates[0].date_start)[0] if dates else self.published
        actors: dict[int, str] = {}
        for m in self.kb.find_mentions(sent.text, on=on):
            code = m.actor or self._likeliest(m.candidates)
            if code is None or _CURRENCY.match(sent.text, m.end_char):
                continue  # "US$ 240 billion", "US dollars" name a currency
            for tok in sent:
                rel = tok.idx - sent.start_char
                if rel < m.end_char and rel + len(tok) > m.start_char:
                    actors[tok.i] = code
        self.mentioned.update(actors.values())
        for tok in _attributions(sent):  # "according to the CIA": a source, not a party
            actors.pop(tok.i, None)
        lo, hi = offset + sent.start_char, offset + sent.end_char
        here = [(s, e) for s, e in self.triggers if s < hi and e > lo]  # this sentence's only
        triggers = frozenset(
            tok.i
            for tok in sent
            for s, e in here
            if offset + tok.idx < e and offset + tok.idx + len(tok) > s
        )
        context = self.last_date
        self.last_date = latest_absolute(dates) or self.last_date
        return ClaimSentence(
            sent=sent,
            text=self.text[start:end],
            start=start,
            end=end,
            base=base,
            actors=actors,
            dates=dates,
            context_date=context,
            published=self.published,
            triggers=triggers,
            topic=list(topic),
            before=list(before),
            organisations=self.organisations,
        )

    def _likeliest(self, candidates: Sequence[str]) -> str | None:
        """An ambiguous name ("Korea") as the candidate the text has named most so far."""
        ranked = sorted(candidates, key=lambda c: -self.mentioned[c])
        if not ranked or self.mentioned[ranked[0]] == 0:
            return None
        if len(ranked) > 1 and self.mentioned[ranked[0]] == self.mentioned[ranked[1]]:
            return None
        return ranked[0]


def _attributions(sent: Span) -> list[Token]:
    """The tokens of "according to <source>" phrases, up to the next comma or stop."""
    out: list[Token] = []
    inside = False
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            inside = True
        elif inside and tok.is_punct and tok.text in {",", ";", ".", ":", "\u2014", "\u2013"}:
            inside = False
        if inside:
            out.append(tok)
    return out


def _bounds(text: str, masked: str, start: int, end: int) -> tuple[int, int]:
    """Trim blank space and footnote markers, then keep the markers attached at the end (".[7]").

    ``masked`` is the text with footnote markers blanked, as it was parsed.
    """
    while start < end and masked[start].isspace():
        start += 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    while (after := _FOOTNOTE_AFTER.match(text, end)) is not None:
        end = after.end()
    return start, end
