"""Event coding: from one parsed sentence, its actor mentions and its dates to coded events.

For every trigger word (lexicon in data/triggers.yaml) the coder finds who acted and who was
acted on (arguments.py), the date that applies (its own, the sentence's, or the one carried
from earlier sentences), the place, and the epistemic status (epistemic.py). Every event keeps
the rule that fired and the cues that decided it, so "why CONSULT?" has an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any

from spacy.tokens import Doc, Span, Token

from axiswatch.extract import epistemic
from axiswatch.extract.arguments import (
    GROUP_HEADS,
    PENALTY_NOUNS,
    PRONOUNS,
    REQUEST_VERBS,
    SUBJECT_DEPS,
    ActorRef,
    MentionIndex,
    climb_to_subject,
    is_clause,
    phrase_tokens,
    prep_objects,
    resolve_relative,
    subjects_of,
    with_conjuncts,
)
from axiswatch.extract.dates import TimeExpr
from axiswatch.extract.event_dates import coordinated, own_dates, pick_date
from axiswatch.extract.frame import FIRST_PERSON
from axiswatch.extract.lexicon import Trigger, evaluative_words, triggers
from axiswatch.extract.references import (
    PLURAL_PRONOUNS,
    governing_subjects,
    plural_reference,
    plural_refs,
    quoted,
)
from axiswatch.extract.titles import title_tokens
from axiswatch.extract.verb_dictionary import dictionary_trigger
from axiswatch.extract.votes import VoteFrame, list_voters, vote_coding

IGO_IDS = frozenset(
    {
        "UN",
        "UNSC",
        "UNGA",
        "NATO",
        "EU",
        "SCO",
        "BRICS",
        "IAEA",
        "ASEAN",
        "G7",
        "G20",
        "CSTO",
        "AU",
        "OSCE",
        "WTO",
        "IMF",
        "OPEC",
        "QUAD",
        "AUKUS",
    }
)
POSITIVE, NEGATIVE = evaluative_words()
THREAT_CUES = frozenset({"nuclear", "retaliate", "respond", "retaliation", "destroy"})
ROLE_WORDS = {
    "leader": ("supreme_leader", "head_of_state"),
    "leaders": ("supreme_leader", "head_of_state"),
    "president": ("head_of_state",),
    "presidents": ("head_of_state",),
    "minister": ("foreign_minister",),
    "ministers": ("foreign_minister",),
}
TOPIC_NOUNS = frozenset(
    {
        "crisis",
        "war",
        "conflict",
        "issue",
        "question",
        "problem",
        "peninsula",
        "strait",
        "file",
        "affair",
        "expo",
        "exhibition",
        "fair",
        "festival",
        "games",
        "olympics",
        "anniversary",
    }
)
PLACE_VIAS = frozenset(
    {"prep_in", "prep_at", "prep_within", "prep_inside", "prep_near", "prep_across", "prep_into"}
)
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})
"""Roles only a noun fills: a word the tagger calls an adjective there is a noun
("Ukraine's counteroffensive began")."""
MAX_JOINT_SIDES = 4
MAX_GROUP = 12
"""At most this many actors of one list take part in an event's pairs."""
SUBJECT_VIAS = frozenset({"subject", "governing_subject"})
ACTING_VIAS = SUBJECT_VIAS | {"clause_subject"}
LIGHT_VERBS = frozenset(
    {
        "issue",
        "commence",
        "file",
        "lodge",
        "use",
        "cast",
        "register",
        "voice",
        "express",
        "face",
        "bring",
        "impose",
        "introduce",
        "adopt",
        "announce",
        "levy",
        "tighten",
        "expand",
        "provide",
        "give",
        "grant",
        "deliver",
        "send",
        "make",
        "pay",
        "hold",
        "conduct",
        "begin",
        "start",
        "launch",
        "stage",
        "carry",
        "undertake",
        "have",
        "complete",
        "continue",
        "resume",
        "sign",
        "open",
        "mount",
        "wage",
        "raise",
        "convey",
        "extend",
        "organize",
        "organise",
        "arrange",
        "host",
        "perform",
        "deepen",
        "strengthen",
        "increase",
        "intensify",
        "reaffirm",  # restating an act carries it: "reaffirmed their commitment"
        "reiterate",
        "renew",
        "restate",
    }
)
MOTION_VERBS = frozenset(
    {"fly", "go", "travel", "arrive", "come", "head", "return", "leave", "set"}
)
JOINT_NOUN_PREPS = frozenset({"with", "to", "in", "between", "among"})
NOUN_TARGET_PREPS = frozenset(
    {"to", "against", "on", "of", "toward", "towards", "for", "into", "over", "upon", "in"}
)
DENIAL_LEMMAS = frozenset({"deny", "dismiss", "refute"})
STATE_GROUP_WORDS = frozenset({"country", "state", "nation", "government", "capital"})
GENERIC_NOUNS = frozenset({"state", "country", "nation", "government"})
QUANTIFIERS = frozenset({"no", "any", "every", "all", "other"})


def _generic_referent(tok: Token) -> bool:
    """ "no state", "any country", "anyone": the statement is about everyone, not a partner."""
    if tok.lower_ in {"anyone", "nobody", "anybody", "everyone"}:
        return True
    return (
        tok.lemma_.lower() in GENERIC_NOUNS
        and tok.dep_ != "compound"
        and any(c.lower_ in QUANTIFIERS for c in tok.children if c.dep_ in {"det", "amod"})
    )


ADDRESSED_TYPES = frozenset({"PROTEST", "ACCUSE", "REQUEST"})
"""Nominal acts whose "with X" names the addressee: "lodged a protest with China"."""
MOTION_TARGET_VIAS = frozenset(
    {"prep_to", "prep_in", "prep_into", "prep_for", "place_state", "object"}
)
QUANTITY_NOUNS = frozenset(
    {
        "round",
        "series",
        "wave",
        "set",
        "spate",
        "string",
        "number",
        "program",
        "programme",
        "package",
        "batch",
    }
)
COOPERATIVE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
MATERIAL_CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
CONFLICT_TYPES = MATERIAL_CONFLICT_TYPES | {"ACCUSE", "REJECT", "THREATEN", "PROTEST"}
INTENT_VERBS = frozenset(
    {
        "agree",
        "promise",
        "pledge",
        "offer",
        "vow",
        "plan",
        "intend",
        "prepare",
        "want",
        "seek",
        "propose",
        "commit",
        "aim",
        "decide",
    }
)
INTENT_ADJECTIVES = frozenset({"willing", "ready", "prepared", "set", "eager", "keen"})
REFUSAL_VERBS = frozenset({"refuse", "decline", "fail"})
FUTURE_CUES = frozenset({"will", "shall", "'ll"})
LIST_PATTERN = re.compile(r"\b(?:these|those|they)\s+(?:were|are|included|include)\b", re.I)

HolderLookup = Callable[[str, str], str | None]
"""holder(role, state) -> the person's canonical name at the sentence's date, or None."""


@dataclass
class Discourse:
    """What earlier sentences leave behind for the next one."""

    previous_date: TimeExpr | None = None
    last_absolute: TimeExpr | None = None
    sentence_date: TimeExpr | None = None
    topic: ActorRef | None = None
    next_topic: ActorRef | None = None
    source: ActorRef | None = None
    target: ActorRef | None = None
    state_pair: tuple[ActorRef, ActorRef] | None = None
    """The actors of the last event between two states (not organisations)."""
    vote_frame: VoteFrame | None = None
    """The last text voted on in the paragraph (see :mod:`axiswatch.extract.votes`)."""
    events: list[CodedEvent] = field(default_factory=list)
    published: TimeExpr | None = None
    """The document's publication date, the time of acts told in the present."""
    speaker: ActorRef | None = None
    """Who "I" and "we" are in an official text (:mod:`axiswatch.extract.frame`)."""
    plural: tuple[ActorRef, ...] = ()
    """The last actors named together ("China and Russia ..."), whom "they" and "the two
    countries" refer back to, across paragraphs."""
    next_plural: tuple[ActorRef, ...] = ()
    named: tuple[ActorRef, ...] = ()
    """The states the previous sentence of the paragraph named ("the two countries" after a
    sentence about Honecker and Kim Il-sung)."""
    next_named: tuple[ActorRef, ...] = ()
    participants: tuple[ActorRef, ...] = ()
    """The states a document's title names as its participants ("a meeting between the
    United States, the Republic of Korea and Japan"): who "the advisors" are."""


