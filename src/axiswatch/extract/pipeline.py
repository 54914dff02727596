"""Document-level extraction: paragraphs through spaCy, then our components, sentence by sentence.

The components run in this order for each sentence: temporal expressions (dates.py, anchored
on the publication date and the previous sentences), actor mentions (the actor knowledge base,
at the sentence's date), places, then event coding (coder.py). What a sentence leaves behind
(its date, its actors, its events) is carried to the next sentence of the same paragraph.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from spacy.language import Language
from spacy.tokens import Span, Token

from axiswatch.actors.kb import ActorKB
from axiswatch.actors.model import Mention
from axiswatch.extract.arguments import ActorRef, MentionIndex
from axiswatch.extract.coder import (
    CodedEvent,
    Discourse,
    SentenceInput,
    code_sentence,
    event_key,
)
from axiswatch.extract.dates import TimeExpr, parse_iso, tag_dates
from axiswatch.extract.frame import OFFICES, TITLE_WORDS, DocumentFrame, document_frame
from axiswatch.extract.groups import define_groups
from axiswatch.extract.layout import dateline_end, is_heading
from axiswatch.extract.lexicon import find_places, triggers
from axiswatch.extract.nlp import load_nlp
from axiswatch.extract.pairs import PairJudge, judge_pairs, shipped_model
from axiswatch.extract.paragraphs import (
    FOOTNOTE_AFTER,
    Paragraph,
    is_reference_note,
    parse_paragraphs,
)
from axiswatch.extract.references import named_in
from axiswatch.extract.votes import sentence_vote_frame
from axiswatch.model import PRECISION_LENGTH, Document, Event
from axiswatch.ontology.cameo import cameo_code

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "axiswatch.rules.v1"
FOOTNOTE_START = re.compile(r"^\s*\[\d+\]\s*")
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl"})
NAME_PART_DEPS = frozenset({"compound", "nummod", "amod", "poss"})


@dataclass(frozen=True)
class SourceText:
    """One text to extract from."""

    doc: str  # the name shown in the "doc" field (file name or corpus id)
    text: str
    document_id: str | None = None
    published: dt.date | None = None
    published_precision: str = "day"  # "month" for a front matter "2018-03"
    title: str | None = None
    publisher: str | None = None

    @classmethod
    def of(cls, document: Document, name: str) -> SourceText:
        """The text of a stored or freshly read document, shown as ``name``."""
        return cls(
            name,
            document.text,
            document.document_id,
            document.published,
            document.published_precision,
            document.title,
            document.publisher,
        )


class Extractor:
    """The rule-based event extractor over the spaCy parse."""

    def __init__(
        self,
        kb: ActorKB | None = None,
        *,
        keep_undated: bool = False,
        pair_judge: PairJudge | Literal["shipped"] | None = "shipped",
        nlp: Language | None = None,
    ) -> None:
        """``pair_judge``: who accepts the actor pairs of a sentence (:mod:`.pairs`); the
        model shipped with the package by default, None for the rules alone."""
        self.kb = kb or ActorKB.default()
        self.nlp = nlp if nlp is not None else load_nlp()
        self.keep_undated = keep_undated
        self.pair_judge = shipped_model() if pair_judge == "shipped" else pair_judge
        self.igo_ids = frozenset(
            actor_id for actor_id, actor in self.kb.actors.items() if actor.kind == "igo"
        )

    def extract(
        self,
        sources: Iterable[SourceText],
        *,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> Iterator[Event]:
        """Events of every source text, document by document."""
        items = list(sources)
        for n, source in enumerate(items, 1):
            yield from self.extract_one(source)
            if progress is not None:
                progress(n, len(items), source.doc)

    def extract_one(
        self,
        source: SourceText,
        *,
        progress: Callable[[int, int, str], None] | None = None,
        paragraphs: list[Paragraph] | None = None,
    ) -> list[Event]:
        """Events of one text, in text order; ``progress`` is told after each paragraph.

        ``paragraphs``: the text already parsed (:mod:`.paragraphs`), so that events and claims
        read one parse; parsed here when None.
        """
        if paragraphs is None:
            paragraphs = parse_paragraphs(self.nlp, source.text)
        events: list[Event] = []
        frame = document_frame(
            self.kb, source.title, source.publisher, source.published, self.igo_ids
        )
        reading = _Reading(publication_time(source), frame)
        previous_paragraph = ""
        for n_paragraph, para in enumerate(paragraphs, 1):
            if is_reference_note(para.text):
                continue  # a footnote or bibliography entry, not the author's account
            if is_heading(para.text):
                # "- 2019: Xi visits 'best friend' -": its date dates the paragraphs under it
                dates = tag_dates(para.text, anchor=source.published)
                reading.section_date = dates[0] if dates else None
                previous_paragraph = ""
                continue
            if not previous_paragraph.rstrip().endswith(":"):
                # a new paragraph: no date or actor is implied (but the section's date), and
                # "two months later" still counts from the last date the text gave
                reading.new_paragraph()
            dateline = dateline_end(para.text) if n_paragraph == 1 else 0
            reading.dateline = reading.dateline or dateline > 0
            masked = para.start - para.base + dateline  # in the parsed Doc's offsets
            for sent in para.sents:
                coded = self._code(sent, source, reading, masked)
                fresh = [
                    item for item in coded if not is_repeat(item, reading.stated, reading.told)
                ]
                reading.stated.update(event_key(item) for item in coded)
                for item in fresh:
                    n = len(events) + 1
                    events.append(self._to_event(item, sent, para.base, source, n))
                _carry(reading.discourse, sent, coded, self.igo_ids)
            previous_paragraph = para.text
            if progress is not None:
                progress(n_paragraph, len(paragraphs), source.doc)
        return events

    def _code(
        self, sent: Span, source: SourceText, reading: _Reading, masked: int = 0
    ) -> list[CodedEvent]:
        """The sentence's events; actor mentions before ``masked`` (a dateline; an offset in
        the parsed Doc) are ignored."""
        discourse, persons, groups = reading.discourse, reading.persons, reading.groups
        text = sent.text
        exprs = [  # a dateline's date is when the story was filed, not when the act was
            expr
            for expr in tag_dates(
                text,
                anchor=source.published,
                previous=discourse.previous_date or discourse.last_absolute,
            )
            if sent.start_char + expr.start_char >= masked
        ]
        discourse.sentence_date = _narrative_date(sent, exprs)
        reading.told = exprs
        bounds = _date_bounds(exprs, discourse)
        on = bounds[0] + (bounds[1] - bounds[0]) / 2 if bounds else source.published
        mentions = [
            m
            for m in self.kb.find_mentions(text, on=on)
            if sent.start_char + m.start_char >= masked
        ]
        by_token, places = self._index_mentions(sent, mentions, bounds, persons)
        for name, members in define_groups(text, mentions).items():
            groups.setdefault(name, members)
        issuer = reading.frame.issuer
        if issuer is not None and issuer not in self.igo_ids:
            self._issuer_officials(sent, issuer, on, by_token)
        _titled_names(sent, by_token, persons)
        for place in find_places(text):
            for tok in _tokens_in(sent, place.start_char, place.end_char):
                places[tok.i] = (place.text, place.state)
        dates = [(e, _first_token(sent, e.start_char)) for e in exprs]

        def holder(role: str, state: str) -> str | None:
            if on is None or not self._same_holder(role, state, bounds):
                return None
            person = self.kb.holder(role, state, on)
            return person.name if person is not None else None

        inp = SentenceInput(
            sent,
            MentionIndex(by_token, _group_tokens(sent, groups, by_token)),
            dates,
            places,
            holder,
            keep_undated=self.keep_undated,
            igo_ids=self.igo_ids,
        )
        inp = replace(inp, vote_frame=sentence_vote_frame(inp))
        coded = code_sentence(inp, discourse)
        if self.pair_judge is not None:
            coded = judge_pairs(inp, coded, discourse, self.pair_judge)
        discourse.next_topic = _subject_actor(sent, by_token)
        discourse.next_plural = _named_together(sent, inp.index)
        discourse.next_named = tuple(named_in(inp))
        discourse.vote_frame = inp.vote_frame or discourse.vote_frame
        return coded

    def _index_mentions(
        self,
        sent: Span,
        mentions: list[Mention],
        bounds: tuple[dt.date, dt.date] | None,
        persons: dict[str, ActorRef],
    ) -> tuple[dict[int, ActorRef], dict[int, tuple[str, str]]]:
        """Actor references by token, and places by token, from the sentence's mentions; a
        surname or a UN organ named here is remembered for later sentences (``persons``)."""
        by_token: dict[int, ActorRef] = {}
        places: dict[int, tuple[str, str]] = {}
        for m in mentions:
            if m.actor is None:
                continue
            by_role = m.rule == "role_by_date"  # the person inferred from the office, not named
            if by_role and m.role and m.person and not self._same_holder(m.role, m.actor, bounds):
                m = replace(m, person=None)  # the office changed hands within the date given
            tokens = _tokens_in(sent, m.start_char, m.end_char)
            if m.form in {"capital", "name"} and _names_an_occasion(tokens, m.form):
                for tok in tokens:
                    places[tok.i] = (m.text, m.actor)
                continue
            for tok in tokens:
                by_token[tok.i] = ActorRef(
                    m.actor,
                    m.person,
                    tok.i,
                    m.rule,
                    sent.start_char + m.start_char,
                    sent.start_char + m.end_char,
                    m.role,
                )
                if m.form == "capital":
                    places[tok.i] = (m.text, m.actor)
            if m.person:
                surname = m.person.split()[-1] if " " in m.person else m.person
                persons[surname.lower()] = ActorRef(m.actor, m.person, -1, "earlier_mention")
                persons[m.person.split()[0].lower()] = persons[surname.lower()]
            if m.actor in UN_BODIES:
                persons[UN_BODIES[m.actor]] = ActorRef(m.actor, None, -1, "earlier_mention")
        for tok in sent:
            if tok.i not in by_token and tok.pos_ == "PROPN" and tok.lower_ in persons:
                ref = persons[tok.lower_]
                by_token[tok.i] = ActorRef(ref.actor, ref.person, tok.i, "earlier_mention")
        return by_token, places

    def _issuer_officials(
        self, sent: Span, issuer: str, on: dt.date | None, by_token: dict[int, ActorRef]
    ) -> None:
        """In an official text: "the President" is the issuer's, and so is an official whose
        title names no country ("National Security Advisor Jake Sullivan")."""
        for tok in sent:
            if tok.i in by_token or tok.i == sent.start or tok.nbor(-1).lower_ != "the":
                continue
            role = OFFICES.get(tok.text)
            if role:
                person = self.kb.holder(role, issuer, on) if on else None
                name = person.name if person else None
                by_token[tok.i] = ActorRef(issuer, name, tok.i, "issuer_office", role=role)
        for tok in sent:
            if tok.pos_ != "PROPN" or tok.i in by_token or tok.dep_ == "compound":
                continue
            titled = bool(_titles_before(tok))
            phrase = _own_phrase(tok)
            if titled and not any(t.i in by_token for t in phrase):
                by_token[tok.i] = ActorRef(issuer, None, tok.i, "issuer_official")

    def _same_holder(self, role: str, state: str, bounds: tuple[dt.date, dt.date] | None) -> bool:
        """Whether one person held the office over the whole date (both ends checked):
        "the Chinese foreign minister" in 2013 is Yang Jiechi or Wang Yi, so nobody."""
        if bounds is None or bounds[0] == bounds[1]:
            return True
        first, last = (self.kb.holder(role, state, day) for day in bounds)
        return first is not None and last is not None and first.name == last.name

    def _to_event(
        self, item: CodedEvent, sent: Span, offset: int, source: SourceText, n: int
    ) -> Event:
        start, end = _sentence_bounds(source.text, offset + sent.start_char, offset + sent.end_char)
        code = cameo_code(item.cameo)
        prefix = (source.document_id or source.doc)[:12]
        confidence = (
            0.9
            - (0.15 if item.date_from_context else 0)
            - (0.2 if "discourse" in item.source.via or "pronoun" in item.source.via else 0)
        )
        return Event(
            event_id=f"{prefix}-e{n}",
            origin="extracted",
            document_id=source.document_id,
            doc=source.doc,
            sentence=source.text[start:end],
            sentence_start=start,
            sentence_end=end,
            trigger=item.trigger,
            start_char=offset + item.trigger_start,
            end_char=offset + item.trigger_end,
            date_start=item.date.date_start if item.date else None,
            date_end=item.date.date_end if item.date else None,
            precision=item.date.precision if item.date else None,
            date_from_context=item.date_from_context,
            source=item.source.actor,
            source_person=item.source.person,
            target=item.target.actor,
            target_person=item.target.person,
            event_type=item.event_type,
            mode=item.mode,
            cameo=item.cameo,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            location=item.location,
            epistemic=item.epistemic,
            confidence=round(max(confidence, 0.3), 2),
            rule=item.rule,
            why=item.why,
            extractor_version=EXTRACTOR_VERSION,
        )


@dataclass
class _Reading:
    """What the reading of one document carries from sentence to sentence."""

    published: TimeExpr | None
    frame: DocumentFrame = field(default_factory=DocumentFrame)
    discourse: Discourse = field(default_factory=Discourse)
    persons: dict[str, ActorRef] = field(default_factory=dict)
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Groupings the text defined ("CRINK"), see :mod:`axiswatch.extract.groups`."""
    stated: set[tuple[str, str, str, str, str | None]] = field(default_factory=set)
    section_date: TimeExpr | None = None
    """The date of the last heading, which dates the paragraphs under it."""
    dateline: bool = False
    """Whether the text opens with a dateline, as a filed report does."""
    report_day: TimeExpr | None = None
    told: list[TimeExpr] = field(default_factory=list)
    """The date expressions of the sentence being read."""
    """The first day the text dates (a report's lead: "On Friday, October 25, ... met")."""

    def __post_init__(self) -> None:
        self.discourse.published = self.published
        self.discourse.participants = tuple(
            ActorRef(actor, None, -1, "document_participant") for actor in self.frame.participants
        )
        if self.frame.speaker_actor is not None:
            self.discourse.speaker = ActorRef(
                self.frame.speaker_actor, self.frame.speaker_person, -1, "document_speaker"
            )

    def new_paragraph(self) -> None:
        last = self.discourse.last_absolute
        if self.report_day is None and last is not None and last.precision == "day":
            self.report_day = last  # the day of the story, from its lead
        report = self.frame.issuer is not None or self.dateline
        self.discourse = Discourse(
            # a report (an official text, a dated wire story) of one day's meeting stays on that
            # day; an analysis moving between periods carries no date to the next paragraph
            previous_date=self.section_date or (self.report_day if report else None),
            last_absolute=self.discourse.last_absolute,
            published=self.published,
            plural=self.discourse.plural,
            participants=self.discourse.participants,
            speaker=self.discourse.speaker,
        )


