"""The pair stage: which two actors of a sentence take part in an act, decided by a model.

The rules (:mod:`axiswatch.extract.coder`) code the acts whose wording they know. Many acts are
told in wording no rule covers, yet the sentence names both parties. This stage looks at every
pair of actors a sentence names that the rules did not code, describes it by its place in the
parse (the word that joins them, their grammatical roles, the triggers around them) and by the
event it would become (typed by the nearest trigger, directed subject first, dated as the rules
date that trigger), and asks a logistic model whether the sentence tells that act. Accepted
pairs are added to the rules' events; the rules' own events are always kept.

No model ships: on held-out documents it did not beat the rules (README, Benchmarks), so
``Extractor`` runs this stage only when given a judge (``pair_judge=``).

The model is a small table of feature weights (``data/pair_model.json``), trained by
``scripts/train_pair_model.py`` from gold annotations whose provenance the file records, and
evaluated there on held-out documents. Scoring is a dot product: deterministic, no library.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import combinations
from typing import Protocol

from spacy.tokens import Token

from axiswatch.extract import epistemic
from axiswatch.extract.arguments import ActorRef, subjects_of
from axiswatch.extract.coder import (
    CodedEvent,
    Coding,
    Discourse,
    SentenceInput,
    events_for,
    find_triggers,
)
from axiswatch.extract.dates import TimeExpr
from axiswatch.extract.event_dates import own_dates, pick_date
from axiswatch.extract.lexicon import Trigger

MAX_ACTORS = 8
"""Sentences naming more actors than this are left to the rules (long enumerations)."""


@dataclass(frozen=True)
class Candidate:
    """Two actors of one sentence, with the features the model reads."""

    a: ActorRef
    b: ActorRef
    features: dict[str, float]
    rule_events: tuple[CodedEvent, ...] = ()
    proposal: tuple[CodedEvent, ...] = ()
    """The event this pair becomes when the rules coded none (see ``_propose``)."""

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a.actor, self.b.actor))


class PairJudge(Protocol):
    """What decides candidates: the shipped model, or a collector while training."""

    def accept(self, candidates: list[Candidate], sentence: str) -> list[bool]: ...


@dataclass(frozen=True)
class PairModel:
    """Logistic weights over named features, and the acceptance threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float
    provenance: dict[str, object] = field(default_factory=dict)

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accept(self, candidates: list[Candidate], sentence: str) -> list[bool]:
        return [self.probability(c.features) >= self.threshold for c in candidates]

    @classmethod
    def from_json(cls, data: dict) -> PairModel:
        return cls(
            dict(data["weights"]),
            float(data["bias"]),
            float(data["threshold"]),
            dict(data.get("provenance", {})),
        )


@cache
def shipped_model() -> PairModel | None:
    """The model that ships with the package, or None when the file is absent."""
    path = resources.files("axiswatch.extract") / "data" / "pair_model.json"
    if not path.is_file():
        return None
    return PairModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def judge_pairs(
    inp: SentenceInput, coded: list[CodedEvent], discourse: Discourse, judge: PairJudge
) -> list[CodedEvent]:
    """The sentence's events once the judge has accepted or rejected each actor pair."""
    refs = _sentence_refs(inp)
    if len(refs) > MAX_ACTORS:
        return coded
    found = find_triggers(inp.sent)
    candidates = candidates_of(inp, refs, coded, found, discourse)
    if not candidates:
        return coded
    open_pairs = [c for c in candidates if not c.rule_events and c.proposal]
    verdicts = judge.accept(open_pairs, inp.sent.text) if open_pairs else []
    added = [ev for c, ok in zip(open_pairs, verdicts, strict=True) if ok for ev in c.proposal]
    return coded + added


