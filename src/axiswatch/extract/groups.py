"""Named groupings that a text defines by listing their members, expanded wherever used.

The annotation guide expands a grouping only where the text names its members. A text does so
in two shapes, both read here from the actor mentions of one paragraph:

- a list followed by the name in brackets: "China, Russia, Iran, and North Korea (CRINK)";
- the name followed by a dash, colon or bracket and the list: "the E-3 countries—France,
  Germany, and the United Kingdom—".

From then on, in the same document, the name stands for its members ("the E-3 triggered the
mechanism" is one act of each of France, Germany and the United Kingdom).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from axiswatch.actors.model import Mention

NAME = r"[A-Z][A-Za-z]*(?:-?[A-Z0-9]+)*"
NAME_IN_BRACKETS = re.compile(rf"\s*\(\s*(?:the\s+)?({NAME})\s*\)")
NAME_BEFORE_LIST = re.compile(
    rf"\b({NAME})(?:\s+(?:countries|nations|states|powers|members|group))?\s*(?:—|–|:|\()\s*$"
)
LIST_GLUE = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&)?\s*(?:the\s+)?")
MIN_MEMBERS = 2


def define_groups(text: str, mentions: Sequence[Mention]) -> dict[str, tuple[str, ...]]:
    """Group name -> member actor codes, for the groupings this text defines."""
    groups: dict[str, tuple[str, ...]] = {}
    for run in _lists(text, [m for m in mentions if m.actor]):
        first, last = run[0], run[-1]
        after = NAME_IN_BRACKETS.match(text, last.end_char)
        before = NAME_BEFORE_LIST.search(text, max(0, first.start_char - 60), first.start_char)
        name = after.group(1) if after else before.group(1) if before else None
        if name is None or any(name in m.text for m in run):
            continue
        groups.setdefault(name, tuple(dict.fromkeys(m.actor for m in run if m.actor)))
    return {name: members for name, members in groups.items() if len(members) >= MIN_MEMBERS}


def _lists(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Runs of two or more mentions joined only by commas and "and"/"or"."""
    runs: list[list[Mention]] = []
    current: list[Mention] = []
    for mention in mentions:
        if current and LIST_GLUE.fullmatch(text[current[-1].end_char : mention.start_char]):
            current.append(mention)
            continue
        if len(current) >= MIN_MEMBERS:
            runs.append(current)
        current = [mention]
    if len(current) >= MIN_MEMBERS:
        runs.append(current)
    return runs
