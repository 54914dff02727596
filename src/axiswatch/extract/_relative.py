"""Relative time expressions ("a year before", "the same day", "last week", "on Monday").

Private to axiswatch.extract.dates: candidates here carry a resolver that needs the context
(the sentence's own absolute dates, the previous sentence's date, the document's anchor).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

from axiswatch.extract import _calendar as cal

Dates = cal.Dates


@dataclass(frozen=True)
class Ref:
    """A dated expression that relative ones count from (offsets are -1 for `previous`)."""

    start: int
    end: int
    date_start: str
    date_end: str


@dataclass
class Context:
    """What a relative expression may be resolved from, for one call of tag_dates."""

    text: str
    anchor: dt.date | None
    previous: Ref | None
    refs: list[Ref] = field(default_factory=list)

    @property
    def future(self) -> bool:
        """The text tells what is to come ("will visit ... on Tuesday")."""
        return _FUTURE.search(self.text) is not None

    def before(self, pos: int) -> Ref | None:
        """The last in-text date ending before pos, else the previous sentence's date."""
        return self._in_text_before(pos) or self.previous

    def _in_text_before(self, pos: int) -> Ref | None:
        found = [r for r in self.refs if r.end <= pos]
        return found[-1] if found else None

    def after(self, pos: int) -> Ref | None:
        """The first in-text date after pos in the same clause ("after X in 2014"), if any."""
        for r in self.refs:
            if r.start >= pos:
                gap = self.text[pos : r.start]
                return r if len(gap) <= 100 and not _CLAUSE_BREAK.search(gap) else None
        return None

    def year_for(self, month: int, day: int, span: tuple[int, int]) -> int | None:
        """The year of a month (and day) written without one.

        The year of the sentence's date before it, or right after it ("May 5 and June 3,
        2019"), or of the previous sentence's, when that is a single year; else the year
        that puts the day nearest the anchor (the earlier one on a tie).
        """
        in_text = self._in_text_before(span[0]) or self.after(span[1])
        ref = in_text or self.previous
        if ref is not None:
            lo, hi = cal.parse_iso(ref.date_start)[0], cal.parse_iso(ref.date_end)[1]
            if lo.year == hi.year:
                if in_text is None and self._moves_on(ref, month):
                    return lo.year + 1
                return self._not_after_anchor(lo.year, month, day)
        if self.anchor is None:
            return None
        a = self.anchor
        here = (a.year * 12 + a.month) * 31 + a.day
        years = (a.year - 1, a.year, a.year + 1)
        return min(years, key=lambda y: abs((y * 12 + month) * 31 + day - here))

    def _moves_on(self, previous: Ref, month: int) -> bool:
        """A month before the previous sentence's month, in a story that moves forward
        ("Dec 11 - ... " then "Jan 11 - ..."): the next year. Only from a previous date
        with its own month, and never past the publication date."""
        if "-" not in previous.date_start or previous.date_start[:4] != previous.date_end[:4]:
            return False
        prev_month = int(previous.date_start[5:7])
        nxt = int(previous.date_start[:4]) + 1
        a = self.anchor
        return month < prev_month and (a is None or (nxt, month) <= (a.year, a.month))

    def _not_after_anchor(self, year: int, month: int, day: int) -> int:
        """A day told as past cannot follow the publication: "Dec 2 - Trump speaks ..." in a
        timeline published on 10 February 2017 is 2 December 2016."""
        a = self.anchor
        if a is None or self.future or year != a.year:
            return year
        return year - 1 if (month, max(day, 1)) > (a.month, a.day) else year


Resolver = Callable[[Context], Dates | None]
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:to|due\s+to|set\s+to|scheduled\s+to|expected\s+to)|"
    r"plans?\s+to|to\s+take\s+place|to\s+be\s+held|upcoming|scheduled\s+for)\b",
    re.I,
)


@dataclass(frozen=True)
class Cand:
    """A match before overlap resolution: fixed dates, or a resolver run with the context."""

    start: int
    end: int
    rule: str
    relative: bool
    dates: Dates | None = None
    precision: str | None = None
    resolve: Resolver | None = None
    open_end: bool = False