def publication_time(source: SourceText) -> TimeExpr | None:
    """The publication date as a time expression at its own precision (a month: "2018-03")."""
    if source.published is None:
        return None
    precision = (
        source.published_precision if source.published_precision in PRECISION_LENGTH else "day"
    )
    iso = source.published.isoformat()[: PRECISION_LENGTH[precision]]
    return TimeExpr(0, 0, "", iso, iso, precision, "publication_date", relative=True)


def is_repeat(
    item: CodedEvent, stated: set[tuple[str, str, str, str, str | None]], told: list[TimeExpr]
) -> bool:
    """A bare back-reference ("the invasion") to an act already extracted.

    Verbs state new acts (two statements by one minister on one day are two events); a noun
    that names an act already coded with the same actors, type, mode and date refers back,
    unless its own sentence dates it ("Russia's 2022 invasion", "the dialogue took place on
    November 1": ``told``, even where the year comes from context): that is a mention of its
    own (annotation guide v1.2, repeated mentions), counted once as an event by the grouping.
    """
    dated_here = not item.date_from_context or any(
        item.date is expr and expr.rule != "named_period" for expr in told
    )  # "after the Russian invasion of Ukraine" names the act, and so its period, again
    return item.nominal and not dated_here and event_key(item) in stated


UN_BODIES = {"UNSC": "council", "UNGA": "assembly"}
"""UN organs that a later "the Council" / "the Assembly" (capitalised) refers back to."""