@dataclass
class CodedEvent:
    """An event coded from one trigger, with offsets relative to the parsed text."""

    trigger_start: int
    trigger_end: int
    trigger: str
    source: ActorRef
    target: ActorRef
    event_type: str
    mode: str
    cameo: str
    date: TimeExpr | None
    date_from_context: bool
    location: str | None
    epistemic: str
    rule: str
    why: dict[str, Any]
    nominal: bool = False


@dataclass(frozen=True)
class SentenceInput:
    """Everything the coder needs about one sentence."""

    sent: Span
    index: MentionIndex
    dates: list[tuple[TimeExpr, int]]  # each date with the index of its first token
    places: dict[int, tuple[str, str]]  # token index -> (place text, state)
    holder: HolderLookup
    keep_undated: bool = False
    igo_ids: frozenset[str] = IGO_IDS
    vote_frame: VoteFrame | None = None
    """The text voted on that this sentence names (``votes.sentence_vote_frame``)."""


def _matches(tok: Token, trig: Trigger) -> bool:
    pos = (
        "VERB"
        if tok.pos_ in {"VERB", "AUX"}
        else "NOUN"
        if tok.pos_ in {"NOUN", "PROPN"} or (tok.pos_ == "ADJ" and tok.dep_ in NOMINAL_DEPS)
        else "ADJ"
        if tok.pos_ == "ADJ" and any(c.dep_ == "xcomp" for c in tok.children)
        else ""
    )
    if pos not in trig.pos or trig.skip:
        return False
    if trig.plural_only and tok.tag_ not in {"NNS", "NNPS"}:
        return False
    if trig.needs_prep and (
        any(c.dep_ in {"dobj", "oprd", "dative"} for c in tok.children)
        or not any(c.dep_ in {"prep", "prt"} and c.lower_ in trig.needs_prep for c in tok.children)
    ):
        return False  # "called on X", not "called X on Friday"
    if trig.needs_modifier and not any(
        m.lemma_.lower() in trig.needs_modifier for m in _modifiers(tok)
    ):
        return False
    if trig.needs_verb and not _done_by_verb(tok):
        return False  # "areas of cooperation": named, not done
    if trig.needs_own_date and _purpose(tok):
        return False
    if trig.mode == "trade" and tok.dep_ == "compound" and tok.head.lemma_ not in MEASURE_NOUNS:
        return False  # "a trade pact", "a trade war": what kind of pact, not trade done
    needs = trig.needs
    return not needs or any(t.lemma_ in needs or t.lower_ in needs for t in _own_words(tok))


def _own_words(tok: Token) -> list[Token]:
    """The trigger and its dependents, without the verbs or nouns coordinated with it
    ("improve coordination, expand cooperation and advance ties": "ties" is not improved)."""
    return [tok] + [t for c in tok.children if c.dep_ not in {"conj", "cc"} for t in c.subtree]


MEASURE_NOUNS = frozenset({"volume", "turnover", "value", "flow"})
"""Nouns that measure the act their modifier names ("trade volume between X and Y")."""


def _done_by_verb(tok: Token) -> bool:
    """A noun that a light verb performs: "increased their military cooperation" (object),
    "cooperation was deepened" (passive subject), "deepened cooperation" (past participle).
    Not a purpose (see ``_purpose``) nor "deepening cooperation" after a preposition or
    before the noun ("indicators of deepening cooperation": a trend described, not an act)."""
    head = tok.head
    if tok.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in LIGHT_VERBS:
        gerund = head.tag_ == "VBG" and head.dep_ == "pcomp"  # "questions on deepening ..."
        return not (_purpose(tok) or gerund)
    return any(
        c.dep_ == "amod" and c.tag_ == "VBN" and c.lemma_.lower() in LIGHT_VERBS
        for c in tok.children
    )


def _purpose(tok: Token) -> bool:
    """The object of a verb in the infinitive: "agreed to intensify cooperation", "efforts to
    strengthen cooperation", "an agreement to free their trade": an aim, which its own word
    codes (an agreement, an intent), not the act."""
    return tok.dep_ in {"dobj", "nsubjpass"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.head.children
    )


def _modifiers(tok: Token) -> list[Token]:
    """Adjectives and nouns before a noun, through compounds ("joint bomber patrols")."""
    out: list[Token] = []
    stack = [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod"}]
    while stack:
        mod = stack.pop()
        out.append(mod)
        if mod.dep_ == "compound":
            stack.extend(c for c in mod.children if c.dep_ in {"amod", "compound", "nmod"})
    return out


def find_triggers(sent: Span) -> list[tuple[Token, Trigger]]:
    """Trigger words of the sentence with their coding (none inside a title)."""
    table = triggers()
    found = []
    titles = title_tokens(sent)
    for tok in sent:
        if tok.i in titles:
            continue
        senses = table.get(tok.lemma_.lower()) or table.get(tok.lower_) or ()
        trig = next((t for t in senses if _matches(tok, t)), None)
        if trig is None and all(t.dictionary_otherwise for t in senses):
            trig = dictionary_trigger(tok)  # the hand lexicon overrides the CAMEO dictionary
        if trig is not None:
            found.append((tok, trig))
    verbs = {
        tok.i: trig.event_type
        for tok, trig in found
        if tok.pos_ == "VERB" and not trig.from_dictionary
    }
    nouns = {tok.head.i for tok, trig in found if tok.dep_ == "dobj" and not trig.from_dictionary}
    return [
        (tok, trig)
        for tok, trig in found
        if not _repeats_its_verb(tok, trig, verbs)
        and not (trig.from_dictionary and tok.i in nouns)  # "paid a visit": the noun codes it
    ]


def _repeats_its_verb(tok: Token, trig: Trigger, verbs: dict[int, str]) -> bool:
    """ "signed a joint statement": the verb codes the act; its object noun would repeat it."""
    return tok.pos_ == "NOUN" and tok.dep_ == "dobj" and verbs.get(tok.head.i) == trig.event_type


def _cataphoric_subject(pronoun: Token, inp: SentenceInput) -> ActorRef | None:
    """ "Following his 2019 summit with Putin, Kim ...": a possessive in a fronted phrase
    stands for the subject of the clause that phrase opens."""
    if pronoun.dep_ != "poss":
        return None
    for above in pronoun.ancestors:
        verb = above.head
        if above.dep_ in {"prep", "advcl"} and verb.pos_ in {"VERB", "AUX"} and above.i < verb.i:
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            refs = [
                r
                for subj in subjects
                if subj.i > pronoun.i
                for r in inp.index.refs_in(phrase_tokens(subj), "pronoun_cataphora")
            ]
            return refs[0] if refs else None
    return None


def _nearest_earlier_actor(pronoun: Token, inp: SentenceInput) -> ActorRef | None:
    """A subject pronoun's antecedent in its own sentence: the nearest earlier subject actor."""
    for i in range(pronoun.i - 1, inp.sent.start - 1, -1):
        ref = inp.index.by_token.get(i)
        tok = inp.sent.doc[i]
        if ref is not None and any(
            a.dep_ in {"nsubj", "nsubjpass"}
            for a in [tok, *tok.ancestors]
            if a.i >= inp.sent.start and a.dep_ != "ccomp"
        ):
            return ActorRef(ref.actor, ref.person, pronoun.i, "pronoun_in_sentence")
    return None


OBJECT_PRONOUNS = frozenset({"it", "them"})


def _object_antecedent(pronoun: Token, inp: SentenceInput) -> ActorRef | None:
    """An object pronoun's antecedent in its own sentence: the nearest earlier subject actor
    that is not its own verb's subject ("the DPRK was recognized only by ... until 1958, when
    Algeria recognized it": the DPRK, not Algeria)."""
    verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
    own = {t.i for s in subjects_of(verb) for t in s.subtree}
    for i in range(pronoun.i - 1, inp.sent.start - 1, -1):
        ref = inp.index.by_token.get(i)
        if ref is None or i in own:
            continue
        tok = inp.sent.doc[i]
        if any(
            a.dep_ in {"nsubj", "nsubjpass"}
            for a in [tok, *tok.ancestors]
            if a.i >= inp.sent.start and a.dep_ != "ccomp"
        ):
            return ActorRef(ref.actor, ref.person, pronoun.i, "pronoun_in_sentence")
    return None


def _is_topic_modifier(tok: Token) -> bool:
    """ "the Ukraine crisis", "the Taiwan Strait": a name that labels a topic, not an actor."""
    node = tok
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in TOPIC_NOUNS:
            return True
    return False


def _group_refs(head: Token, inp: SentenceInput, discourse: Discourse) -> list[ActorRef]:
    """ "both parties", "the two countries", "the foreign ministers of the two countries": the
    two states the previous sentence named, else the parties of the last event."""
    words = {t.lower_ for t in head.subtree}
    if not (words & {"both", "two", "parties", "sides"} or head.lower_ in {"parties", "sides"}):
        return []
    if len(discourse.named) == 2:
        pair = list(discourse.named)
    elif discourse.source is not None and discourse.target is not None:
        pair = [discourse.source, discourse.target]
    else:
        return []
    roles = ROLE_WORDS.get(head.lower_)
    if (roles or head.lemma_.lower() in STATE_GROUP_WORDS) and any(
        ref.actor in inp.igo_ids for ref in pair
    ):
        # "the two leaders" / "the two countries" are states: skip an organisation in between
        if discourse.state_pair is None:
            return []
        pair = list(discourse.state_pair)
    if roles and "foreign" not in words and head.lemma_ == "minister":
        roles = None
    out = []
    for ref in pair:
        person = None
        if roles:
            person = next((p for r in roles if (p := inp.holder(r, ref.actor))), None)
        out.append(ActorRef(ref.actor, person, head.i, "discourse_pair"))
    return out


def _own_clause_subject(tok: Token) -> bool:
    """Whether the act's subject is its own clause's ("they agreed to increase", "they
    signed"), not one climbed to from a purpose or relative clause ("... workers abroad to fund
    its programmes", whose funder is not the sentence's subject)."""
    return tok.dep_ in {"ROOT", "conj", "xcomp", "ccomp"} or any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children
    )