_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—]|\.\s")
_ONES = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER = {w: i for i, w in enumerate(_ONES, 1)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_ONES_ALT = "|".join(sorted(_ONES, key=len, reverse=True))
_COUNT = rf"(?P<n>an?|\d{{1,3}}|(?:{'|'.join(_TENS)})(?:[-\s](?:{_ONES_ALT}))?|{_ONES_ALT})"
_UNIT = r"(?P<u>year|month|week|day|decade)s?"
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

_OFFSET = re.compile(
    rf"(?<![\w-]){_COUNT}\s+{_UNIT}\s+(?P<dir>after|before|later|earlier|prior|ago)\b",
    re.IGNORECASE,
)
_SAME = re.compile(
    r"\b(?:(?:later|earlier)\s+)?(?:the\s+same|that)\s+(?P<u>year|month|day)(?![\w-])",
    re.IGNORECASE,
)
_AT_THE_TIME = re.compile(r"\bat\s+(?:the|that)\s+time\b", re.IGNORECASE)
_NEXT = re.compile(
    r"(?<!over )(?<!within )(?<!for )(?<!during )\bthe\s+(?:(?P<dir>following|next|previous|"
    r"preceding|prior)\s+(?P<u>year|month|week|day)|(?P<u2>year|month|week|day)\s+"
    r"(?P<dir2>before|after))(?![\w-])",
    re.IGNORECASE,
)
_NOT_OWNED = "".join(rf"(?<!{w}\s)" for w in ("the", "his", "her", "its", "their", "our", "my"))
_DEICTIC = re.compile(
    rf"{_NOT_OWNED}\b(?:(?:earlier|later)\s+)?(?P<rel>last|this|next)\s+(?P<u>year|month|week)"
    r"(?![\w-])",
    re.IGNORECASE,
)
_DAY_WORD = re.compile(
    r"\b(?P<w>yesterday|tomorrow|today|tonight|this\s+(?:morning|afternoon|evening))\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    rf"\b(?P<pre>(?i:on|last|next|this\s+past|this\s+coming|since|early|late))\s+"
    rf"(?P<wd>{'|'.join(_WEEKDAYS)})(?:\s+(?i:morning|afternoon|evening|night))?\b"
)


def _count(word: str) -> int:
    w = word.lower()
    if w in ("a", "an"):
        return 1
    if w.isdigit():
        return int(w)
    parts = re.split(r"[-\s]+", w)
    return sum(_NUMBER[p] for p in parts)


def _offset(ref: Ref | None, amount: int, unit: str) -> Dates | None:
    """ref moved by amount units, counted from its end when moving later, else its start."""
    if ref is None:
        return None
    if unit == "decade":
        unit, amount = "year", amount * 10
    point = ref.date_end if amount > 0 else ref.date_start
    return cal.shift(point, amount, unit)


def _same(ref: Ref | None, unit: str) -> Dates | None:
    """The year, month or day of ref when ref lies within a single one of them."""
    if ref is None or cal.iso_precision(ref.date_start) not in _FINE_ENOUGH[unit]:
        return None
    lo, hi = cal.parse_iso(ref.date_start)[0], cal.parse_iso(ref.date_end)[1]
    a, b = cal.fmt(lo, unit), cal.fmt(hi, unit)
    return (a, a) if a == b else None


_FINE_ENOUGH = {"year": ("year", "month", "day"), "month": ("month", "day"), "day": ("day",)}


def _week(monday: dt.date) -> Dates:
    return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()


def _deictic(c: Context, rel: str, unit: str) -> Dates | None:
    anchor = c.anchor
    if anchor is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[rel]
    if unit == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
        return _week(monday)
    return cal.shift(cal.fmt(anchor, unit), step, unit)


def _weekday(c: Context, pre: str, name: str) -> Dates | None:
    """The named weekday nearest the anchor: after it for 'next' or in a text about what is
    to come ("will visit on Tuesday"), else on or before it."""
    anchor = c.anchor
    if anchor is None:
        return None
    target = _WEEKDAYS.index(name)
    if pre in ("next", "this coming"):
        d = anchor + dt.timedelta(days=(target - anchor.weekday() - 1) % 7 + 1)
    elif pre in ("last", "this past"):
        d = anchor - dt.timedelta(days=(anchor.weekday() - target - 1) % 7 + 1)
    elif c.future:
        d = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7)
    else:
        d = anchor - dt.timedelta(days=(anchor.weekday() - target) % 7)
    return d.isoformat(), d.isoformat()


