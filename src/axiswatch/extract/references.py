"""Who a plural stands for: "they", "both sides", "the two countries", "the ties between the
countries", "the National Security Advisors".

A plural that names no actor of its own refers to the states named earlier in its sentence,
else to those last named together (``Discourse.plural``), else, for people or sides, to the
participants a document's title names (``Discourse.participants``); a number must fit ("the
three countries" needs three).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from axiswatch.extract.arguments import GROUP_HEADS, ActorRef

if TYPE_CHECKING:
    from axiswatch.extract.coder import Discourse, SentenceInput

MAX_NAMED_TOGETHER = 4
"""At most this many states named before a plural are taken as what it stands for."""
PLURAL_PRONOUNS = frozenset({"they", "their", "them", "both"})
PLURAL_PARTIES = GROUP_HEADS | {
    "advisor",
    "adviser",
    "official",
    "representative",
    "delegation",
    "ally",
    "partner",
    "power",
    "member",
    "president",
    "neighbour",
    "neighbor",
}
"""Nouns whose plural names the parties themselves ("the two allies", "the advisors")."""
ROLE_PLURALS = frozenset(
    {"advisor", "adviser", "minister", "leader", "official", "representative", "side", "party"}
)
"""Plurals of people or sides, which may refer to the participants a title names."""
PLURAL_DETERMINERS = frozenset({"the", "these", "those", "both", "all"})
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def quoted(sent: Span) -> bool:
    """A sentence with a quotation: its "we" may be someone quoted, not the document's speaker."""
    return any(ch in sent.text for ch in '"“”')


COLLECTIVE_TWO = frozenset({"pair", "duo"})
"""Nouns of two taken together ("the pair have engaged in a gift exchange")."""


def plural_reference(head: Token) -> bool:
    """ "they", "both", "the two countries", "the pair", "the National Security Advisors": a
    plural that names no actor of its own and so refers back to actors named together."""
    if head.lower_ in PLURAL_PRONOUNS:
        return True
    if head.lower_ in COLLECTIVE_TWO and any(c.lower_ == "the" for c in head.children):
        return True
    lemma = plural_lemma(head)
    if lemma in PLURAL_PARTIES | ROLE_PLURALS and any(
        c.dep_ == "poss" and c.lower_ == "their" for c in head.children
    ):
        return True  # "their leaders": whose "their" is
    if lemma not in PLURAL_PARTIES:
        return False
    if any(c.dep_ in {"amod", "compound", "poss", "prep"} and c.ent_type_ for c in head.children):
        return False  # "the Chinese leaders": named by their own modifiers
    words = {c.lower_ for c in head.children if c.dep_ in {"det", "nummod", "predet", "amod"}}
    return bool(words & (PLURAL_DETERMINERS | set(NUMBER_WORDS)))


def plural_lemma(tok: Token) -> str | None:
    """The singular of a plural noun ("Advisors", which the tagger may call a proper noun)."""
    if tok.tag_ in {"NNS", "NNPS"}:
        return tok.lemma_.lower()
    if tok.tag_ == "NNP" and tok.lower_.endswith("s") and tok.text[:1].isupper():
        return tok.lower_[:-1]
    return None


def plural_refs(
    head: Token, discourse: Discourse, inp: SentenceInput | None = None
) -> list[ActorRef]:
    """The actors the plural stands for, when their number fits ("the three countries"):
    those named earlier in the same sentence ("Xi visited Russia and praised the ties between
    the countries"), else those last named together, else a readout's participants."""
    counts = [NUMBER_WORDS[c.lower_] for c in head.children if c.lower_ in NUMBER_WORDS]
    if head.lower_ in COLLECTIVE_TWO:
        counts = [2]
    if inp is None:
        earlier: list[ActorRef] = []
    elif head.pos_ == "PRON":
        earlier = governing_subjects(head, inp)
    else:
        earlier = named_before(head, inp)
    members = tuple(earlier) if len(earlier) >= 2 else discourse.plural
    if len(earlier) < 2 and counts and len(discourse.named) == counts[0]:
        members = discourse.named  # "the two countries" = the two the last sentence named
    if len(members) < 2 and plural_lemma(head) in ROLE_PLURALS:
        members = discourse.participants  # "the National Security Advisors" of a readout
    if len(members) < 2:
        return []
    if counts and counts[0] != len(members):
        return []
    return [ActorRef(ref.actor, None, head.i, "plural_antecedent") for ref in members]


def named_in(inp: SentenceInput, before: int | None = None) -> list[ActorRef]:
    """The distinct states the sentence names (before token ``before``, when given); a place
    ("met in Lima") or an organisation names no party."""
    seen: dict[str, ActorRef] = {}
    for i in sorted(inp.index.by_token):
        ref = inp.index.by_token[i]
        if (before is None or i < before) and ref.actor not in inp.igo_ids and i not in inp.places:
            seen.setdefault(ref.actor, ref)
    return list(seen.values())


def named_before(head: Token, inp: SentenceInput) -> list[ActorRef]:
    """The distinct states named before ``head`` in its sentence (at most four)."""
    named = named_in(inp, before=head.i)
    return named if len(named) <= MAX_NAMED_TOGETHER else []


SUBORDINATE = frozenset({"advcl", "ccomp", "xcomp", "conj", "relcl"})


def governing_subjects(pronoun: Token, inp: SentenceInput) -> list[ActorRef]:
    """ "China and Russia said they would ...", "X and Y met for the first time since their
    leaders met ...": a plural pronoun in a clause that hangs from another stands for the
    actors of that clause's subject (two or more), when it names them."""
    verb = next((a for a in pronoun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    while verb is not None and verb.dep_ in SUBORDINATE and verb.head.i != verb.i:
        parent = verb.head
        subjects = [c for c in parent.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            members = [m for s in subjects for m in (s, *s.conjuncts)]
            phrase = [t for m in members for t in m.subtree if t.i != pronoun.i]
            refs = inp.index.refs_in(phrase, "governing_subject")
            return refs if len(refs) >= 2 else []
        verb = parent
    return []