def _in_role(refs: list[ActorRef], via: str) -> list[ActorRef]:
    """References found by resolution, marked with the role they fill ("subject+...")."""
    return [replace(r, via=f"{via}+{r.via}") for r in refs]


def _acting(ref: ActorRef) -> bool:
    """Whether the actor fills the act's subject (named, resolved or grouped)."""
    return ref.via.split("+")[0] in ACTING_VIAS


def _role_refs(head: Token, refs: list[ActorRef], inp: SentenceInput) -> list[ActorRef]:
    """ "Russian and North Korean leaders": demonym modifiers of a role noun -> office holders."""
    roles = ROLE_WORDS.get(head.lower_)
    if not roles or head.tag_ not in {"NNS", "NNPS"}:
        return refs
    out = []
    for ref in refs:
        person = ref.person or next((p for r in roles if (p := inp.holder(r, ref.actor))), None)
        out.append(ActorRef(ref.actor, person, ref.token_i, ref.via + "+role_by_date"))
    return out


def _refs_for_heads(
    heads: list[Token], inp: SentenceInput, discourse: Discourse, via: str
) -> list[ActorRef]:
    refs: list[ActorRef] = []
    for head in with_conjuncts([resolve_relative(h) for h in heads]):
        own_phrase = [head] + [
            t
            for c in head.children
            if c.dep_ not in {"conj", "cc", "relcl", "advcl"} and not _absolute(c)
            for t in phrase_tokens(c)
        ]
        found = [
            r
            for r in inp.index.refs_in(own_phrase, via)
            if not _is_topic_modifier(inp.sent.doc[r.token_i])
        ]
        antecedent = (
            (discourse.topic or discourse.source) if via in SUBJECT_VIAS else (discourse.target)
        )
        if found:
            found = _role_refs(head, found, inp)
        elif head.lower_ in FIRST_PERSON and discourse.speaker and not quoted(inp.sent):
            speaker = discourse.speaker
            found = [ActorRef(speaker.actor, speaker.person, head.i, "first_person_speaker")]
        elif head.lower_ in PRONOUNS:
            together = governing_subjects(head, inp) if head.lower_ in PLURAL_PRONOUNS else []
            earlier = (
                _cataphoric_subject(head, inp) or _nearest_earlier_actor(head, inp)
                if via in SUBJECT_VIAS and not together
                else _object_antecedent(head, inp)
                if head.lower_ in OBJECT_PRONOUNS
                else None
            )
            if together:  # "China and Russia said they ...": the clause's speakers
                found = _in_role(plural_refs(head, discourse, inp), via)
            elif earlier is not None:
                found = [earlier]
            elif head.lower_ in PLURAL_PRONOUNS and len(discourse.plural) >= 2:
                found = _in_role(plural_refs(head, discourse), via)
            elif antecedent is not None:
                found = [
                    ActorRef(antecedent.actor, antecedent.person, head.i, "pronoun_antecedent")
                ]
        elif head.lemma_.lower() in GROUP_HEADS or head.lower_ in {"two", "both"}:
            found = _group_refs(head, inp, discourse)
            if not found and plural_reference(head):
                found = _in_role(plural_refs(head, discourse, inp), via)
        elif plural_reference(head):
            found = _in_role(plural_refs(head, discourse, inp), via)
        else:  # "the relationship between the countries": a plural inside the phrase
            inner = [
                t
                for t in own_phrase
                if t.i != head.i
                and t.pos_ != "PRON"
                and t.dep_ == "pobj"
                and t.head.lower_ in {"between", "among", "of"}
                and plural_reference(t)
            ]
            found = plural_refs(inner[0], discourse, inp) if inner else []
        refs.extend(r for r in found if r.actor not in {x.actor for x in refs})
    return refs