def _carry(
    discourse: Discourse, sent: Span, coded: list[CodedEvent], igo_ids: frozenset[str]
) -> None:
    """What this sentence leaves for the next: its main date, its actors and its events."""
    date = discourse.sentence_date
    if coded and coded[0].date is not None:
        main = coded[0]
        discourse.previous_date = main.date if not main.date_from_context or date is None else date
    elif date is not None:
        discourse.previous_date = date
    if coded:
        discourse.source, discourse.target = coded[0].source, coded[0].target
    discourse.state_pair = next(
        (
            (ev.source, ev.target)
            for ev in coded
            if ev.source.actor not in igo_ids and ev.target.actor not in igo_ids
        ),
        discourse.state_pair,
    )
    if discourse.previous_date is not None:
        discourse.last_absolute = discourse.previous_date
    discourse.events = coded
    discourse.topic, discourse.next_topic = discourse.next_topic, None
    if discourse.next_plural:
        discourse.plural, discourse.next_plural = discourse.next_plural, ()
    discourse.named, discourse.next_named = discourse.next_named, ()


def _names_an_occasion(tokens: list, form: str) -> bool:
    """ "the Singapore summit with Trump", "the Helsinki talks": where it was held, not who.

    A capital before an event noun always names the place; a state's name does so only when
    the participants follow ("with ..."), as in "the Singapore summit with Trump".
    """
    last = tokens[-1] if tokens else None
    if last is None or last.dep_ != "compound" or last.head.pos_ != "NOUN":
        return False
    if last.head.lemma_.lower() not in triggers():
        return False
    if form == "capital":
        return True
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in last.head.children)


