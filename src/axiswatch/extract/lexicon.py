"""The trigger lexicon and the place gazetteer, loaded once from the package's data files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Trigger:
    """How one trigger lemma is coded."""

    lemma: str
    pos: tuple[str, ...]
    event_type: str
    mode: str
    cameo: str
    joint: bool = False
    reverse: bool = False
    vote: bool = False
    polarity: bool = False
    skip: bool = False
    needs: frozenset[str] = frozenset()
    needs_modifier: frozenset[str] = frozenset()
    needs_target: bool = False
    needs_person_target: bool = False
    needs_prep: frozenset[str] = frozenset()
    plural_only: bool = False
    presence: bool = False
    from_dictionary: bool = False  # coded by the CAMEO verb dictionary, not the hand lexicon
    attitude: bool = False  # "expressed concern over X": the verb's subject holds it about X
    needs_partner: bool = False  # two subjects, or a "with"/"to" partner ("spoke with X")
    needs_verb: bool = False  # a noun done by a verb ("deepened cooperation"), not named alone
    needs_own_date: bool = False  # counts only when its own sentence dates it ("trade in 2024")
    dictionary_otherwise: bool = False  # no sense of the lemma fits: the CAMEO dictionary codes it


def _read(name: str) -> dict:
    text = (resources.files("axiswatch.extract") / "data" / name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def triggers() -> dict[str, tuple[Trigger, ...]]:
    """Trigger lemma -> its codings, tried in order (a key "call/VERB" adds a second sense)."""
    out: dict[str, tuple[Trigger, ...]] = {}
    for key, spec in _read("triggers.yaml").items():
        lemma = key.split("/")[0]
        out[lemma] = (*out.get(lemma, ()), _trigger(lemma, spec, key))
    return out


def _words(spec: dict, field: str, key: str) -> frozenset[str]:
    """A word list of a trigger; YAML reads a bare on/off/yes/no as a boolean, so refuse it."""
    words = spec.get(field) or ()
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        raise ValueError(
            f"triggers.yaml: {key}: {field} holds {bad!r}, not words; quote on/off/yes/no"
        )
    return frozenset(words)


def _trigger(lemma: str, spec: dict, key: str) -> Trigger:
    return Trigger(
        lemma=lemma,
        pos=tuple(spec["pos"]),
        event_type=spec["type"],
        mode=spec["mode"],
        cameo=str(spec["cameo"]),
        joint=bool(spec.get("joint")),
        reverse=bool(spec.get("reverse")),
        vote=bool(spec.get("vote")),
        polarity=bool(spec.get("polarity")),
        skip=bool(spec.get("skip")),
        needs=_words(spec, "needs", key),
        needs_modifier=_words(spec, "needs_modifier", key),
        needs_target=bool(spec.get("needs_target")),
        needs_person_target=bool(spec.get("needs_person_target")),
        needs_prep=_words(spec, "needs_prep", key),
        plural_only=bool(spec.get("plural_only")),
        presence=bool(spec.get("presence")),
        attitude=bool(spec.get("attitude")),
        needs_partner=bool(spec.get("needs_partner")),
        needs_verb=bool(spec.get("needs_verb")),
        needs_own_date=bool(spec.get("needs_own_date")),
        dictionary_otherwise=bool(spec.get("dictionary_otherwise")),
    )


@cache
def evaluative_words() -> tuple[frozenset[str], frozenset[str]]:
    """(positive, negative) words that decide how a statement is coded."""
    data = _read("evaluative.yaml")
    return frozenset(data["positive"]), frozenset(data["negative"])


@dataclass(frozen=True)
class Place:
    """A place name found in a sentence, and the state it lies in."""

    start_char: int
    end_char: int
    text: str
    state: str


@cache
def _place_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for state, places in _read("places.yaml").items():
        for place in places:
            names[place.lower()] = state
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE), names


def find_places(text: str) -> list[Place]:
    """Non-capital places named in ``text`` (capitals come from the actor knowledge base)."""
    pattern, names = _place_pattern()
    return [
        Place(m.start(), m.end(), m.group(0), names[m.group(0).lower()])
        for m in pattern.finditer(text)
    ]