def candidates_of(
    inp: SentenceInput,
    refs: dict[str, ActorRef],
    coded: list[CodedEvent],
    found: list[tuple[Token, Trigger]],
    discourse: Discourse,
) -> list[Candidate]:
    """Every pair of actors the sentence names or the rules coded, with its features."""
    owned = own_dates(inp.sent, found, inp.dates, discourse.published)
    by_pair: dict[frozenset[str], list[CodedEvent]] = {}
    for ev in coded:
        by_pair.setdefault(frozenset((ev.source.actor, ev.target.actor)), []).append(ev)
    pairs: dict[frozenset[str], tuple[ActorRef, ActorRef]] = {}
    for a, b in combinations(refs.values(), 2):
        if a.actor != b.actor:
            pairs[frozenset((a.actor, b.actor))] = (a, b)
    for key, events in by_pair.items():
        pairs.setdefault(key, (events[0].source, events[0].target))
    out = []
    for key, (a, b) in pairs.items():
        rule_events = by_pair.get(key, [])
        features = pair_features(inp, a, b, found, rule_events, len(refs))
        proposal: list[CodedEvent] = []
        if not rule_events:
            proposal, why = _propose(a, b, inp, discourse, found, owned)
            features[f"proposal={why}"] = 1.0
        out.append(Candidate(a, b, features, tuple(rule_events), tuple(proposal)))
    return out


def _sentence_refs(inp: SentenceInput) -> dict[str, ActorRef]:
    """Each actor the sentence names, at its first mention (members of a named grouping too)."""
    out: dict[str, ActorRef] = {}
    tokens = sorted({*inp.index.by_token, *inp.index.groups})
    for i in tokens:
        own = inp.index.by_token.get(i)
        for ref in (own,) if own is not None else inp.index.groups.get(i, ()):
            out.setdefault(ref.actor, ref)
    return out


def pair_features(
    inp: SentenceInput,
    a: ActorRef,
    b: ActorRef,
    found: list[tuple[Token, Trigger]],
    rule_events: list[CodedEvent],
    n_actors: int,
) -> dict[str, float]:
    """Named binary features of one pair (see the module docstring)."""
    f: dict[str, float] = {"bias_sentence": 1.0, f"n_actors={min(n_actors, 5)}": 1.0}
    for ev in rule_events:
        f["rule"] = 1.0
        f[f"rule_type={ev.event_type}"] = 1.0
        f[f"rule_kind={ev.rule.split(':')[0]}"] = 1.0
        f[f"rule_status={ev.epistemic}"] = 1.0
        f["rule_dated"] = max(f.get("rule_dated", 0.0), 1.0 if ev.date is not None else 0.0)
    for ref in (a, b):
        f[f"via={_via_kind(ref.via)}"] = 1.0
        if ref.actor in inp.igo_ids:
            f["igo"] = f.get("igo", 0.0) + 1.0
        if ref.person:
            f["person"] = f.get("person", 0.0) + 1.0
    doc = inp.sent.doc
    if a.token_i < 0 or b.token_i < 0:
        f["context_actor"] = 1.0
        return f
    ta, tb = doc[a.token_i], doc[b.token_i]
    lca = _lowest_common_ancestor(ta, tb)
    f[f"dist={_bucket(abs(ta.i - tb.i))}"] = 1.0
    if lca is None:
        f["no_lca"] = 1.0
    else:
        f[f"lca_pos={lca.pos_}"] = 1.0
        f[f"lca_lemma={lca.lemma_.lower()}"] = 1.0
        roles = sorted(_role_below(lca, t) for t in (ta, tb))
        f[f"roles={roles[0]}|{roles[1]}"] = 1.0
        for role in roles:
            f[f"role={role}"] = 1.0
        if lca.i in (ta.i, tb.i):
            f["one_governs_other"] = 1.0
        if any(c.dep_ == "neg" for c in lca.children):
            f["lca_negated"] = 1.0
        f[f"lca_tag={lca.tag_}"] = 1.0
    triggers_by_token = {tok.i: trig for tok, trig in found}
    lo, hi = sorted((ta.i, tb.i))
    for tok, trig in found:
        f[f"sent_trigger={trig.event_type}"] = 1.0
        if lo < tok.i < hi:
            f[f"between_trigger={trig.event_type}"] = 1.0
    on_path = _path_triggers(ta, tb, lca, triggers_by_token)
    for trig in on_path:
        f[f"path_trigger={trig.event_type}"] = 1.0
        f[f"path_trigger_source={'dictionary' if trig.from_dictionary else 'lexicon'}"] = 1.0
    f[f"n_triggers={min(len(found), 4)}"] = 1.0
    if inp.dates:
        f["sentence_dated"] = 1.0
    if '"' in inp.sent.text or "“" in inp.sent.text:
        f["quote"] = 1.0
    return f