def _narrative_date(sent: Span, exprs: list[TimeExpr]) -> TimeExpr | None:
    """The sentence's own time: its first date outside subordinate clauses.

    "... the first visitors since North Korea closed its borders in 2020" does not move the
    story to 2020, so a later "On 26 July" keeps the year the narrative was in.
    """
    for expr in exprs:
        tok = sent.doc[_first_token(sent, expr.start_char)]
        if (
            expr.text.isdigit()
            and tok.dep_ in NAME_PART_DEPS
            and tok.head.pos_ in {"NOUN", "PROPN"}
        ):
            continue  # "the 1972 Anti-Ballistic Missile Treaty": part of a name
        if not any(a.dep_ in SUBORDINATE_DEPS for a in [tok, *tok.ancestors]):
            return expr
    return None


def _named_together(sent: Span, index: MentionIndex) -> tuple[ActorRef, ...]:
    """Two or more actors named in one list as the subject of a clause ("China, Russia and
    Iran signed ..."), or a defined grouping in that place ("CRINK")."""
    clauses: dict[int, list[Token]] = {}  # a list the parser split into two subjects stays one
    for tok in sent:
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            clauses.setdefault(tok.head.i, []).append(tok)
    for subjects in clauses.values():
        members = [m for s in subjects for m in (s, *(c for c in s.subtree if c.dep_ == "conj"))]
        phrase = [t for m in members for t in _own_phrase(m, CLAUSE_MODIFIERS)]
        refs = index.refs_in(phrase, "named_together")
        if len(refs) >= 2:
            return tuple(refs)
    return ()


