"""Votes and vetoes, coded by what the text voted on concerns (annotation guide v1.2).

Voting against a text, or vetoing it, is REJECT aimed at the state the text concerns (the one
it would sanction, or the one it would protect). Voting for a sanctions text is SANCTION on
the sanctioned state, for a text condemning a state ACCUSE, for any other text SUPPORT.

The text voted on is a resolution (or draft, motion) in the vote's own phrase; else one
elsewhere in the sentence, or an act of a UN body there ("the Assembly suspended Russia ...,
and China voted against"); else the last such text of the paragraph (``Discourse.vote_frame``),
so that "Russia, Belarus and Syria voted no" after "the Assembly condemned Russia's annexation"
is coded against that resolution.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from axiswatch.extract import epistemic
from axiswatch.extract.arguments import ActorRef, subjects_of

if TYPE_CHECKING:
    from axiswatch.extract.coder import SentenceInput
    from axiswatch.extract.lexicon import Trigger

RESOLUTION_LEMMAS = frozenset(
    {"resolution", "draft", "motion", "text", "proposal", "measure", "vote"}
)
AGAINST_CUES = frozenset(
    {
        "condemn",
        "condemning",
        "against",
        "deplore",
        "deploring",
        "sanction",
        "sanctions",
        "censure",
        "demand",
        "demanding",
    }
)
FOR_CUES = frozenset({"support", "integrity", "favour", "favor", "sovereignty", "relief"})
VICTIM_NOUNS = frozenset({"aggression", "attack", "invasion", "occupation", "war"})
"""Nouns of "Aggression against Ukraine": the state after "against" is the one wronged."""
BODY_ACTS = frozenset(
    {"condemn", "deplore", "suspend", "censure", "denounce", "demand", "expel", "reprimand"}
)
"""Acts of a UN body that a vote in the same sentence is about ("the Assembly suspended X")."""
UN_BODY_WORDS = frozenset({"assembly", "council"})


SANCTION_CUES = frozenset({"sanction", "sanctions", "embargo"})

VOTE_CODES: dict[tuple[str | None, bool], tuple[str, str]] = {
    ("sanctions", False): ("SANCTION", "163"),  # for a sanctions text on X
    ("against", False): ("ACCUSE", "111"),  # for a text condemning X
    ("for", False): ("SUPPORT", "05"),  # for a text for X
    (None, False): ("SUPPORT", "05"),  # for a text about X
    ("sanctions", True): ("REJECT", "12"),  # against (or vetoing) any text: REJECT toward X
    ("against", True): ("REJECT", "12"),
    ("for", True): ("REJECT", "12"),
    (None, True): ("REJECT", "12"),
}
"""(framing, voted against) -> (PLOVER type, CAMEO) of the vote toward the state concerned."""
VETO_CAMEO = "129"


@dataclass(frozen=True)
class VoteFrame:
    """What a vote was on: a text against or for a state (``framing``), or just about it."""

    framing: str | None
    actor: ActorRef


def vote_coding(
    tok: Token,
    trig: Trigger,
    scope: list[Token],
    inp: SentenceInput,
    carried: VoteFrame | None,
) -> tuple[str, str, ActorRef] | None:
    """(type, CAMEO, target) of a vote trigger, or None when no voted text is found."""
    resolution = next((t for t in scope if t.lemma_.lower() in RESOLUTION_LEMMAS), None)
    vetoed = [c for c in tok.children if c.dep_ == "dobj"] if trig.lemma == "veto" else []
    if resolution is not None:
        frame = frame_of(resolution, inp) or _carried(carried, tok)  # "the resolution" again
    elif vetoed and (framed := frame_of(vetoed[0], inp)) is not None and framed.framing:
        frame = framed  # "vetoed the renewal of the panel monitoring sanctions against X"
    elif trig.vote:
        frame = inp.vote_frame
        if frame is None:
            frame = _carried(carried, tok)
    else:
        frame = None
    if frame is None:
        return None
    event_type, cameo = VOTE_CODES[(frame.framing, _votes_against(tok, trig))]
    if trig.lemma == "veto":
        cameo = VETO_CAMEO
    return event_type, cameo, frame.actor


def _carried(carried: VoteFrame | None, tok: Token) -> VoteFrame | None:
    """The text voted on in an earlier sentence: its actor is named there, not here."""
    if carried is None:
        return None
    actor = ActorRef(carried.actor.actor, carried.actor.person, tok.i, "earlier_resolution")
    return VoteFrame(carried.framing, actor)


def list_voters(noun: Token) -> list[Token]:
    """Voter heads of "the five no votes were A, B and C" / "the no votes came from A, B"
    (conjuncts follow from the heads); [] for any other use of the noun "vote"."""
    if not any(c.lower_ in {"no", "yes"} for c in noun.children if c.dep_ in {"det", "amod"}):
        return []
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_ == "be":
        return [c for c in head.children if c.dep_ == "attr"]
    if noun.dep_ == "nsubj":
        return [
            p
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "from"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    if noun.dep_ == "nsubjpass":
        return [p for c in head.children if c.dep_ == "agent" for p in c.children]
    return []


def _votes_against(tok: Token, trig: Trigger) -> bool:
    """A veto, "voted against", "voted no", "the no votes", or "did not support"."""
    return (
        trig.lemma == "veto"
        or any(c.lower_ in {"against", "no"} for c in tok.children)
        or (trig.lemma == "support" and epistemic.is_negated(tok))
    )


def frame_of(resolution: Token, inp: SentenceInput) -> VoteFrame | None:
    """How the resolution's own words frame it, else the state it names (or places)."""
    framing: str | None = None
    tokens = _resolution_phrase(resolution)
    for t in tokens:
        relieved = t.dep_ in {"compound", "amod"} and t.head.lemma_.lower() in FOR_CUES
        if framing is None and t.i != resolution.i and _is_against(t) and not relieved:
            framing = (
                "for"
                if t.head.lemma_.lower() in VICTIM_NOUNS
                else "sanctions"
                if t.lower_ in SANCTION_CUES or t.lemma_ in SANCTION_CUES
                else "against"
            )
        elif framing is None and (t.lower_ in FOR_CUES or t.lemma_ in FOR_CUES):
            framing = "for"
        ref = inp.index.by_token.get(t.i)
        if framing and ref is not None and ref.actor not in inp.igo_ids:
            return VoteFrame(framing, ref)
    unframed = _unframed(tokens, inp)
    if (
        framing in {"against", "sanctions"}
        and unframed is not None
        and unframed.actor.actor not in inp.igo_ids
    ):
        return VoteFrame(framing, unframed.actor)  # "a North Korea sanctions text"
    return unframed