def _noun_arguments(
    tok: Token, trig: Trigger, inp: SentenceInput, discourse: Discourse
) -> tuple[list[ActorRef], list[ActorRef]]:
    joint = trig.joint or trig.event_type == "CONSULT"
    target_preps = JOINT_NOUN_PREPS if joint else NOUN_TARGET_PREPS
    if trig.event_type in ADDRESSED_TYPES:
        target_preps = target_preps | {"with"}
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        tok = tok.head  # "membership process": the head noun carries the arguments
    for child in tok.children:
        if child.dep_ == "poss":
            if child.lower_ in PRONOUNS and _governing_verb(tok) is not None:
                continue  # "X and Y held their first exercise": the verb's subjects act
            sources.extend(_refs_for_heads([child], inp, discourse, "subject"))
        elif child.dep_ in {"amod", "compound", "nmod"} and inp.index.by_token.get(child.i):
            sources.extend(inp.index.refs_in(phrase_tokens(child), "modifier"))
    preps = prep_objects(tok)
    if tok.dep_ == "attr" and tok.head.pos_ == "AUX":
        preps += [(p, o) for p, o in prep_objects(tok.head) if p == "by"]
    for prep, obj in preps:
        refs = _refs_for_heads([obj], inp, discourse, f"prep_{prep}")
        if prep == "by" or (prep in {"of", "between", "among"} and joint):
            sources.extend(refs)
        elif prep in target_preps:
            targets.extend(refs)
    if not sources and tok.dep_ == "pobj" and tok.head.lower_ == "of":
        owner = tok.head.head
        for child in owner.children:
            if child.dep_ in {"poss", "amod", "compound"}:
                sources.extend(inp.index.refs_in(phrase_tokens(child), "owner_modifier"))
    verb = _governing_verb(tok)
    if verb is not None:
        if not sources:
            sources = _refs_for_heads(climb_to_subject(verb), inp, discourse, "governing_subject")
        for prep, obj in prep_objects(verb):
            if prep in target_preps and prep != "in":
                targets.extend(_refs_for_heads([obj], inp, discourse, f"verb_prep_{prep}"))
    return _dedupe(sources), _dedupe(targets)


def _attitude_arguments(
    tok: Token, inp: SentenceInput, discourse: Discourse
) -> tuple[list[ActorRef], list[ActorRef]]:
    """ "X expressed concern over deployments by Y", "X conveyed the greetings of Z to Y": the
    one who expresses it (a possessor, else the verb's subject) about the actors it is over."""
    sources = [
        r
        for c in tok.children
        if c.dep_ == "poss"
        for r in _refs_for_heads([c], inp, discourse, "subject")
    ]
    verb = _governing_verb(tok)
    if not sources and verb is not None:
        sources = _refs_for_heads(climb_to_subject(verb), inp, discourse, "governing_subject")
    preps = prep_objects(tok) + (prep_objects(verb) if verb else [])
    holder_preps = {"from", "by"} if not sources else set()
    if holder_preps:  # "support from China": who holds it
        held = [obj for prep, obj in preps if prep in holder_preps]
        sources = _refs_for_heads(held, inp, discourse, "prep_from")
    # the whole phrase it is about, with the clauses in it ("the measures taken by the DPRK")
    heads = [obj for prep, obj in preps if prep not in holder_preps]
    targets = [
        r
        for obj in heads
        for r in inp.index.refs_in(obj.subtree, "attitude_object")
        if r.actor not in {s.actor for s in sources}
    ]
    return _dedupe(sources), _dedupe(targets)


def _governing_verb(tok: Token) -> Token | None:
    """The verb whose subject performs a nominal act: "held talks", "flew to Beijing for talks"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ in QUANTITY_NOUNS:
        tok = tok.head.head  # "began a new round of exercises"
    head = tok.head
    if tok.dep_ in {"dobj", "attr"} and head.lemma_.lower() in LIGHT_VERBS:
        return head
    if tok.dep_ == "nsubjpass" and head.lemma_.lower() in LIGHT_VERBS:
        return head  # "sanctions were imposed on X by Y"
    if (
        tok.dep_ == "pobj"
        and head.lower_ in {"for", "on"}
        and head.head.pos_ == "VERB"
        and head.head.lemma_.lower() in MOTION_VERBS | LIGHT_VERBS
    ):
        return head.head
    if tok.dep_ == "pobj" and head.lower_ == "in" and _takes_part(head.head):
        return head.head  # "participated in exercises", "engaged in a gift exchange"
    return None


PARTAKING_VERBS = frozenset({"engage", "participate", "join", "partake"})


def _takes_part(verb: Token) -> bool:
    """ "engage in", "participate in", "take part in": the subject does the act named."""
    lemma = verb.lemma_.lower()
    return lemma in PARTAKING_VERBS or (
        lemma == "take" and any(c.lower_ == "part" and c.dep_ == "dobj" for c in verb.children)
    )


def _verb_arguments(
    tok: Token, inp: SentenceInput, discourse: Discourse
) -> tuple[list[ActorRef], list[ActorRef]]:
    sources = _refs_for_heads(climb_to_subject(tok), inp, discourse, "subject")
    targets: list[ActorRef] = []
    if any(c.dep_ == "agent" for c in tok.children):
        # "North Korea was accused by the United States": the passive subject is the target
        patients = [c for c in tok.children if c.dep_ == "nsubjpass"]
        targets.extend(_refs_for_heads(patients, inp, discourse, "passive_subject"))
    for child in tok.children:
        if child.dep_ in {"dobj", "attr", "dative", "oprd"}:
            aimed = [obj for _, obj in prep_objects(child, frozenset({"against"}))]
            targets.extend(_refs_for_heads(aimed, inp, discourse, "prep_against"))
            targets.extend(_refs_for_heads([child], inp, discourse, "object"))
    for prep, obj in prep_objects(tok):
        if prep != "by":
            targets.extend(_refs_for_heads([obj], inp, discourse, f"prep_{prep}"))
    if not targets and not any(c.dep_ in OBJECT_DEPS for c in tok.children):
        targets = _shared_objects(tok, inp, discourse)
    return _dedupe(sources), _dedupe(targets)


OBJECT_DEPS = frozenset({"dobj", "attr", "dative", "oprd", "ccomp", "xcomp"})


def _shared_objects(tok: Token, inp: SentenceInput, discourse: Discourse) -> list[ActorRef]:
    """ "condemned and rejected the sanctions": verbs of one subject coordinated before the
    last one share its object (and its phrases: "criticised and protested against X"); not a
    pronoun, whose antecedent is the last verb's business."""
    for conj in tok.children:
        if conj.dep_ != "conj" or conj.pos_ != "VERB":
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in conj.children):
            continue  # a clause of its own ("China condemned it and Russia rejected it")
        objects = [c for c in conj.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
        found = _refs_for_heads(objects, inp, discourse, "shared_object")
        for prep, obj in prep_objects(conj):
            if prep != "by":
                found.extend(_refs_for_heads([obj], inp, discourse, f"shared_prep_{prep}"))
        if found:
            return found
    return []


def _presence_arguments(
    tok: Token, inp: SentenceInput, discourse: Discourse
) -> tuple[list[ActorRef], list[ActorRef]]:
    """ "<named official> was in <city>": the official's state visits the city's state."""
    sources = [r for r in _refs_for_heads(subjects_of(tok), inp, discourse, "subject") if r.person]
    targets = [
        ActorRef(inp.places[t.i][1], None, t.i, "prep_in")
        for prep, obj in prep_objects(tok, frozenset({"in", "at"}))
        for t in phrase_tokens(obj)
        if t.i in inp.places
    ]
    return sources, _dedupe(targets)


def _in_denied_act(ref: ActorRef, verb: Token, inp: SentenceInput) -> bool:
    """ "denied sending weapons to Russia": Russia is in the denied act, not the addressee.

    The actor is inside the denied act when a verb stands between it and the denial.
    """
    node = inp.sent.doc[ref.token_i]
    while node.head.i != node.i and node.head.i != verb.i:
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return True
    return False


def _penalised_ref(ref: ActorRef, inp: SentenceInput) -> bool:
    """ "supported (UN) sanctions against North Korea": the actor is in the penalty's phrase.

    Backing a penalty is no support for the one penalised, nor an event with the penaliser;
    the penalty noun codes its own event.
    """
    tok = inp.sent.doc[ref.token_i]
    return any(a.lemma_.lower() in PENALTY_NOUNS and a.pos_ == "NOUN" for a in tok.ancestors)


def _dedupe(refs: list[ActorRef]) -> list[ActorRef]:
    out: dict[str, ActorRef] = {}
    for ref in refs:
        if ref.actor not in out or (ref.person and not out[ref.actor].person):
            out[ref.actor] = ref
    return list(out.values())


def _place_near(tok: Token, inp: SentenceInput) -> tuple[str, str] | None:
    """A place attached to the trigger or its governing verb ("held in Vladivostok")."""
    scopes = [tok, tok.head] if tok.dep_ in {"nsubj", "nsubjpass", "dobj"} else [tok]
    for node in scopes:
        for child in node.children:
            cands = (
                [child]
                if child.dep_ == "dobj"
                else [p for p in child.children if p.dep_ == "pobj"]
                if child.dep_ == "prep" and child.lower_ in {"in", "at", "to", "near"}
                else []
            )
            for cand in cands:
                for t in phrase_tokens(cand):
                    if t.i in inp.places:
                        return inp.places[t.i]
    return None


def _statement_coding(
    tok: Token, sources: list[ActorRef], inp: SentenceInput, discourse: Discourse
) -> tuple[str, str, list[ActorRef]] | None:
    """Type a statement by what was said: praise is SUPPORT, blame ACCUSE, a warning THREATEN."""
    content = [t for c in tok.children if c.dep_ in {"ccomp", "dobj", "xcomp"} for t in c.subtree]
    if not content and tok.dep_ in {"parataxis", "ROOT"}:
        content = [t for t in inp.sent if t.i < tok.i and t.dep_ != "punct"]
    if not content:
        return None
    own = {s.actor for s in sources}
    if _reports_others(content, own, inp, discourse):
        return None
    targets = [
        r
        for r in inp.index.refs_in(content, "said_about")
        if r.actor not in own and not _is_topic_modifier(inp.sent.doc[r.token_i])
    ]
    demanded = _demanded_of(tok, own, inp)
    if demanded is not None:
        return ("REQUEST", "100", [demanded])
    words = {t.lower_ for t in content} | {t.lemma_.lower() for t in content}
    if words & THREAT_CUES and any(t.lower_ == "will" for t in content):
        if not targets and discourse.target is not None and discourse.target.actor not in own:
            targets = [discourse.target]
        return ("THREATEN", "138", targets[:1]) if targets else None
    pos, neg = len(words & POSITIVE), len(words & NEGATIVE)
    if (
        not targets
        and not any(_generic_referent(t) for t in content)
        and discourse.target is not None
        and discourse.source is not None
        and discourse.source.actor in own
        and discourse.target.actor not in own
    ):
        targets = [ActorRef(discourse.target.actor, None, tok.i, "discourse_partner")]
    if not targets or pos == neg:
        return None
    return ("SUPPORT", "051", targets[:1]) if pos > neg else ("ACCUSE", "111", targets[:1])


def _demanded_of(tok: Token, own: set[str], inp: SentenceInput) -> ActorRef | None:
    """ "X said that Y must disarm first": a demand on Y."""
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        if not any(a.dep_ == "aux" and a.lower_ in {"must", "should"} for a in clause.children):
            continue
        for subj in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}):
            for ref in inp.index.refs_in(phrase_tokens(subj), "demanded_of"):
                if ref.actor not in own:
                    return ref
    return None


