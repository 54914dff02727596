"""Temporal expressions in a sentence, resolved to ISO dates at the precision the text gives.

`tag_dates` finds absolute dates ("April 9-11, 2018", "in the 1990s", "Q3 2023", "07.09.2022"),
named periods from data/periods.yaml ("the Korean War": 1950..1953), and relative expressions
("a year before", "the same day", "last week", "on Monday"). Relative ones are resolved from
the sentence's own dates, else the `previous` sentence's date, or from the document's `anchor`
(publication date), and are left out when nothing resolves them. `relative` is True when the
date is not written in the expression itself: resolved from context, or (named periods) from
world knowledge.

Conventions:
- Offsets are character offsets into the text exactly as given (no-break spaces, en and em
  dashes are ordinary characters); `text[start_char:end_char] == expr.text`.
- Prepositions are not part of an expression ("in March 2014" gives "March 2014"), except
  those that change its meaning: "from 2017 to 2018", "between 2017 and 2018", and "since
  2022" / "from 2017 onwards" (rule "since", `open_end`; date_end is the anchor, at the
  start's precision, when an anchor is given and later, else the expression's own end).
- "N years after X": X is the first date after the phrase in the same clause ("eight years
  after annexing Crimea in 2014" = 2022), else the last date before it, else `previous`.
  Moving later counts from the end of X, moving earlier from its start. The result is at the
  coarser of the unit's and X's precision ("six months after 2014" = 2014..2015).
- A day or month without a year ("on April 25", "in March") takes the year of a date in the
  sentence or of `previous` when that is one year, else the year that puts it nearest the
  anchor. A bare month or day needs a preposition before it.
- Parts of a year: early = Jan-Apr, mid = May-Aug, late (or "the end of") = Sep-Dec; of a
  decade or century: thirds; of a month: days 1-10, 11-20, 21-end. Seasons are northern:
  summer = June-August; "winter 2019" alone is ambiguous and gives the year.
- Dotted numeric dates are day-first (07.09.2022 = 7 September); ISO dates as written.
  Slash dates follow the order that an unambiguous slash date in the same text shows
  (13/9/2022 = day first); without one, an ambiguous slash date (9/7/2022) gives only its
  year (rule numeric_slash_ambiguous).
- Bare years count only in 1800-2100 and not as quantities ("2000 troops", "US$ 2000",
  "Resolution 2094", "pp. 1998-2005", "between 2000 and 3000").
- `precision` is that of the ISO strings ("day", "month", "year"), or "decade"/"century"
  when the text names a whole decade or century (the strings are then years).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from axiswatch.extract import _calendar as cal
from axiswatch.extract._absolute import YEAR_RULES, find_absolute, is_quantity
from axiswatch.extract._periods import find_periods
from axiswatch.extract._relative import Cand, Context, Dates, Ref, find_relative

__all__ = ["TimeExpr", "covers", "iso_precision", "latest_absolute", "parse_iso", "tag_dates"]

parse_iso = cal.parse_iso
iso_precision = cal.iso_precision


@dataclass(frozen=True)
class TimeExpr:
    """One time expression: where it is in the text and the ISO dates it stands for."""

    start_char: int
    end_char: int
    text: str
    date_start: str
    date_end: str
    precision: str
    rule: str
    relative: bool
    open_end: bool = False

    def bounds(self) -> tuple[dt.date, dt.date]:
        """The first and last day the expression covers."""
        return parse_iso(self.date_start)[0], parse_iso(self.date_end)[1]


def covers(a: TimeExpr, b: TimeExpr | str) -> bool:
    """True when every day of b (an expression or an ISO string) lies within a."""
    lo, hi = a.bounds()
    b_lo, b_hi = b.bounds() if isinstance(b, TimeExpr) else parse_iso(b)
    return lo <= b_lo and b_hi <= hi


def latest_absolute(
    exprs: Iterable[TimeExpr], *, include_relative: bool = False
) -> TimeExpr | None:
    """The last expression in text order that is absolute, to carry forward as `previous`."""
    kept = [e for e in exprs if include_relative or not e.relative]
    return max(kept, key=lambda e: e.start_char) if kept else None


# ---- the tagger ----------------------------------------------------------------------------

_SINCE_BEFORE = re.compile(r"\b(?:[Ee]ver\s+)?[Ss]ince\s+$")
_FROM_BEFORE = re.compile(r"\b[Ff]rom\s+$")
_ONWARD_AFTER = re.compile(r"\s+(?:on(?:wards?)?|and\s+(?:beyond|after))\b")


def _candidates(text: str, anchor: dt.date | None) -> Iterator[Cand]:
    yield from find_absolute(text)
    for p in find_periods(text, anchor):
        yield Cand(
            p.start_char,
            p.end_char,
            p.rule,
            True,
            dates=(p.date_start, p.date_end),
            precision="year",
            open_end=p.open_end,
        )
    yield from find_relative(text)


def _select(text: str, cands: Iterable[Cand]) -> list[Cand]:
    """Longest first, then earlier pattern; drops year-like quantities and what they cover."""
    kept: list[Cand] = []
    blocked: list[tuple[int, int]] = []
    ordered = sorted(enumerate(cands), key=lambda ic: (ic[1].start - ic[1].end, ic[0]))
    for _, c in ordered:
        if any(c.start < e and s < c.end for s, e in blocked + [(k.start, k.end) for k in kept]):
            continue
        if c.rule in YEAR_RULES and is_quantity(text, c):
            blocked.append((c.start, c.end))
            continue
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _expr(text: str, c: Cand, dates: Dates, anchor: dt.date | None) -> TimeExpr:
    start, end, open_end, rule = c.start, c.end, c.open_end, c.rule
    onward = _ONWARD_AFTER.match(text, end)
    opener = _SINCE_BEFORE.search(text, max(0, start - 12), start) or (
        _FROM_BEFORE.search(text, max(0, start - 6), start) if onward else None
    )
    if opener is not None:
        start, open_end, rule = opener.start(), True, "since"
        end = onward.end() if onward else end
    if open_end and anchor is not None and cal.at_anchor(anchor, dates[1]) > dates[1]:
        dates = (dates[0], cal.at_anchor(anchor, dates[1]))
    precision = c.precision or cal.iso_precision(dates[0])
    return TimeExpr(
        start, end, text[start:end], dates[0], dates[1], precision, rule, c.relative, open_end
    )


def tag_dates(
    text: str, *, anchor: dt.date | None = None, previous: TimeExpr | None = None
) -> list[TimeExpr]:
    """The time expressions of text, in text order, each resolved to ISO dates.

    anchor: the document's publication date ("last week", "yesterday", "since X" upper bound).
    previous: the latest absolute date of earlier sentences ("the same year", "a year later").
    Relative expressions that neither resolves are left out.
    """
    prev = None if previous is None else Ref(-1, -1, previous.date_start, previous.date_end)
    ctx = Context(text, anchor, prev)
    chosen = _select(text, _candidates(text, anchor))
    ctx.refs = [Ref(c.start, c.end, *c.dates) for c in chosen if c.dates is not None]
    out = []
    for c in chosen:
        dates = c.dates if c.dates is not None else c.resolve(ctx) if c.resolve else None
        if dates is not None and dates[0] <= dates[1]:
            out.append(_expr(text, c, dates, anchor))
    return out