VOTE_TOPIC_WORDS = frozenset({"on", "over", "about", "concerning", "related", "relating"})


def _resolution_phrase(resolution: Token) -> list[Token]:
    """The resolution's words, with its number ("resolution ES-11/1") and a title that
    follows as a second object or apposition ("..., "Aggression against Ukraine","); of a
    vote, only what it was on ("votes related to a panel on North Korea", not "enough votes
    ... with only Algeria and China in favour")."""
    if resolution.lemma_.lower() == "vote":
        topics = [c for c in resolution.children if c.lower_ in VOTE_TOPIC_WORDS]
        return sorted({t for c in topics for t in c.subtree}, key=lambda x: x.i)
    phrase = resolution.head if resolution.dep_ == "compound" else resolution
    tokens = list(phrase.subtree)
    if phrase.dep_ in {"dobj", "pobj", "nsubjpass"}:
        for sibling in phrase.head.children:
            if sibling.i > phrase.i and sibling.dep_ in {"dobj", "appos"}:
                tokens.extend(sibling.subtree)
    return sorted(set(tokens), key=lambda x: x.i)


def _is_against(t: Token) -> bool:
    return t.lower_ in AGAINST_CUES or t.lemma_ in AGAINST_CUES


AUTHOR_VERBS = frozenset(
    {"table", "sponsor", "cosponsor", "draft", "submit", "propose", "introduce", "present", "pen"}
)
"""Verbs of writing a text: their agent is its author ("tabled by the United States",
"a US-drafted resolution"), not what it is about."""


def _authors(t: Token) -> bool:
    node = t
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return False
        if head.lemma_.lower() in AUTHOR_VERBS and (
            node.dep_ in {"agent", "npadvmod", "compound", "nsubj"} or head.tag_ == "VBN"
        ):
            return True
        node = head
    return False


def _unframed(tokens: Iterable[Token], inp: SentenceInput) -> VoteFrame | None:
    tokens = [t for t in tokens if not _authors(t)]
    refs = [inp.index.by_token[t.i] for t in tokens if t.i in inp.index.by_token]
    states = [r for r in refs if r.actor not in inp.igo_ids]
    places = [
        ActorRef(inp.places[t.i][1], None, t.i, "resolution_place")
        for t in tokens
        if t.i in inp.places and t.i not in inp.index.by_token
    ]
    # a UN body named in the phrase is the text's author ("the UN Security Council
    # resolution"), not what it is about: then the sentence names no text of its own
    chosen = (states or places or [None])[0]
    return VoteFrame(None, chosen) if chosen is not None else None


def sentence_vote_frame(inp: SentenceInput) -> VoteFrame | None:
    """The text voted on in this sentence: a framed resolution, a UN body's act, or any
    resolution naming a state."""
    resolutions = [t for t in inp.sent if t.lemma_.lower() in RESOLUTION_LEMMAS]
    frames = [f for f in (frame_of(r, inp) for r in resolutions) if f is not None]
    framed = next((f for f in frames if f.framing is not None), None)
    return framed or _body_act(inp) or (frames[0] if frames else None)


def _body_act(inp: SentenceInput) -> VoteFrame | None:
    """ "the Assembly suspended Russia from the Human Rights Council": against Russia."""
    for verb in inp.sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in BODY_ACTS:
            continue
        if not any(_is_un_body(s, inp) for s in subjects_of(verb)):
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            for t in sorted(obj.subtree, key=lambda x: x.i):
                ref = inp.index.by_token.get(t.i)
                if ref is not None and ref.actor not in inp.igo_ids:
                    return VoteFrame("against", ref)
    return None


def _is_un_body(subject: Token, inp: SentenceInput) -> bool:
    """A subject that is a UN organ: resolved as one, or "the Assembly" / "the Council"."""
    ref = inp.index.by_token.get(subject.i)
    if ref is not None:
        return ref.actor in inp.igo_ids
    return subject.lower_ in UN_BODY_WORDS and subject.text[:1].isupper()
