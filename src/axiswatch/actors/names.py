"""Spelling variants of person names: Korean and Russian romanisations, surnames, partial names."""

from __future__ import annotations

from collections.abc import Iterable

from axiswatch.actors.aliases import alias_key

# States whose names put the family name first ("Kim Jong Un", "Xi Jinping").
FAMILY_NAME_FIRST: frozenset[str] = frozenset({"CHN", "PRK", "KOR", "TWN", "HKG", "MAC", "VNM"})
_KOREAN: frozenset[str] = frozenset({"PRK", "KOR"})
_CYRILLIC: frozenset[str] = frozenset({"RUS", "UKR", "BLR", "SUN", "KAZ"})

_KOREAN_SURNAMES: tuple[frozenset[str], ...] = tuple(
    frozenset(group)
    for group in (
        {"ri", "lee", "rhee", "yi"},
        {"pak", "park", "bak"},
        {"choe", "choi"},
        {"jang", "chang"},
        {"jong", "jeong", "chung", "chong"},
        {"kang", "gang"},
        {"hyon", "hyun", "hyeon"},
        {"o", "oh"},
        {"ro", "roh", "no", "noh"},
        {"ryu", "yu", "yoo"},
        {"yun", "yoon"},
        {"mun", "moon"},
        {"sin", "shin"},
        {"jo", "cho"},
        {"jon", "jeon", "chon", "chun"},
        {"kwon", "gwon"},
        {"paek", "baek", "paik"},
        {"an", "ahn"},
    )
)
_RUSSIAN_GIVEN: tuple[frozenset[str], ...] = tuple(
    frozenset(group)
    for group in (
        {"sergei", "sergey", "serhiy", "serhii"},
        {"alexei", "aleksei", "alexey", "aleksey", "oleksii", "oleksiy"},
        {"dmitry", "dmitri", "dmitriy"},
        {"yevgeny", "evgeny", "yevgeniy", "evgeniy"},
        {"andrei", "andrey", "andrii", "andriy"},
        {"yuri", "yury", "yuriy", "yurii"},
        {"nikolai", "nikolay"},
        {"anatoly", "anatoliy", "anatolii"},
        {"mikhail", "mykhailo"},
        {"vitaly", "vitaliy", "vitalii"},
        {"valery", "valeriy", "valerii"},
        {"oleg", "oleh"},
        {"alexander", "aleksandr", "alexandr", "oleksandr"},
        {"viktor", "victor"},
    )
)


def _group(word: str, groups: tuple[frozenset[str], ...]) -> frozenset[str]:
    for group in groups:
        if word in group:
            return group
    return frozenset({word})


def family_name_first(state: str | None) -> bool:
    """Whether names from this state are written family name first."""
    return state in FAMILY_NAME_FIRST


def variants(name: str, state: str | None) -> set[str]:
    """Spellings of a name that the built-in data need not list one by one."""
    words = list(alias_key(name))
    out: set[str] = set()
    if len(words) < 2:
        return out
    if state in _KOREAN:
        given_forms = [words[1:]]
        if len(words) == 3:
            given_forms.append([words[1] + words[2]])
        for surname in _group(words[0], _KOREAN_SURNAMES):
            for given in given_forms:
                out.add(" ".join([surname, *given]))
    elif state in _CYRILLIC:
        for first in _group(words[0], _RUSSIAN_GIVEN):
            out.add(" ".join([first, *words[1:]]))
    out.discard(" ".join(words))
    return out


def surnames(names: Iterable[str], state: str | None) -> set[str]:
    """The family names (folded) found in a person's name and aliases."""
    out: set[str] = set()
    for name in names:
        words = alias_key(name)
        if len(words) < 2:
            continue
        out.add(words[0] if family_name_first(state) else words[-1])
    return out


def partial_names(names: Iterable[str], state: str | None) -> set[tuple[str, ...]]:
    """Family name plus the first given syllable (``Kim Jong``), for family-name-first names."""
    if not family_name_first(state):
        return set()
    return {alias_key(n)[:2] for n in names if len(alias_key(n)) >= 3}
