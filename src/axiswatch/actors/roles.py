"""Office titles and the names of state bodies, as the text writes them, mapped to roles."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from axiswatch.actors.aliases import AliasTrie, acronym_mask, alias_key
from axiswatch.actors.model import LEADER


@dataclass(frozen=True, slots=True)
class Title:
    """An office title: the role it names; ``organ_head`` for "head of the <ministry>"."""

    role: str | None
    generic: bool = False
    organ_head: str | None = None
    mask: tuple[bool, ...] = ()
    plural: bool = False


@dataclass(frozen=True, slots=True)
class OrganNoun:
    """A kind of state body ("foreign ministry") and the offices of its head and deputy.

    ``suffix_ok``: may also be written "<body> of <state>" ("the Government of Japan").
    """

    head_role: str | None = None
    deputy_role: str | None = None
    suffix_ok: bool = True


_TITLES: dict[str, tuple[str, ...]] = {
    LEADER: (
        "leader",
        "paramount leader",
        "top leader",
        "general secretary",
    ),
    "supreme_leader": (
        "supreme leader",
        "chairman of the state affairs commission",
        "president of the state affairs",
        "supreme commander",
    ),
    "head_of_state": (
        "president",
        "state president",
        "head of state",
        "king",
        "queen",
        "emperor",
        "monarch",
        "acting president",
    ),
    "head_of_government": (
        "prime minister",
        "premier",
        "PM",
        "chancellor",
        "head of government",
        "head of the government",
        "chairman of the government",
    ),
    "foreign_minister": (
        "foreign minister",
        "minister of foreign affairs",
        "minister for foreign affairs",
        "foreign affairs minister",
        "foreign secretary",
        "secretary of state",
        "top diplomat",
        "chief diplomat",
    ),
    "defence_minister": (
        "defense minister",
        "defence minister",
        "minister of defense",
        "minister of defence",
        "minister for defence",
        "minister of national defense",
        "minister of national defence",
        "national defense minister",
        "national defence minister",
        "minister of the people's armed forces",
        "defense secretary",
        "defence secretary",
        "secretary of defense",
        "defense chief",
        "defence chief",
    ),
    "deputy_defence_minister": (
        "deputy defense minister",
        "deputy defence minister",
        "vice defense minister",
        "vice defence minister",
        "deputy minister of defense",
        "deputy minister of defence",
        "vice minister of defense",
        "vice minister of national defense",
        "first deputy defense minister",
        "first deputy defence minister",
    ),
    "vice_foreign_minister": (
        "vice foreign minister",
        "deputy foreign minister",
        "vice minister of foreign affairs",
        "vice minister for foreign affairs",
        "deputy minister of foreign affairs",
        "deputy minister for foreign affairs",
        "executive vice foreign minister",
        "executive vice minister of foreign affairs",
        "first vice foreign minister",
        "first deputy foreign minister",
    ),
    "ambassador": (
        "ambassador",
        "envoy",
        "ambassador extraordinary and plenipotentiary",
    ),
}
# Titles too common to mean an office unless a state or person is attached.
_GENERIC: frozenset[str] = frozenset({"leader", "top leader", "king", "queen", "envoy"})
_ORGAN_HEADS: dict[str, str] = {
    "head of": "head",
    "chief of": "head",
    "deputy head of": "deputy",
    "first deputy head of": "deputy",
    "deputy chief of": "deputy",
}

_ORGAN_NOUNS: dict[tuple[str | None, str | None], tuple[str, ...]] = {
    ("head_of_government", None): ("government", "cabinet"),
    ("foreign_minister", "vice_foreign_minister"): (
        "foreign ministry",
        "ministry of foreign affairs",
        "ministry for foreign affairs",
        "foreign affairs ministry",
        "foreign office",
        "MFA",
        "diplomacy",
    ),
    ("defence_minister", "deputy_defence_minister"): (
        "defense ministry",
        "defence ministry",
        "ministry of defense",
        "ministry of defence",
        "ministry of national defense",
        "ministry of national defence",
        "department of defense",
        "defense department",
        "ministry of the people's armed forces",
    ),
    (None, None): (
        "administration",
        "regime",
        "authorities",
        "leadership",
        "military",
        "armed forces",
        "army",
        "navy",
        "air force",
        "forces",
        "troops",
        "embassy",
        "diplomats",
        "intelligence",
        "security services",
        "special services",
        "state media",
        "officials",
    ),
}
# Bodies only written after the state word ("the Russian side", not "the side of Russia");
# a national security council is one ("Russian Security Council secretary Sergei Shoigu"),
# which the UN's alone would otherwise swallow.
_PREFIX_ONLY_ORGANS: tuple[str, ...] = (
    "side",
    "sides",
    "security council",
    "national security council",
    "state council",
)

# Words that may stand between a title and the state or name that follows it.
OF_WORDS: frozenset[str] = frozenset({"of", "for"})
TO_WORDS: frozenset[str] = frozenset({"to", "in"})
COORDINATORS: frozenset[str] = frozenset({"and", "or", "&"})
# Courtesy titles that may stand before a surname.
HONORIFICS: frozenset[str] = frozenset(
    {"mr", "mrs", "ms", "dr", "comrade", "general", "marshal", "chairman", "secretary", "minister"}
)


def _plural(phrase: str) -> str:
    words = phrase.split(" ")
    head = next((k for k, w in enumerate(words) if w in ("of", "for")), len(words)) - 1
    noun = words[head]
    if noun.isupper():
        words[head] = noun + "s"
    elif noun.endswith("y") and noun[-2:-1] not in "aeiou":
        words[head] = noun[:-1] + "ies"
    elif noun.endswith(("s", "ch", "sh")):
        words[head] = noun + "es"
    else:
        words[head] = noun + "s"
    return " ".join(words)


def build_title_trie() -> AliasTrie[Title]:
    """The title vocabulary, singular and plural, as a trie."""
    trie: AliasTrie[Title] = AliasTrie()
    for role, phrases in _TITLES.items():
        for phrase in phrases:
            generic = phrase in _GENERIC
            for form, plural in ((phrase, False), (_plural(phrase), True)):
                trie.add(alias_key(form), Title(role, generic, None, acronym_mask(form), plural))
    for phrase, which in _ORGAN_HEADS.items():
        trie.add(alias_key(phrase), Title(None, False, which, (), False))
    return trie


def build_organ_trie() -> AliasTrie[OrganNoun]:
    """The kinds of state body, singular and plural, as a trie."""
    trie: AliasTrie[OrganNoun] = AliasTrie()
    seen: set[tuple[str, ...]] = set()

    def add(phrase: str, noun: OrganNoun) -> None:
        key = alias_key(phrase)
        if key and key not in seen:
            seen.add(key)
            trie.add(key, noun)

    for (head, deputy), phrases in _ORGAN_NOUNS.items():
        for phrase in phrases:
            noun = OrganNoun(head, deputy)
            add(phrase, noun)
            if not phrase.endswith("s") and phrase not in ("military", "diplomacy"):
                add(_plural(phrase), noun)
    for phrase in _PREFIX_ONLY_ORGANS:
        add(phrase, OrganNoun(suffix_ok=False))
    titles = title_words()
    for phrase in state_agents():  # "Indian police", "the Iranian judiciary"
        words = phrase.split()
        if words[0] in titles or words[-1] in OF_WORDS | TO_WORDS | {"the", "and"}:
            continue  # offices are titles ("ambassador to"), read with their holders
        add(phrase, OrganNoun(suffix_ok=False))
        add(_plural(phrase), OrganNoun(suffix_ok=False))
    return trie


@cache
def state_agents() -> tuple[str, ...]:
    """Agent nouns of the Phoenix dictionary that stand for their state (data/agents.json,
    compiled by scripts/build_agents.py): written after a state's name or adjective they are
    that state's organ."""
    path = resources.files("axiswatch.actors") / "data" / "agents.json"
    return tuple(json.loads(path.read_text(encoding="utf-8"))["agents"])


def title_words() -> frozenset[str]:
    """Every folded word used in a title, to tell "President Putin" from "Vladimir Putin"."""
    words: set[str] = set(HONORIFICS)
    for phrases in _TITLES.values():
        for phrase in phrases:
            words.update(alias_key(phrase))
            words.update(alias_key(_plural(phrase)))
    return frozenset(words)