def _reports_others(
    content: list[Token], own: set[str], inp: SentenceInput, discourse: Discourse
) -> bool:
    """ "X said that Y sent troops": the content is someone else's act, coded on its own."""
    table = triggers()
    for tok in content:
        senses = table.get(tok.lemma_.lower(), ())
        trig = next((t for t in senses if _matches(tok, t)), None)
        if trig is None or trig.polarity:
            continue
        actors = {
            r.actor for r in _refs_for_heads(climb_to_subject(tok), inp, discourse, "subject")
        }
        if actors - own:
            return True
    return False


def code_sentence(inp: SentenceInput, discourse: Discourse) -> list[CodedEvent]:
    """Every event the sentence states, coded; updates nothing (the pipeline does)."""
    found = find_triggers(inp.sent)
    owned = own_dates(inp.sent, found, inp.dates, discourse.published)
    events: list[CodedEvent] = []
    for tok, trig in found:
        if not trig.from_dictionary:
            events.extend(_code_trigger(tok, trig, inp, discourse, owned))
    coded_pairs = {frozenset((ev.source.actor, ev.target.actor)) for ev in events}
    for tok, trig in found:
        if trig.from_dictionary:  # the hand lexicon's reading of a pair stands
            events.extend(
                ev
                for ev in _code_trigger(tok, trig, inp, discourse, owned)
                if frozenset((ev.source.actor, ev.target.actor)) not in coded_pairs
            )
    events.extend(_list_elaboration(inp, discourse, events))
    events.extend(_elided_repeats(inp, events))
    return _one_encounter(_unique(events), inp)