def _subject_actor(sent: Span, by_token: dict[int, ActorRef]) -> ActorRef | None:
    """The actor the sentence is about: in the main clause's subject, else the first named."""
    root = sent.root
    for child in root.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            for tok in child.subtree:
                if tok.i in by_token:
                    return by_token[tok.i]
    return next((by_token[i] for i in sorted(by_token)), None)


def _date_bounds(exprs: list[TimeExpr], discourse: Discourse) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the sentence's first date (else the previous sentence's).

    Names are resolved at the middle day ("in the 1990s" reads "Moscow" in 1995: Russia, not
    the Soviet Union); role phrases are checked at both ends (``Extractor._same_holder``).
    """
    expr = exprs[0] if exprs else discourse.previous_date
    if expr is None:
        return None
    first = parse_iso(expr.date_start)[0]
    last = parse_iso(expr.date_end)[1] if expr.date_end else first
    return first, max(first, last)


def _group_tokens(
    sent: Span, groups: dict[str, tuple[str, ...]], by_token: dict[int, ActorRef]
) -> dict[int, tuple[ActorRef, ...]]:
    """The head token of each use of a defined grouping, with one reference per member."""
    out: dict[int, tuple[ActorRef, ...]] = {}
    for name, members in groups.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sent.text):
            tokens = _tokens_in(sent, match.start(), match.end())
            if not tokens or any(t.i in by_token for t in tokens):
                continue
            head = next((t for t in tokens if not tokens[0].i <= t.head.i <= tokens[-1].i), None)
            head = head or tokens[-1]
            start, end = sent.start_char + match.start(), sent.start_char + match.end()
            out[head.i] = tuple(
                ActorRef(actor, None, head.i, "group_member", start, end) for actor in members
            )
    return out


def _titles_before(name: Token) -> list[Token]:
    """Office words compounded before a name ("Advisor" in "National Security Advisor Jake
    Sullivan")."""
    return [
        c
        for c in name.children
        if c.dep_ == "compound" and c.i < name.i and c.lower_.rstrip("s") in TITLE_WORDS
    ]


def _titled_names(sent: Span, by_token: dict[int, ActorRef], persons: dict[str, ActorRef]) -> None:
    """A name the actor base lacks, written after an office and its state ("Japanese National
    Security Advisor Akiba Takeo", or an issuer's "National Security Advisor Jake Sullivan"):
    the name stands for that state here and, by its first and last word, later in the text
    ("Sullivan, Shin, and Akiba expressed ...")."""
    for tok in sent:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound" or not tok.is_title:
            continue
        titles = _titles_before(tok)
        if not titles:
            continue
        name = [t for t in sent.doc[titles[-1].i + 1 : tok.i + 1] if t.pos_ == "PROPN"]
        if not name or any(t.i in by_token and by_token[t.i].person for t in name):
            continue  # a person the actor base knows is resolved already
        marks = [by_token[t.i] for t in (*name, *_own_phrase(tok)) if t.i in by_token]
        if not marks:
            continue
        actor = marks[0].actor
        full = " ".join(t.text for t in name)
        for t in name:
            by_token.setdefault(t.i, ActorRef(actor, None, t.i, "titled_name"))
        for word in {name[0].lower_, name[-1].lower_}:
            persons.setdefault(word, ActorRef(actor, None, -1, "earlier_mention", role=full))


def _own_phrase(head: Token, leave: frozenset[str] = frozenset()) -> list[Token]:
    """The head's phrase without its conjuncts and appositions (and what hangs from them), nor
    children whose relation is in ``leave``: "Advisor Jake Sullivan" in "Advisor Jake
    Sullivan, Republic of Korea Advisor Shin ..."."""
    out = [head]
    for child in head.children:
        if child.dep_ not in {"conj", "cc", "appos", *leave}:
            out.extend(child.subtree)
    return out


CLAUSE_MODIFIERS = frozenset({"relcl", "acl"})
"""A clause hanging from a name says more about it; it does not name the same group."""


def _tokens_in(sent: Span, start: int, end: int) -> list:
    """Tokens overlapping sentence characters start..end (spaCy's own span alignment)."""
    span = sent.doc.char_span(
        sent.start_char + start, sent.start_char + end, alignment_mode="expand"
    )
    return list(span) if span is not None else []


def _first_token(sent: Span, start: int) -> int:
    for tok in sent:
        if tok.idx - sent.start_char + len(tok.text) > start:
            return tok.i
    return sent.end - 1


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading footnote marker and keep one attached at the end (".[7]")."""
    lead = FOOTNOTE_START.match(text, start)
    if lead and lead.end() < end:
        start = lead.end()
    while True:
        after = FOOTNOTE_AFTER.match(text, end)
        if not after:
            break
        end = after.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