def _via_kind(via: str) -> str:
    return via.split("+")[0] if via else "none"


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8-15" if n <= 15 else "16+"


def _lowest_common_ancestor(a: Token, b: Token) -> Token | None:
    above_a = [a, *a.ancestors]
    ids = {t.i for t in above_a}
    for tok in [b, *b.ancestors]:
        if tok.i in ids:
            return tok
    return None


def _role_below(lca: Token, tok: Token) -> str:
    """The grammatical role of the branch of ``lca`` that holds ``tok`` ("nsubj", "prep:with")."""
    if tok.i == lca.i:
        return "self"
    node = tok
    while node.head.i != lca.i and node.head.i != node.i:
        node = node.head
    if node.dep_ == "prep":
        return f"prep:{node.lower_}"
    return node.dep_


def _path_triggers(
    ta: Token, tb: Token, lca: Token | None, triggers_by_token: dict[int, Trigger]
) -> list[Trigger]:
    if lca is None:
        return []
    out = []
    for start in (ta, tb):
        node = start
        while node.i != lca.i and node.head.i != node.i:
            node = node.head
            if node.i in triggers_by_token:
                out.append(triggers_by_token[node.i])
    return out


def _propose(
    a: ActorRef,
    b: ActorRef,
    inp: SentenceInput,
    discourse: Discourse,
    found: list[tuple[Token, Trigger]],
    owned: dict[int, list[TimeExpr]],
) -> tuple[list[CodedEvent], str]:
    """The event a pair the rules did not code would be: the nearest trigger types it, the
    actor in its subject is the source, and it is dated as the rules date that trigger (or by
    the narrative's last date). Returns the events and how the date was found (or why none)."""
    doc = inp.sent.doc
    if a.token_i < 0 or b.token_i < 0:
        return [], "context_actor"
    picked = _nearest_trigger(doc[a.token_i], doc[b.token_i], found)
    if picked is None:
        return [], "no_trigger"
    tok, trig = picked
    if trig.event_type == "OTHER" or trig.skip:
        return [], "untyped_trigger"
    source, target = _direction(tok, a, b)
    dated = pick_date(
        tok, owned, discourse.previous_date, discourse.published, discourse.last_absolute
    )
    if dated is None and not inp.keep_undated:
        return [], "undated"
    date, from_context = dated if dated is not None else (None, False)
    status = epistemic.classify(tok, inp.sent, source_tokens=frozenset({source.token_i}))
    if status.value in {"hypothetical", "negated"} and from_context:
        return [], "unreal_from_context"
    rule = f"pair_model:{trig.lemma}"
    coding = Coding(trig.event_type, trig.mode, trig.cameo, rule, None, status)
    events = events_for(tok, [(source, target)], date, from_context, coding, trig)
    return events, f"{trig.event_type}:{_date_source(date, from_context, discourse)}"


def _date_source(date: TimeExpr | None, from_context: bool, discourse: Discourse) -> str:
    if date is None:
        return "none"
    if not from_context:
        return "own"
    if date is discourse.previous_date:
        return "previous"
    if date is discourse.published:
        return "published"
    if date is discourse.last_absolute:
        return "carried"
    return "context"


def _nearest_trigger(
    ta: Token, tb: Token, found: list[tuple[Token, Trigger]]
) -> tuple[Token, Trigger] | None:
    """The trigger closest to both actors in the tree (the lowest common ancestor first)."""
    if not found:
        return None

    def depth_to(tok: Token, target: Token) -> int:
        above = [target, *target.ancestors]
        for n, node in enumerate(above):
            if node.i == tok.i:
                return n
        return 50 + abs(tok.i - target.i)

    return min(found, key=lambda pair: depth_to(pair[0], ta) + depth_to(pair[0], tb))


def _direction(tok: Token, a: ActorRef, b: ActorRef) -> tuple[ActorRef, ActorRef]:
    """The actor in the act's subject first; else the one named first."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    subject_tokens = {t.i for s in subjects_of(verb) for t in s.subtree}
    if b.token_i in subject_tokens and a.token_i not in subject_tokens:
        return b, a
    if a.token_i in subject_tokens:
        return a, b
    return (a, b) if a.token_i <= b.token_i else (b, a)
