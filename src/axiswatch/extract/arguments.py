"""Who acted and who was acted on: actors of a trigger, read from the dependency parse.

Actor mentions come from the actor knowledge base; this module only decides which mentions
fill the source and target roles of a trigger, following subjects, agents, objects,
possessives, demonym modifiers and prepositional phrases.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
TARGET_PREPS = frozenset(
    {
        "to",
        "with",
        "against",
        "on",
        "into",
        "toward",
        "towards",
        "for",
        "in",
        "at",
        "from",
        "over",
        "upon",
        "between",
        "among",
        "of",
    }
)
PRONOUNS = frozenset(
    {"it", "he", "she", "they", "this", "its", "his", "her", "their", "them", "which", "who"}
)
GROUP_HEADS = frozenset(
    {
        "party",
        "parties",
        "side",
        "sides",
        "country",
        "countries",
        "state",
        "states",
        "nation",
        "nations",
        "leader",
        "leaders",
        "government",
        "governments",
        "minister",
        "ministers",
        "neighbour",
        "neighbor",
    }
)
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp", "prep", "pobj", "ccomp"})


@dataclass(frozen=True)
class ActorRef:
    """One actor filling a role: the mention's actor code, person, and where it was found."""

    actor: str
    person: str | None
    token_i: int
    via: str
    start_char: int | None = None
    end_char: int | None = None
    role: str | None = None


class MentionIndex:
    """Actor mentions of one sentence, looked up by token."""

    def __init__(
        self,
        by_token: dict[int, ActorRef],
        groups: dict[int, tuple[ActorRef, ...]] | None = None,
    ) -> None:
        self.by_token = by_token
        self.groups = groups or {}
        """Tokens that name a grouping the text defined ("CRINK"), with its members."""

    def refs_in(self, tokens: Iterable[Token], via: str) -> list[ActorRef]:
        """Distinct actors among ``tokens`` (a grouping gives each member), in text order."""
        seen: dict[str, ActorRef] = {}
        for tok in sorted(tokens, key=lambda t: t.i):
            own = self.by_token.get(tok.i)
            for ref in (own,) if own is not None else self.groups.get(tok.i, ()):
                self._add(seen, ref, tok, via)
        return list(seen.values())

    @staticmethod
    def _add(seen: dict[str, ActorRef], ref: ActorRef, tok: Token, via: str) -> None:
        if ref.actor not in seen or (ref.person and not seen[ref.actor].person):
            seen[ref.actor] = ActorRef(
                ref.actor,
                ref.person or (seen[ref.actor].person if ref.actor in seen else None),
                tok.i,
                via,
                ref.start_char,
                ref.end_char,
                ref.role,
            )