def _code_trigger(
    tok: Token,
    trig: Trigger,
    inp: SentenceInput,
    discourse: Discourse,
    owned: dict[int, list[TimeExpr]],
) -> list[CodedEvent]:
    is_verb = tok.pos_ in {"VERB", "AUX"} or (tok.pos_ == "ADJ" and tok.dep_ not in NOMINAL_DEPS)
    if trig.vote and not is_verb and trig.lemma == "vote":
        voters = list_voters(tok)
        if not voters:
            return []
        heads = with_conjuncts(voters)  # the voters themselves, not "the votes" they were
        refs = [r for h in heads for r in inp.index.refs_in(phrase_tokens(h), "vote_list")]
        sources, targets = _dedupe(refs), []
    elif trig.presence:
        sources, targets = _presence_arguments(tok, inp, discourse)
    elif is_verb:
        sources, targets = _verb_arguments(tok, inp, discourse)
    elif trig.attitude:
        sources, targets = _attitude_arguments(tok, inp, discourse)
    else:
        sources, targets = _noun_arguments(tok, trig, inp, discourse)
    if trig.lemma in DENIAL_LEMMAS:
        targets = [t for t in targets if not _in_denied_act(t, tok, inp)]
    elif trig.event_type in {"AGREE", "THREATEN", "REJECT", "REQUEST"}:
        targets = targets + _complement_targets(tok, inp, discourse, sources)
    if trig.from_dictionary:  # "cooperation in Syria": where, not with whom
        targets = [t for t in targets if t.via not in PLACE_VIAS]
        if not sources:
            return []  # a dictionary verb codes an act only with its actor named or resolved
        if trig.event_type == "CONSULT":  # "discussed Syria with X": the object is the topic
            targets = [t for t in targets if t.via != "object"]
    event_type, cameo, mode = trig.event_type, trig.cameo, trig.mode
    rule = f"{'cameo_dictionary' if trig.from_dictionary else 'trigger'}:{trig.lemma}"
    if not sources and not targets and trig.joint and not is_verb:
        sources = _lateral_parties(tok, discourse)  # "trilateral dialogues this year"
    if not sources and not targets:
        return []  # no actor on either side: nothing to code (and no status to read)
    if trig.needs_person_target and not any(t.person or t.role for t in targets):
        return []  # "received him", "called Lavrov": a person, not a state, is met
    if trig.needs_partner and not (
        len(_dedupe(sources)) >= 2 or any(t.via in {"prep_with", "prep_to"} for t in targets)
    ):
        return []  # "Wang spoke about the results": a statement, not talks
    status = epistemic.classify(tok, inp.sent, source_tokens=frozenset(s.token_i for s in sources))
    scope = [t for c in tok.children if c.dep_ in {"dobj", "prep", "attr"} for t in c.subtree]
    if trig.vote or trig.lemma == "support":
        coded = vote_coding(tok, trig, scope, inp, discourse.vote_frame)
        if coded is not None:
            event_type, cameo, target = coded
            targets, mode, rule = [target], "vote", f"vote_framing:{trig.lemma}"
            if status.value == "negated":
                status = epistemic.Status("asserted", "vote framing")
        elif trig.vote and not targets:
            return []
    if trig.polarity:
        coded_statement = _statement_coding(tok, sources, inp, discourse)
        if coded_statement is None:
            return []
        event_type, cameo, targets = coded_statement
        rule = f"statement_polarity:{trig.lemma}"
    if event_type == "OTHER":
        return []
    place = _place_near(tok, inp)
    if mode == "visit" and place is not None:
        sources = _visitor_not_at_home(sources, place[1], discourse)
    together = (  # "China and Russia pledged to deepen ties": an act between the subjects
        not targets
        and len(_dedupe(sources)) >= 2
        and event_type in COOPERATIVE_TYPES | {"AGREE"}
        and all(_acting(s) for s in sources)
        and _own_clause_subject(tok)
    )
    if (trig.joint or together) and not trig.reverse:
        if len(_dedupe(sources + targets)) == 1:
            targets = targets + _clause_partners(tok, inp, discourse, sources + targets)
        pairs = _joint_pairs(sources, targets, place, discourse, inp.igo_ids)
    else:
        if trig.reverse:
            # "Kim received Lavrov on a visit to the DPRK": the one received acts (the object,
            # else the "from" party), not the place of the visit
            acting = [t for t in targets if t.via in {"object", "prep_from", "passive_subject"}]
            sources, targets = acting or targets, sources
        source_ids = {s.actor for s in sources}
        if mode != "vote":  # a voter may be the state voted on: only that pair goes
            targets = [t for t in targets if t.actor not in source_ids]
        if event_type == "SUPPORT" and mode != "vote":
            targets = [t for t in targets if not _penalised_ref(t, inp)]
        if event_type in {"MOBILIZE", "THREATEN"}:
            targets = [t for t in targets if t.via not in {"prep_in", "prep_at", "prep_into"}]
            topic = discourse.topic
            if not targets and topic is not None and topic.actor not in source_ids:
                targets = [ActorRef(topic.actor, None, tok.i, "previous_sentence_topic")]
        if event_type == "ASSAULT" and not targets and discourse.state_pair is not None:
            # "Ukraine's counteroffensive failed": against the other side of the war in hand
            pair = {ref.actor: ref for ref in discourse.state_pair}
            if len(pair) == 2 and len(source_ids) == 1 and next(iter(source_ids)) in pair:
                other = next(ref for actor, ref in pair.items() if actor not in source_ids)
                targets = [ActorRef(other.actor, None, tok.i, "adversary_in_discourse")]
        if (
            not targets
            and place is not None
            and (event_type in {"ASSAULT", "COERCE", "MOBILIZE"} or mode == "visit")
        ):
            targets = [ActorRef(place[1], None, tok.i, "place_state")]
        against = [t for t in targets if t.via in {"prep_against", "verb_prep_against"}]
        if against and event_type in CONFLICT_TYPES:
            # "used North Korean missiles against Ukraine": the act is aimed at Ukraine
            targets = against + [t for t in targets if t not in against]
        targets = (
            _states_first(targets, inp.igo_ids, inp.sent.doc)
            if not (trig.vote or "vote" in mode)
            else targets
        )
        # "cut off gas to Slovakia, Austria and Poland": one event for each listed target
        listed = [t for t in targets if _coordinated(inp.sent.doc, t, targets[0])][:MAX_GROUP]
        pairs = [(s, t) for s in sources for t in listed]
    pairs = [(s, t) for s, t in pairs if s.actor != t.actor]
    if trig.needs_target and not together:  # several attending one gathering meet there
        pairs = [(s, t) for s, t in pairs if t.via in MOTION_TARGET_VIAS]
    if not pairs:
        return []
    own = owned.get(tok.i, [])
    if not own and _governing_verb(tok) is not None:
        own = owned.get(-1, [])  # "held exercises in 2019 and 2021": the light verb's dates
    if coordinated(own, inp.sent):
        choices: list[tuple[TimeExpr | None, bool]] = [(e, False) for e in own]
    else:
        when = _when_date(tok, inp)
        dated = (
            (when, when.relative)
            if when is not None
            else pick_date(tok, owned, discourse.previous_date, discourse.published)
        )
        if dated is None and not inp.keep_undated:
            return []
        choices = [dated if dated is not None else (None, False)]
    date = choices[0][0]
    if trig.needs_own_date and (date is None or choices[0][1]):
        return []  # "the Sino-Russian trade had an impact": no period of its own, no event
    scheduled = (
        status.value == "hypothetical"
        and (status.cue or "").lower() in FUTURE_CUES
        and any(date is expr for expr, _ in inp.dates)  # the date is told in the sentence
    )
    # "will visit Beijing this week": a scheduled act is an event at its date (guide v1.2)
    recoded = None if scheduled else _intent_recode(tok, event_type, status)
    if scheduled:
        status = epistemic.Status("asserted", "scheduled")
    if recoded is not None:
        event_type, mode, cameo, cue = recoded
        rule = f"{rule}+intent:{cue}"
        status = epistemic.Status("asserted", cue)
    if status.value in {"hypothetical", "negated"} and choices[0][1]:
        return []
    coding = Coding(event_type, mode, cameo, rule, place[0] if place else None, status)
    governing = next((owned[a.i] for a in tok.ancestors if owned.get(a.i)), [])
    by_party = _dates_by_party(pairs, own or governing or owned.get(-1, []), inp.sent)
    if by_party is not None:  # "with the Soviet Union in 1990 and China in 1992"
        side, dates = by_party
        return [
            ev
            for pair in pairs
            for ev in events_for(tok, [pair], dates[pair[side].actor], False, coding, trig)
        ]
    return [
        ev
        for date, from_context in choices
        for ev in events_for(tok, pairs, date, from_context, coding, trig)
    ]


def _when_date(tok: Token, inp: SentenceInput) -> TimeExpr | None:
    """The date a "when" clause hangs on: "until 1958, when Algeria recognized it", "shape the
    region in January 2022 when it deployed troops" (a date phrase of the clause's head)."""
    if tok.dep_ not in {"relcl", "advcl"} or not any(
        c.lower_ == "when" and c.dep_ in {"advmod", "mark"} for c in tok.children
    ):
        return None
    at = tok.head.idx - inp.sent.start_char
    own = next((e for e, _ in inp.dates if e.start_char <= at < e.end_char), None)
    if own is not None:
        return own
    head, inside = tok.head, {t.i for t in tok.subtree}
    for expr, first in inp.dates:
        date = inp.sent.doc[first]
        if first in inside or date.i > tok.i:
            continue
        above = [a for a in date.ancestors if a.i != head.i and head.is_ancestor(a)]
        if head.is_ancestor(date) and all(a.dep_ in {"prep", "pobj", "npadvmod"} for a in above):
            return expr
    return None


LATERAL = {"bilateral": 2, "trilateral": 3}


def _lateral_parties(tok: Token, discourse: Discourse) -> list[ActorRef]:
    """A joint act called bilateral or trilateral that names no party: the parties the
    document or the paragraph has in hand, when their number fits (a readout's participants,
    the states last named together)."""
    wanted = next((LATERAL[m.lower_] for m in _modifiers(tok) if m.lower_ in LATERAL), None)
    if wanted is None:
        return []
    for group in (discourse.participants, discourse.plural):
        if len({ref.actor for ref in group}) == wanted:
            return [ActorRef(ref.actor, None, tok.i, "lateral_parties") for ref in group]
    return []