_KEYS = (
    "time",
    "year",
    "month",
    "week",
    "day",
    "decade",
    "tomorrow",
    "tonight",
    "morning",
    "afternoon",
    "evening",
)


def find_relative(text: str) -> Iterator[Cand]:
    """Every relative candidate in text, each with its resolver."""
    lower = text.lower()
    if not any(k in lower for k in _KEYS):
        return
    for m in _OFFSET.finditer(text):
        yield _offset_cand(m)
    for m in _SAME.finditer(text):
        same = partial(_resolve_same, unit=m["u"].lower(), start=m.start())
        yield Cand(m.start(), m.end(), "same_as_previous", True, resolve=same)
    for m in _AT_THE_TIME.finditer(text):
        then = partial(_resolve_then, start=m.start())
        yield Cand(m.start(), m.end(), "at_the_time", True, resolve=then)
    for m in _NEXT.finditer(text):
        direction = (m["dir"] or m["dir2"]).lower()
        step = partial(
            _resolve_step,
            unit=(m["u"] or m["u2"]).lower(),
            amount=1 if direction in ("following", "next", "after") else -1,
            span=m.span(),
            has_object=m["dir2"] is not None,
        )
        yield Cand(m.start(), m.end(), "next_after_previous", True, resolve=step)
    for m in _DEICTIC.finditer(text):
        deictic = partial(_deictic, rel=m["rel"].lower(), unit=m["u"].lower())
        yield Cand(m.start(), m.end(), "anchor_deictic", True, resolve=deictic)
    for m in _DAY_WORD.finditer(text):
        word = m["w"].lower()
        day = partial(_anchor_day, step={"yesterday": -1, "tomorrow": 1}.get(word, 0))
        yield Cand(m.start(), m.end(), "anchor_day", True, resolve=day)
    for m in _WEEKDAY.finditer(text):
        pre = " ".join(m["pre"].lower().split())
        start = m.start("wd") if pre in ("on", "since") else m.start()
        weekday = partial(_weekday, pre=pre, name=m["wd"])
        yield Cand(start, m.end(), "anchor_weekday", True, resolve=weekday)


def _resolve_then(c: Context, start: int) -> Dates | None:
    """ "at the time": the date the text was at, as precise as it was."""
    ref = c.before(start)
    return (ref.date_start, ref.date_end) if ref is not None else None


def _resolve_same(c: Context, unit: str, start: int) -> Dates | None:
    return _same(c.before(start), unit)


def _resolve_step(
    c: Context, unit: str, amount: int, span: tuple[int, int], has_object: bool
) -> Dates | None:
    ref = c.after(span[1]) if has_object else None
    return _offset(ref or c.before(span[0]), amount, unit)


def _anchor_day(c: Context, step: int) -> Dates | None:
    if c.anchor is None:
        return None
    d = (c.anchor + dt.timedelta(days=step)).isoformat()
    return d, d


def _offset_cand(m: re.Match[str]) -> Cand:
    amount, unit, direction = _count(m["n"]), m["u"].lower(), m["dir"].lower()
    start, end = m.start(), m.end()
    if direction == "ago":

        def resolve(c: Context) -> Dates | None:
            if c.anchor is None:
                return None
            u = "year" if unit == "decade" else unit
            n = amount * 10 if unit == "decade" else amount
            return cal.shift(cal.fmt(c.anchor, "day" if u == "week" else u), -n, u)

        return Cand(start, end, "offset_from_anchor", True, resolve=resolve)
    sign = 1 if direction in ("after", "later") else -1
    has_object = direction in ("after", "before")

    def resolve_ref(c: Context) -> Dates | None:
        ref = c.after(end) if has_object else None
        return _offset(ref or c.before(start), sign * amount, unit)

    return Cand(start, end, "offset_from_date", True, resolve=resolve_ref)