def phrase_tokens(head: Token, *, stop: frozenset[str] = CLAUSE_DEPS) -> list[Token]:
    """The head's subtree without embedded clauses (relative clauses, complements)."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in stop)
    return out


def subjects_of(verb: Token) -> list[Token]:
    """Subject heads of a verb, with conjuncts ("Medvedev and Kim met")."""
    heads = [h for c in verb.children if c.dep_ in {"nsubj", "csubj"} for h in _unstolen(c)]
    agent = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not heads and verb.dep_ == "acl" and verb.tag_ == "VBN" and not agent:
        return []
    if agent:
        heads = agent
    elif not heads:
        heads = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if heads and any(c.dep_ == "auxpass" for c in verb.children):
            return []  # a passive without "by ...": the actor is not named
    return heads


def _stolen(subject: Token) -> bool:
    """A subject the parser took from the clause before it ("weeks before Russia invaded
    Ukraine, Xi and Putin met": "Ukraine" is the object of "invaded")."""
    before = subject.doc[subject.i - 1] if subject.i > 0 else None
    return (
        subject.dep_ in {"nsubj", "nsubjpass"}
        and before is not None
        and before.pos_ == "VERB"
        and before.dep_ in {"advcl", "ccomp", "relcl"}
        and not any(c.dep_ in {"dobj", "attr", "oprd"} for c in before.children)
    )


def _unstolen(subject: Token) -> list[Token]:
    """The subject, or for a stolen one the first of its conjuncts (the real subjects)."""
    if not _stolen(subject):
        return [subject]
    return [c for c in subject.children if c.dep_ == "conj"][:1]


def is_reduced_passive(verb: Token) -> bool:
    """ "the armistice, signed on 27 July 1953": a participle clause whose actor is unnamed."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"acl", "advcl", "amod", "relcl"}
        and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "agent"} for c in verb.children
        )
    )


CONTROL_VERBS = frozenset(
    {
        "accuse",
        "blame",
        "suspect",
        "charge",
        "condemn",
        "criticize",
        "criticise",
        "thank",
        "praise",
        "punish",
        "sanction",
        "fault",
    }
)


PENALTY_NOUNS = frozenset({"sanction", "penalty", "fine", "restriction", "ban", "embargo"})
"""Nouns of "imposed sanctions on X for V-ing", where X is the one who did V."""


def object_controller(tok: Token) -> Token | None:
    """ "accused Pyongyang of arming Moscow": the accused object is the one who arms.

    Also "imposed sanctions on Pyongyang for arming Moscow": the penalised party.
    """
    if tok.dep_ != "pcomp" or tok.head.lower_ not in {"of", "for", "with"}:
        return None
    verb = tok.head.head
    if verb.pos_ == "VERB" and verb.lemma_.lower() in CONTROL_VERBS:
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        return objects[0] if objects else None
    return penalised(verb)


def penalised(node: Token) -> Token | None:
    """X of "<verb> sanctions on X" (from the verb or the penalty noun): the penalised."""
    if node.lemma_.lower() in PENALTY_NOUNS and node.dep_ == "dobj":
        nouns, verb = [node], node.head
    else:
        nouns, verb = [c for c in node.children if c.dep_ == "dobj"], node
    for noun in nouns:
        if noun.lemma_.lower() not in PENALTY_NOUNS:
            continue
        for node in (noun, verb):
            for child in node.children:
                if child.dep_ == "prep" and child.lower_ in {"on", "against"}:
                    objects = [p for p in child.children if p.dep_ == "pobj"]
                    if objects:
                        return objects[0]
    return None


REQUEST_VERBS = frozenset(
    {
        "urge",
        "ask",
        "call",
        "press",
        "persuade",
        "force",
        "invite",
        "encourage",
        "pressure",
        "push",
        "compel",
        "tell",
        "order",
        "request",
        "demand",
    }
)
"""Verbs of "urged X to V" / "called on X to V": X is asked to do V (it has not yet)."""


def asked_party(tok: Token) -> Token | None:
    """X of "urged X to V" / "called on X to V" / "demanded that X V", for the verb V."""
    verb = tok.head
    if tok.dep_ not in {"xcomp", "ccomp"} or verb.lemma_.lower() not in REQUEST_VERBS:
        return None
    if tok.dep_ == "ccomp":
        return None  # "demanded that China stop": the clause names its own subject
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "prep" and child.lower_ in {"on", "upon"}:
            objects = [p for p in child.children if p.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


COPULAR_VERBS = frozenset({"be", "become", "remain"})


def infinitive_relative_subject(verb: Token) -> list[Token]:
    """ "Putin became the first Russian leader to visit Pyongyang": the subject of "became"."""
    if verb.dep_ not in {"relcl", "acl"} or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return []
    noun = verb.head
    if noun.dep_ in {"attr", "oprd"} and noun.head.lemma_.lower() in COPULAR_VERBS:
        return [c for c in noun.head.children if c.dep_ == "nsubj"]
    return []


def is_copular_passive(verb: Token) -> bool:
    """ "North Korea was blamed for ...": a participle after "be" with no "by" phrase."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"acomp", "attr"}
        and verb.head.lemma_ == "be"
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def climb_to_subject(tok: Token) -> list[Token]:
    """Subject of the trigger's verb, or of the verb that governs it ("blamed for supplying")."""
    if is_reduced_passive(tok) or is_copular_passive(tok):
        return []
    controller = object_controller(tok)
    if controller is not None:
        return [controller]
    asked = asked_party(tok)
    if asked is not None:
        return [asked]
    node = tok
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"}:
            heads = subjects_of(node) or infinitive_relative_subject(node)
            if heads:
                return heads
            if any(c.dep_ == "auxpass" for c in node.children) and node.i != tok.i:
                heads = [c for c in node.children if c.dep_ == "nsubjpass"]
                if heads:
                    return heads
        if _controlled_infinitive(node) and node.i == tok.i:
            node = node.head.head  # "made an effort to expand ties": who made it expands
            continue
        if node.dep_ not in CLIMB_DEPS or node.head.i == node.i:
            break
        node = node.head
    return []


def _controlled_infinitive(tok: Token) -> bool:
    """An infinitive on the object of a verb ("made an effort to expand"), not a participle
    ("the resolution condemning X", whose noun is the actor)."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VB"
        and tok.head.dep_ == "dobj"
        and tok.head.head.pos_ in {"VERB", "AUX"}
    )


def resolve_relative(head: Token) -> Token:
    """From a relative pronoun or a "one of the N countries" phrase to the noun it stands for."""
    node = head
    if node.lower_ in {"that", "which", "who"} and node.head.dep_ == "relcl":
        node = node.head.head
    for _ in range(3):
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ == "one":
            node = node.head.head
        if node.dep_ == "attr" and node.head.pos_ == "AUX":
            subj = [c for c in node.head.children if c.dep_ == "nsubj"]
            if subj:
                node = subj[0]
                continue
        break
    return node


def with_conjuncts(heads: Sequence[Token]) -> list[Token]:
    """Heads plus the words coordinated with them."""
    out: list[Token] = []
    for head in heads:
        out.append(head)
        out.extend(t for t in head.conjuncts if t not in out and not _stolen(t))
    return out


def prep_objects(tok: Token, preps: frozenset[str] = TARGET_PREPS) -> list[tuple[str, Token]]:
    """(preposition, object) pairs attached to the token ("to Russia", "with the ambassador").

    A phrase the parser hung on the channel of the act is the act's own: in "speaks by phone
    with President Tsai", "with President Tsai" goes with "speaks", not with "phone".
    """
    out: list[tuple[str, Token]] = []
    for child in tok.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in preps | {"by"}:
            out.extend(
                (child.lower_, p)
                for p in child.children
                if p.dep_ in {"pobj", "pcomp"}
                and p.lemma_.lower() not in BREACH_NOUNS
                and not is_clause(p)  # "with China and Russia denouncing it": a clause of theirs
            )
        if child.dep_ == "prep" and child.lower_ in CHANNEL_PREPS:
            for channel in child.children:
                if channel.dep_ == "pobj" and channel.lemma_.lower() in CHANNEL_NOUNS:
                    out.extend(prep_objects(channel, preps - {"by"}))
    if not out and tok.pos_ == "NOUN" and not any(c.dep_ == "prep" for c in tok.children):
        # "concern and regret at X": a phrase after the last of coordinated nouns is theirs
        for conj in tok.children:
            if conj.dep_ == "conj" and conj.pos_ == "NOUN":
                out.extend(prep_objects(conj, preps))
    return out


def is_clause(tok: Token) -> bool:
    """A verb with its own subject: the object of "with" in an absolute construction."""
    return tok.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children
    )


CHANNEL_PREPS = frozenset({"by", "via", "over", "through"})
CHANNEL_NOUNS = frozenset(
    {"phone", "telephone", "video", "videoconference", "videolink", "link", "hotline", "letter"}
)
"""How an act was carried out: "by phone", "via video link", "over the hotline"."""


BREACH_NOUNS = frozenset({"violation", "defiance", "breach", "contravention"})
"""Heads of "in violation of UN sanctions": whose rules were broken is no party to the act."""
