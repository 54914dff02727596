"""Normalising names and text into comparable tokens, and the token trie that matches them.

Matching ignores case, diacritics, hyphens, punctuation and the kind of apostrophe; a
possessive ``'s`` is dropped. Tokens keep their offsets in the original text, so a match maps
back to the exact characters (no-break spaces, curly quotes and dashes included).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

T = TypeVar("T")

_TOKEN_RE = re.compile(r"[^\W_]+")
APOSTROPHES = "'’ʼ‘`´"
HYPHENS = "-‐‑"
DASHES = HYPHENS + "‒–—―−"
_TIGHT_CHARS = frozenset(" \t\n\u00a0\u2009\u202f" + HYPHENS + APOSTROPHES + ".")
_SENTENCE_END = frozenset(".!?:;\n")
LEADING_ARTICLES = frozenset({"the"})


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: folded form, offsets, and how it was written."""

    norm: str
    raw: str
    start: int
    end: int
    gap: str
    possessive: bool = False
    sentence_start: bool = False

    @property
    def upper(self) -> bool:
        """Written all in capitals (``US``, ``UN``)."""
        return self.raw.isupper()

    @property
    def titled(self) -> bool:
        """Starts with a capital letter."""
        return self.raw[:1].isupper()


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case-fold a word and strip its diacritics (``Shinzō`` -> ``shinzo``)."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def tokenise(text: str) -> list[Token]:
    """Split text into word tokens with their offsets; a possessive ``'s`` marks the word."""
    tokens: list[Token] = []
    prev_end = 0
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        raw = match.group()
        if (
            raw in ("s", "S")
            and tokens
            and start >= 1
            and text[start - 1] in APOSTROPHES
            and tokens[-1].end == start - 1
        ):
            last = tokens[-1]
            tokens[-1] = Token(
                last.norm, last.raw, last.start, last.end, last.gap, True, last.sentence_start
            )
            continue
        gap = text[prev_end:start]
        stripped = gap.strip(" \t\u00a0\"'“”‘’«»([")
        sentence_start = not tokens or (bool(stripped) and stripped[-1] in _SENTENCE_END)
        if not sentence_start and "\n" in gap:
            sentence_start = True
        tokens.append(Token(fold(raw), raw, start, end, gap, False, sentence_start))
        prev_end = end
    return tokens


def tight(prev: Token, nxt: Token) -> bool:
    """Whether two neighbouring tokens may belong to one name (no comma, bracket or dash)."""
    gap = nxt.gap
    if prev.possessive and gap[:1] in APOSTROPHES:
        gap = gap[2:]
    if len(gap) > 4 or "\n\n" in gap or not set(gap) <= _TIGHT_CHARS:
        return False
    return "." not in gap or len(prev.raw) <= 2


def followed_by_hyphen(text: str, token: Token) -> bool:
    """Whether a hyphen or dash directly follows the token (``Sino-``)."""
    return token.end < len(text) and text[token.end] in DASHES


def alias_tokens(alias: str) -> list[Token]:
    """The tokens of an alias, without a leading article."""
    tokens = tokenise(alias)
    while tokens and tokens[0].norm in LEADING_ARTICLES and len(tokens) > 1:
        tokens = tokens[1:]
    return tokens


@lru_cache(maxsize=65536)
def alias_key(alias: str) -> tuple[str, ...]:
    """The matching key of a name: folded tokens without a leading article or possessive."""
    return tuple(t.norm for t in alias_tokens(alias))


def normalise(text: str) -> str:
    """A name or phrase as one comparable string (``The U.S.'s`` -> ``u s``)."""
    return " ".join(alias_key(text))


def acronym_mask(alias: str) -> tuple[bool, ...]:
    """Per token of the alias: must the text write it in capitals (``US`` but not ``us``)?"""
    tokens = alias_tokens(alias)
    mask = []
    for tok in tokens:
        dotted = tok.end < len(alias) and alias[tok.end] == "."
        mask.append(tok.upper and (len(tok.raw) >= 2 or dotted))
    return tuple(mask)


_END = object()


class AliasTrie(Generic[T]):
    """A trie over token keys; finds every alias that starts at a token position."""

    def __init__(self) -> None:
        self._root: dict[object, object] = {}
        self.size = 0

    def add(self, key: Sequence[str], value: T) -> None:
        """Store a value under a token key."""
        node = self._root
        for part in key:
            node = node.setdefault(part, {})  # type: ignore[assignment]
        bucket = node.setdefault(_END, [])
        bucket.append(value)  # type: ignore[union-attr]
        self.size += 1

    def matches(self, tokens: Sequence[Token], i: int) -> Iterator[tuple[int, list[T]]]:
        """Yield ``(end, values)`` for aliases starting at token ``i``, longest first."""
        found: list[tuple[int, list[T]]] = []
        node: dict[object, object] = self._root
        j = i
        while j < len(tokens):
            if j > i and not tight(tokens[j - 1], tokens[j]):
                break
            child = node.get(tokens[j].norm)
            if child is None:
                break
            node = child  # type: ignore[assignment]
            j += 1
            if _END in node:
                found.append((j, node[_END]))  # type: ignore[arg-type]
        yield from reversed(found)