def _dates_by_party(
    pairs: list[tuple[ActorRef, ActorRef]], own: list[TimeExpr], sent: Span
) -> tuple[int, dict[str, TimeExpr]] | None:
    """Each listed party with its own date: written after it ("established relations with the
    Soviet Union in 1990 and China in 1992"), or in the same order with "respectively"
    ("joined the SCO and BRICS in 2023 and 2024, respectively"). Returns which side of the
    pairs is listed (0 sources, 1 targets) and the date of each, or None."""
    dates = sorted((e for e in own if not e.relative), key=lambda e: e.start_char)
    if len(dates) < 2:
        return None
    for side in (1, 0):
        first: dict[str, int] = {}
        for pair in pairs:
            ref = pair[side]
            first[ref.actor] = min(first.get(ref.actor, ref.token_i), ref.token_i)
        if len(first) != len(dates):
            continue
        parties = sorted(first, key=first.__getitem__)
        starts = [sent.doc[first[p]].idx - sent.start_char for p in parties]
        after = all(
            starts[n] < dates[n].start_char
            and (n + 1 == len(starts) or dates[n].end_char <= starts[n + 1])
            for n in range(len(starts))
        )
        respectively = "respectively" in sent.text.lower() and starts[-1] < dates[0].start_char
        if after or respectively:
            return side, dict(zip(parties, dates, strict=True))
    return None


COORDINATION_DEPS = frozenset({"conj", "compound", "amod", "nmod", "poss", "appos"})


def _coordinated(doc: Doc, a: ActorRef, b: ActorRef) -> bool:
    """Whether two actors stand in one list ("to Slovakia, Austria and Poland")."""

    def phrase_root(i: int) -> int:
        tok = doc[i]
        while tok.dep_ in COORDINATION_DEPS and tok.head.i != tok.i:
            tok = tok.head
        return tok.i

    if a.token_i < 0 or b.token_i < 0:
        return a.actor == b.actor
    return phrase_root(a.token_i) == phrase_root(b.token_i)


def _visitor_not_at_home(
    sources: list[ActorRef], place_state: str, discourse: Discourse
) -> list[ActorRef]:
    """ "Xi and Putin signed ... The next day he visited Harbin": a pronoun that would make
    the host visit his own country stands for the other party of the last event."""
    other = discourse.target
    if (
        sources
        and all(s.actor == place_state and s.via == "pronoun_antecedent" for s in sources)
        and other is not None
        and other.actor != place_state
    ):
        return [ActorRef(other.actor, other.person, sources[0].token_i, "pronoun_antecedent")]
    return sources


def _states_first(
    targets: list[ActorRef], igo_ids: frozenset[str], doc: Doc | None = None
) -> list[ActorRef]:
    """ "air support to an African Union force in Somalia": the state, not the intermediary;
    but an organisation whose act is the object stays first ("condemned NATO's use of force
    in Yugoslavia")."""

    def possessor(ref: ActorRef) -> bool:
        return doc is not None and ref.token_i >= 0 and doc[ref.token_i].dep_ == "poss"

    states = [t for t in targets if t.actor not in igo_ids or possessor(t)]
    others = [t for t in targets if t.actor in igo_ids and not possessor(t)]
    return states + others if states and others else targets


def _complement_targets(
    tok: Token, inp: SentenceInput, discourse: Discourse, sources: list[ActorRef]
) -> list[ActorRef]:
    """ "agreed to open its borders to German products": the partner named in the complement."""
    own = {s.actor for s in sources}
    out: list[ActorRef] = []
    for child in tok.children:
        if child.dep_ == "ccomp" and tok.lemma_.lower() in REQUEST_VERBS:
            # "demanded that China stop ...": the one asked is the clause's subject
            subjects = [c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}]
            refs = [r for h in subjects for r in inp.index.refs_in(phrase_tokens(h), "asked")]
            out.extend(r for r in refs if r.actor not in own)
            continue
        if child.dep_ != "xcomp":
            continue
        for t in sorted(child.subtree, key=lambda x: x.i):
            ref = inp.index.by_token.get(t.i)
            if ref is None or ref.actor in own or ref.actor in {r.actor for r in out}:
                continue
            if not _where(t) and not _in_absolute_clause(t, child):
                out.append(ActorRef(ref.actor, ref.person, t.i, "complement"))
    return out


def _absolute(prep: Token) -> bool:
    """ "with China and Russia denouncing the measure": a clause of its own, not a phrase."""
    return prep.lower_ == "with" and any(c.dep_ == "pcomp" and is_clause(c) for c in prep.children)


def _in_absolute_clause(tok: Token, top: Token) -> bool:
    """Inside "with X doing Y" below ``top``: X acts in a clause of its own, no partner."""
    for node in tok.ancestors:
        if node.i == top.i:
            return False
        if node.dep_ == "pcomp" and _absolute(node.head):
            return True
    return False


LOCATIVE_PREPS = frozenset({"in", "near", "inside", "within"})


