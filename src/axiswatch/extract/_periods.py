"""Named periods ("the Korean War", "the Trump administration") from data/periods.yaml."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

import yaml

from axiswatch.errors import InputError
from axiswatch.extract import _calendar as cal

# A word just before the name that makes it another, or a hypothetical, period: "a new Cold War".
_MODIFIER_BEFORE = re.compile(
    r"\b(?:a|an|new|second|another|next|future|possible|potential|coming|looming|renewed|"
    r"hypothetical|third)\s+$",
    re.IGNORECASE,
)
# "the start of the X" dates to the period's first year, "the end of the X" to its last.
_EDGE_BEFORE = re.compile(
    r"(?:\b[Tt]he\s+)?\b(?P<edge>start|beginning|outbreak|onset|end|close|conclusion)\s+of\s+$",
    re.IGNORECASE,
)
_EDGE_IS_END = frozenset({"end", "close", "conclusion"})


@dataclass(frozen=True)
class Period:
    """One named period: its name, ISO start and end (None: still going on), and regex."""

    name: str
    keys: tuple[str, ...]
    start: str
    end: str | None
    regex: re.Pattern[str]
    ambiguous_from: dt.date | None = None


@dataclass(frozen=True)
class PeriodMatch:
    """A named period found in a text, with the dates it stands for."""

    start_char: int
    end_char: int
    date_start: str
    date_end: str
    rule: str
    open_end: bool


def _compile(entry: dict[str, object]) -> Period:
    try:
        name = str(entry["name"])
        keys = tuple(str(k).lower() for k in entry["keys"])  # type: ignore[attr-defined]
        start = str(entry["start"])
        end = None if entry.get("end") is None else str(entry["end"])
        patterns = [str(p) for p in entry["patterns"]]  # type: ignore[attr-defined]
        amb = entry.get("ambiguous_from")
    except (KeyError, TypeError) as exc:
        raise InputError(f"periods.yaml: bad entry {entry!r}: {exc}") from None
    cal.parse_iso(start)
    if end is not None:
        cal.parse_iso(end)
    alternatives = "|".join(f"(?:{p})" for p in patterns)
    regex = re.compile(rf"(?<![\w-])(?:[Tt]he\s+)?(?:{alternatives})(?![\w-])")
    ambiguous = cal.parse_iso(str(amb))[0] if amb is not None else None
    return Period(name, keys, start, end, regex, ambiguous)


@functools.cache
def periods() -> tuple[Period, ...]:
    """The named periods of the packaged table, compiled once."""
    text = resources.files("axiswatch.extract").joinpath("data/periods.yaml").read_text("utf-8")
    return tuple(_compile(e) for e in yaml.safe_load(text))


def find_periods(text: str, anchor: dt.date | None) -> Iterator[PeriodMatch]:
    """Every named period in text (overlaps included; the caller keeps the longest)."""
    lower = text.lower()
    for period in periods():
        if not any(k in lower for k in period.keys):
            continue
        amb = period.ambiguous_from
        if amb is not None and anchor is not None and anchor >= amb:
            continue
        for m in period.regex.finditer(text):
            start, end = m.span()
            if _MODIFIER_BEFORE.search(text, max(0, start - 20), start):
                continue
            date_start, open_end = period.start, period.end is None
            if period.end is not None:
                date_end = period.end
            elif anchor is not None and cal.at_anchor(anchor, period.start) > period.start:
                date_end = cal.at_anchor(anchor, period.start)
            else:
                date_end = period.start
            rule = "named_period"
            edge = _EDGE_BEFORE.search(text, max(0, start - 25), start)
            if edge is not None:
                start = edge.start()
                if edge["edge"].lower() in _EDGE_IS_END:
                    if period.end is None:
                        continue
                    date_start, open_end, rule = date_end, False, "named_period_end"
                else:
                    date_end, open_end, rule = date_start, False, "named_period_start"
            yield PeriodMatch(start, end, date_start, date_end, rule, open_end)