def _where(tok: Token) -> bool:
    """A name that says where something happened: the object of "in" ("in Qingdao, China")."""
    while tok.dep_ in {"compound", "appos", "conj", "flat"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS


def _intent_recode(
    tok: Token, event_type: str, status: epistemic.Status
) -> tuple[str, str, str, str] | None:
    """PLOVER's reading of stated intent: "agreed to lift" and "will meet" are AGREE, "refused
    to lift" and "failed to reach" are REJECT, "will impose sanctions" is THREATEN."""
    cooperative = event_type in COOPERATIVE_TYPES
    conflict = event_type in MATERIAL_CONFLICT_TYPES
    if not (cooperative or conflict):
        return None
    governor = tok.head if tok.dep_ == "xcomp" else None
    if governor is not None and governor.lemma_.lower() in REFUSAL_VERBS and cooperative:
        return "REJECT", "refusal", "120", governor.lemma_.lower()
    if governor is not None and governor.dep_ == "acomp" and governor.lower_ in INTENT_ADJECTIVES:
        governor = governor.head if cooperative else None
        if governor is not None:
            return "AGREE", "intent", "030", tok.head.lower_
    if governor is not None and governor.lemma_.lower() in INTENT_VERBS:
        return (
            ("AGREE", "intent", "030", governor.lemma_.lower())
            if cooperative
            else ("THREATEN", "intent", "130", governor.lemma_.lower())
        )
    if (
        status.value == "negated"
        and cooperative
        and any(
            c.dep_ == "aux" and c.lower_ in FUTURE_CUES | {"would", "can", "could"}
            for c in tok.children
        )
    ):
        return "REJECT", "refusal", "120", "not"
    if status.value == "hypothetical" and status.cue and status.cue.lower() in FUTURE_CUES:
        return (
            ("AGREE", "intent", "030", status.cue.lower())
            if cooperative
            else ("THREATEN", "intent", "130", status.cue.lower())
        )
    return None


@dataclass(frozen=True)
class Coding:
    """How a trigger was coded, shared by the events it yields."""

    event_type: str
    mode: str
    cameo: str
    rule: str
    location: str | None
    status: epistemic.Status


def events_for(
    tok: Token,
    pairs: list[tuple[ActorRef, ActorRef]],
    date: TimeExpr | None,
    from_context: bool,
    coding: Coding,
    trig: Trigger,
) -> list[CodedEvent]:
    base = tok.doc[tok.i : tok.i + 1]
    why = {
        "trigger_lemma": trig.lemma,
        "epistemic_cue": coding.status.cue,
        "date_rule": date.rule if date else None,
        "date_text": date.text if date else None,
    }
    return [
        CodedEvent(
            trigger_start=base.start_char,
            trigger_end=base.end_char,
            trigger=tok.text,
            source=s,
            target=t,
            event_type=coding.event_type,
            mode=coding.mode,
            cameo=coding.cameo,
            date=date,
            date_from_context=from_context,
            location=coding.location,
            epistemic=coding.status.value,
            rule=coding.rule,
            why={**why, "source_via": s.via, "target_via": t.via},
            nominal=tok.pos_ in {"NOUN", "PROPN"},
        )
        for s, t in pairs
    ]


def _clause_partners(
    tok: Token, inp: SentenceInput, discourse: Discourse, sides: list[ActorRef]
) -> list[ActorRef]:
    """The other side of a joint act named in the governing clause: its subject first
    ("Kim flew back after the summit with Trump"), then its objects ("ties with X by signing")."""
    known = {s.actor for s in sides}
    node = tok
    for _ in range(4):
        if node.dep_ not in {"pcomp", "pobj", "prep", "advcl", "xcomp", "conj"} or (
            node.head.i == node.i
        ):
            break
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            for ref in _refs_for_heads(climb_to_subject(node), inp, discourse, "subject"):
                if ref.actor not in known:
                    return [ActorRef(ref.actor, ref.person, ref.token_i, "clause_subject")]
        for child in node.children:
            if child.i == tok.i or child.dep_ not in {"dobj", "prep"}:
                continue
            for ref in inp.index.refs_in(phrase_tokens(child), "clause_partner"):
                if ref.actor not in known:
                    return [ref]
    return []


def _joint_pairs(
    sources: list[ActorRef],
    targets: list[ActorRef],
    place: tuple[str, str] | None,
    discourse: Discourse,
    igo_ids: frozenset[str] = IGO_IDS,
) -> list[tuple[ActorRef, ActorRef]]:
    """One event for a meeting or signing: visitor (or first named) -> host (or second)."""
    sides = _dedupe(sources + targets)
    if len(sides) == 1 and discourse.source is not None and discourse.target is not None:
        other = (
            discourse.target
            if sides[0].actor == discourse.source.actor
            else (discourse.source if sides[0].actor == discourse.target.actor else None)
        )
        if other is not None and targets:
            sides.append(ActorRef(other.actor, None, other.token_i, "discourse_partner"))
    if len(sides) < 2:
        return []
    # the one who acts ("Choe visited Moscow for talks with Lavrov") before the partner
    sides.sort(key=lambda ref: not _acting(ref))
    acting = [s for s in sides if _acting(s)]
    partners = [s for s in sides if not _acting(s)]
    if len(acting) == 1 and len(partners) > 1:
        # "Araghchi held meetings with his Chinese and Russian counterparts": one each
        return [(acting[0], p) for p in partners[:MAX_JOINT_SIDES]]
    if len(sides) > 2 and (
        all(_acting(s) for s in sides)
        or all(s.via in {"prep_between", "prep_among", "lateral_parties"} for s in sides)
    ):  # one list: "the signers", "meetings between China, Russia and Iran"
        # "China, Russia and Iran signed a joint letter": one event for each pair of signers;
        # a longer list acting together is a multilateral act that pairs would overcount
        if len(sides) > MAX_JOINT_SIDES:
            return []
        host = place[1] if place is not None else None  # "met in Washington": visitors -> host
        return [(b, a) if a.actor == host else (a, b) for a, b in combinations(sides, 2)]
    a, b = sides[0], sides[1]
    if a.actor in igo_ids and b.actor not in igo_ids:
        a, b = b, a  # a state attends the forum ("Putin left for the G8 summit")
    if place is not None and place[1] == a.actor and b.actor != place[1]:
        a, b = b, a
    return [(a, b)]


def _elided_repeats(inp: SentenceInput, events: list[CodedEvent]) -> list[CodedEvent]:
    """ "The UK established relations with the DPRK in 2000, as did Canada in February 2001":
    an elided "as did X" (or "so did X") repeats the clause's act with X as its actor, dated
    by its own date when it has one."""
    out: list[CodedEvent] = []
    by_start = {tok.idx: tok for tok in inp.sent}
    for did in inp.sent:
        if did.lemma_ != "do" or not any(c.lower_ in {"as", "so"} for c in did.children):
            continue
        if any(c.dep_ in {"dobj", "xcomp", "ccomp"} for c in did.children):
            continue  # "as did the talks" is fine; "as it did business" is not an ellipsis
        subjects = [c for c in did.children if c.dep_ in {"nsubj", "nsubjpass"}]
        actors = inp.index.refs_in(
            [t for s in subjects for m in (s, *s.conjuncts) for t in m.subtree], "elided_subject"
        )
        model = next(
            (
                ev
                for ev in events
                if (tok := by_start.get(ev.trigger_start)) is not None
                and did.head.i in {tok.i, *(a.i for a in tok.ancestors)}
            ),
            None,
        )
        if model is None or not actors:
            continue
        dates = [e for e, i in inp.dates if did.left_edge.i <= i <= did.right_edge.i]
        date = min(dates, key=lambda e: e.date_start) if dates else model.date
        out.extend(
            replace(
                model,
                source=ref,
                date=date,
                date_from_context=not dates,
                rule="elided_repeat",
                why={**model.why, "repeats": model.trigger},
            )
            for ref in actors
            if ref.actor not in {model.source.actor, model.target.actor}
        )
    return out


def _list_elaboration(
    inp: SentenceInput, discourse: Discourse, events: list[CodedEvent]
) -> list[CodedEvent]:
    """ "These were Russia, Armenia, ..." after a sentence about a group: one event per actor."""
    match = LIST_PATTERN.search(inp.sent.text)
    if events or match is None or not discourse.events:
        return []
    model = discourse.events[0]
    start = inp.sent.start_char + match.start()
    excluded = {model.source.actor, model.target.actor}
    for tok in inp.sent:
        if tok.lower_ in {"addition", "besides", "apart"}:
            excluded |= {r.actor for r in inp.index.refs_in(tok.subtree, "excluded")}
    listed = [
        r
        for r in inp.index.refs_in([t for t in inp.sent if t.idx >= start], "listed")
        if r.actor not in excluded and r.actor not in inp.igo_ids
    ]
    if len(listed) < 2:
        return []
    end = start + len(match.group(0))
    return [
        CodedEvent(
            trigger_start=start,
            trigger_end=end,
            trigger=match.group(0),
            source=ref,
            target=model.target,
            event_type=model.event_type,
            mode=model.mode,
            cameo=model.cameo,
            date=model.date,
            date_from_context=True,
            location=model.location,
            epistemic=model.epistemic,
            rule="list_elaboration",
            why={"elaborates": model.trigger, "date_rule": "previous_sentence"},
        )
        for ref in listed
    ]


def event_key(ev: CodedEvent) -> tuple[str, str, str, str, str | None]:
    """Two codings with this key state the same act (a repeated mention).

    Intents are one act whatever word carried them ("agreed to lift" codes AGREE twice).
    """
    return (
        ev.source.actor,
        ev.target.actor,
        ev.event_type,
        "intent" if ev.event_type == "AGREE" else ev.mode,
        ev.date.date_start if ev.date else None,
    )


def _one_encounter(events: list[CodedEvent], inp: SentenceInput) -> list[CodedEvent]:
    """ "visited Moscow for talks with Lavrov": the talks are the visit, not a second event.

    A nominal CONSULT below a verbal CONSULT of the same two actors and date is dropped.
    """
    if not any(ev.nominal and ev.event_type == "CONSULT" for ev in events):
        return events
    by_start = {tok.idx: tok for tok in inp.sent}  # trigger offsets count from the doc
    verbal: dict[int, list[CodedEvent]] = {}  # a verb of several parties codes several pairs
    for ev in events:
        if ev.event_type == "CONSULT" and not ev.nominal and ev.trigger_start in by_start:
            verbal.setdefault(by_start[ev.trigger_start].i, []).append(ev)

    def same_meeting(ev: CodedEvent) -> bool:
        tok = by_start.get(ev.trigger_start)
        if tok is None or not ev.nominal or ev.event_type != "CONSULT":
            return False
        pair = {ev.source.actor, ev.target.actor}
        return any(
            {head.source.actor, head.target.actor} == pair and head.date == ev.date
            for a in tok.ancestors
            for head in verbal.get(a.i, ())
        )

    return [ev for ev in events if not same_meeting(ev)]


def _unique(events: list[CodedEvent]) -> list[CodedEvent]:
    seen: set[tuple[str, str, str, str, str | None]] = set()
    out = []
    for ev in events:
        key = event_key(ev)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out
