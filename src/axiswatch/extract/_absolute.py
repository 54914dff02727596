"""Absolute date patterns and their handlers (private to axiswatch.extract.dates).

Each pattern's handler turns a match into a candidate with fixed dates, or, for a day or
month written without a year, a candidate with a resolver that takes the year from context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial

from axiswatch.extract import _calendar as cal
from axiswatch.extract._relative import Cand, Context, Dates

# ---- regex fragments -----------------------------------------------------------------------

_MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_MONTH_NUM = {n: i for i, n in enumerate(_MONTH_NAMES, 1)} | {
    n[:3]: i for i, n in enumerate(_MONTH_NAMES, 1)
}
_MONTH_NUM["Sept"] = 9
_ABBR = "Sept|" + "|".join(n[:3] for n in _MONTH_NAMES if n != "May")
_DASH = "[-‐‑‒–—―−]"
_CONN = rf"(?:\s*{_DASH}\s*|\s+(?:to|through|thru|until|till)\s+)"
_PRE = r"(?:\b(?P<btw>[Bb]etween)\s+|\b[Ff]rom\s+)?"
_JOIN = rf"(?(btw)\s+and\s+|{_CONN})"
_SEPY = r"(?:\s*,\s*|\s+)"
_OF = r"(?:\s*,\s*|\s+(?:of\s+)?)"
_END = r"(?![\w%])(?![.,/]\d)(?!-[^\W\d_])"
_NOT_AFTER = r"(?<![\w$€£¥₩₽/.\-–—])(?<!\d[.,])"
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_QPART = r"(?:\b(?P<q>(?i:early|mid|late))(?:\s*-\s*|\s+))"
_QOF = r"(?:\b(?P<q2>(?i:beginning|start|end|middle))\s+of\s+)"
_THE = r"(?:\b[Tt]he\s+)?"


def _mon(g: str) -> str:
    return rf"(?<!\w)(?P<{g}>(?:{'|'.join(_MONTH_NAMES)})\b|(?:{_ABBR})\b\.?)"


def _day(g: str) -> str:
    return rf"(?<![\d.,/])(?P<{g}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"


def _yr(g: str) -> str:
    return rf"(?P<{g}>1[89]\d\d|20\d\d|2100)"


def _opt_year(g: str, sep: str = _SEPY) -> str:
    return rf"(?:{sep}{_yr(g)}{_END})?"


# ---- handlers: match -> candidate ----------------------------------------------------------

_PART = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}
_SEASON = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINAL |= {"fourth": 4, "4th": 4, "last": 4, "final": 4, "latter": 2}
_CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20}
_CENTURY_WORDS |= {"twenty-first": 21, "twenty first": 21}

Handler = Callable[[re.Match[str]], Cand | None]


def _fixed(m: re.Match[str], rule: str, dates: Dates | None, precision: str) -> Cand | None:
    if dates is None or None in dates or dates[0] > dates[1]:
        return None
    return Cand(m.start(), m.end(), rule, False, dates=dates, precision=precision)


def _int(m: re.Match[str], g: str) -> int | None:
    return int(m[g]) if m[g] is not None else None


def _month(m: re.Match[str], g: str) -> int:
    return _MONTH_NUM[m[g].rstrip(".")]


def _days(rule: str, m: re.Match[str], y1: int | None, y2: int | None) -> Cand | None:
    """A day or a span of days; without a year it is resolved from the context."""
    m1 = _month(m, "m1" if "m1" in m.re.groupindex else "m")
    m2 = _month(m, "m2") if "m2" in m.re.groupindex else m1
    d1 = int(m["d1"] if "d1" in m.re.groupindex else m["d"])
    d2 = int(m["d2"]) if "d2" in m.re.groupindex else d1
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2
    if y1 is not None:
        if y2 is None:
            y2 = y1 + 1 if (m1, d1) > (m2, d2) else y1
        return _fixed(m, rule, (cal.day(y1, m1, d1), cal.day(y2, m2, d2)), "day")
    if d1 == d2 and m1 == m2 and not _prep_before(m):
        return None

    def resolve(c: Context) -> Dates | None:
        y = c.year_for(m1, d1, m.span())
        if y is None:
            return None
        end = cal.day(y + 1 if (m1, d1) > (m2, d2) else y, m2, d2)
        start = cal.day(y, m1, d1)
        return (start, end) if start and end and start <= end else None

    return Cand(m.start(), m.end(), rule, True, resolve=resolve)


_PREP_BEFORE = re.compile(
    r"(?:\b(?:on|by|until|till|since|before|after|from|through|to|and|or|of|between)|,|^)\s*$",
    re.IGNORECASE,
)


def _prep_before(m: re.Match[str]) -> bool:
    """A preposition, comma or weekday before a day written without a year ("on April 25")."""
    if re.match(r"[A-Z][a-z]+day", m[0]):
        return True
    return _PREP_BEFORE.search(m.string, max(0, m.start() - 12), m.start()) is not None


def _h_days(rule: str, m: re.Match[str]) -> Cand | None:
    groups = m.re.groupindex
    y2 = _int(m, "y2") if "y2" in groups else _int(m, "y")
    return _days(rule, m, _int(m, "y1") if "y1" in groups else None, y2)


def _h_iso(m: re.Match[str]) -> Cand | None:
    d = cal.day(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _fixed(m, "numeric_iso", (d, d), "day")


def _h_dotted(m: re.Match[str]) -> Cand | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    d = cal.day(y, b, a) if b <= 12 else cal.day(y, a, b)
    return _fixed(m, "numeric_dotted", (d, d), "day")


def _h_slash(m: re.Match[str]) -> Cand | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    day_first = a > 12 or a == b or (b <= 12 and _slash_order(m.string))
    month_first = b > 12 or (a <= 12 and _slash_order(m.string) is False)
    if day_first or month_first:
        d = cal.day(y, b, a) if day_first else cal.day(y, a, b)
        return _fixed(m, "numeric_slash", (d, d), "day")
    return _fixed(m, "numeric_slash_ambiguous", (cal.year(y), cal.year(y)), "year")


def _slash_order(text: str) -> bool | None:
    """Day-first (True) or month-first (False) as the unambiguous slash dates of text show."""
    orders = set()
    for m in _SLASH.finditer(text):
        a, b = int(m[1]), int(m[2])
        if a > 12 >= b:
            orders.add(True)
        elif b > 12 >= a:
            orders.add(False)
    return orders.pop() if len(orders) == 1 else None


_SLASH = re.compile(r"(?<![\w./])(\d{1,2})/(\d{1,2})/\d{4}")


def _h_month_span(m: re.Match[str]) -> Cand | None:
    m1, m2, y2 = _month(m, "m1"), _month(m, "m2"), int(m["y2"])
    y1 = _int(m, "y1") or (y2 - 1 if m1 > m2 else y2)
    return _fixed(m, "month_span", (cal.month(y1, m1), cal.month(y2, m2)), "month")


def _h_month_year(m: re.Match[str]) -> Cand | None:
    d = cal.month(int(m["y"]), _month(m, "m"))
    return _fixed(m, "month_year", (d, d), "month")


def _h_month_alone(m: re.Match[str]) -> Cand | None:
    mo = _month(m, "m")
    if not _MONTH_PREP.search(m.string, max(0, m.start() - 12), m.start()):
        return None

    def resolve(c: Context) -> Dates | None:
        y = c.year_for(mo, 15, m.span())
        return None if y is None else (cal.month(y, mo), cal.month(y, mo))

    return Cand(m.start(), m.end(), "month_alone", True, resolve=resolve)


_MONTH_PREP = re.compile(
    r"\b(?:in|during|by|until|till|since|through|from|to|of|before|after|between)\s+$",
    re.IGNORECASE,
)


def _h_month_part(m: re.Match[str]) -> Cand | None:
    part = _PART[(m["q"] or m["q2"]).lower()]
    mo, y = _month(m, "m"), _int(m, "y")

    def dates(year: int) -> Dates:
        last = cal.month_len(year, mo)
        first_day, last_day = [(1, 10), (11, 20), (21, last)][part]
        return f"{cal.month(year, mo)}-{first_day:02d}", f"{cal.month(year, mo)}-{last_day:02d}"

    if y is not None:
        return _fixed(m, "month_part", dates(y), "day")

    def resolve(c: Context) -> Dates | None:
        year = c.year_for(mo, 15, m.span())
        return None if year is None else dates(year)

    return Cand(m.start(), m.end(), "month_part", True, resolve=resolve)


def _h_season(m: re.Match[str]) -> Cand | None:
    season, y = m["s"].lower(), int(m["y"])
    y2 = m["y2"]
    if season == "winter":
        if y2 is None:
            return _fixed(m, "season", (cal.year(y), cal.year(y)), "year")
        end = int(y2) if len(y2) == 4 else y // 100 * 100 + int(y2)
        if end != y + 1:
            return None
        return _fixed(m, "season", (cal.month(y, 12), cal.month(end, 2)), "month")
    if y2 is not None:
        return None
    lo, hi = _SEASON[season]
    return _fixed(m, "season", (cal.month(y, lo), cal.month(y, hi)), "month")


def _h_quarter(m: re.Match[str]) -> Cand | None:
    g = m.groupdict()
    q = int(g["q"]) if g.get("q") else _ORDINAL[g["qw"].lower()]
    y = int(m["y"])
    return _fixed(m, "quarter", (cal.month(y, 3 * q - 2), cal.month(y, 3 * q)), "month")


def _h_half(m: re.Match[str]) -> Cand | None:
    g = m.groupdict()
    h = int(g["h"]) if g.get("h") else _ORDINAL[g["hw"].lower()]
    if h not in (1, 2):
        return None
    y = int(m["y"])
    return _fixed(m, "half_year", (cal.month(y, 6 * h - 5), cal.month(y, 6 * h)), "month")


def _h_year_part(m: re.Match[str]) -> Cand | None:
    part, y = _PART[(m["q"] or m["q2"]).lower()], int(m["y"])
    lo, hi = [(1, 4), (5, 8), (9, 12)][part]
    return _fixed(m, "year_part", (cal.month(y, lo), cal.month(y, hi)), "month")


def _years(m: re.Match[str], rule: str, lo: int, hi: int, precision: str) -> Cand | None:
    q = m["q"]
    if q is not None:
        third = (hi - lo + 1) / 3
        k = _PART[q.lower()]
        lo, hi = lo + round(k * third), lo + round((k + 1) * third) - 1
        rule, precision = rule + "_part", "year"
    return _fixed(m, rule, (cal.year(lo), cal.year(hi)), precision)


def _h_decade(m: re.Match[str]) -> Cand | None:
    start = int(m["dec"])
    if start % 100 == 0 and start < 2000:
        return _years(m, "century", start, start + 99, "century")
    return _years(m, "decade", start, start + 9, "decade")


def _h_century(m: re.Match[str]) -> Cand | None:
    word = " ".join(m["ord"].lower().split())
    n = _CENTURY_WORDS.get(word) or int(re.sub(r"\D", "", word))
    return _years(m, "century", (n - 1) * 100 + 1, n * 100, "century")


def _h_year_span(m: re.Match[str]) -> Cand | None:
    y1 = int(m["y1"])
    if m["y2"]:
        y2 = int(m["y2"])
    else:
        short = m["yy"] or m["ys"]
        if len(short) == 4:
            y2 = int(short)
        else:
            y2 = y1 // 100 * 100 + int(short)
            y2 += 100 if y2 <= y1 else 0
            if y2 - y1 > 10:
                return None
    if not y1 < y2 <= 2100:
        return None
    return _fixed(m, "year_span", (cal.year(y1), cal.year(y2)), "year")


def _h_year_open(m: re.Match[str]) -> Cand | None:
    y = cal.year(int(m["y1"]))
    return Cand(
        m.start(), m.end(), "year_span_open", False, dates=(y, y), precision="year", open_end=True
    )


def _h_year(m: re.Match[str]) -> Cand | None:
    y = cal.year(int(m["y"]))
    return _fixed(m, "year", (y, y), "year")


_Pattern = tuple[re.Pattern[str], Handler, str]


def _p(lead: str, pattern: str, handler: Handler | str, needs: str = "digit") -> _Pattern:
    """A compiled pattern with its handler (a rule name means a day handler).

    lead: the characters a match can start with (a fast filter; "" for any); needs: what the
    text must hold near a match, "digit", "month" (a month name), "month+digit" or "".
    """
    if isinstance(handler, str):
        handler = partial(_h_days, handler)
    return re.compile((f"(?=[{lead}])" if lead else "") + pattern), handler, needs


_L_MON = "JFMASOND"
_L_DAY = "0-9"
_L_PRE = "BbFf"
_L_PART = "TtEeMmLlBbSs"
_DM = rf"{_day('d')}(?:\s+of)?\s+{_mon('m')}"
_PATTERNS: list[_Pattern] = [
    _p(
        _L_PRE + _L_MON + "TW",
        rf"{_PRE}{_WEEKDAY}{_mon('m1')}\s+{_day('d1')}{_opt_year('y1')}{_JOIN}{_mon('m2')}\s+"
        rf"{_day('d2')}{_opt_year('y2')}",
        "day_span_cross_month_first",
        "month+digit",
    ),
    _p(
        _L_PRE + _L_MON,
        rf"{_PRE}{_mon('m')}\s+{_day('d1')}{_JOIN}{_day('d2')}{_opt_year('y')}",
        "day_span_month_first",
        "month+digit",
    ),
    _p(
        _L_PRE + _L_DAY,
        rf"{_PRE}{_day('d1')}(?:\s+of)?\s+{_mon('m1')}{_opt_year('y1')}{_JOIN}{_day('d2')}"
        rf"(?:\s+of)?\s+{_mon('m2')}{_opt_year('y2')}",
        "day_span_cross_day_first",
        "month+digit",
    ),
    _p(
        _L_PRE + _L_DAY,
        rf"{_PRE}{_day('d1')}{_JOIN}{_day('d2')}(?:\s+of)?\s+{_mon('m')}{_opt_year('y')}",
        "day_span_day_first",
        "month+digit",
    ),
    _p(
        _L_MON + "TW",
        rf"{_WEEKDAY}{_mon('m')}\s+{_day('d')}{_opt_year('y')}",
        "day_month_first",
        "month+digit",
    ),
    _p(
        "MTWFSt" + _L_DAY,
        rf"{_WEEKDAY}{_THE}{_DM}{_opt_year('y')}",
        "day_day_first",
        "month+digit",
    ),
    _p(
        "12",
        rf"(?<![\w\-/.]){_yr('y')}-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])",
        _h_iso,
    ),
    _p(_L_DAY, rf"(?<![\w.\-/])(?P<a>\d{{1,2}})\.(?P<b>\d{{1,2}})\.{_yr('y')}{_END}", _h_dotted),
    _p(_L_DAY, rf"(?<![\w.\-/])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/{_yr('y')}{_END}", _h_slash),
    _p(
        _L_PRE + _L_MON,
        rf"{_PRE}{_mon('m1')}(?:\s+{_yr('y1')})?{_JOIN}{_mon('m2')}{_OF}{_yr('y2')}{_END}",
        _h_month_span,
        "month+digit",
    ),
    _p(_L_MON, rf"{_mon('m')}{_OF}{_yr('y')}{_END}", _h_month_year, "month+digit"),
    _p(_L_MON, rf"{_mon('m')}(?!\s*\d)(?![’']s)", _h_month_alone, "month"),
    _p(
        _L_PART,
        rf"{_THE}(?:{_QPART}|{_QOF}){_mon('m')}{_opt_year('y', _OF)}",
        _h_month_part,
        "month",
    ),
    _p(
        "TtSsAaFfWw",
        rf"{_THE}\b(?P<s>(?i:spring|summer|autumn|fall|winter))(?:\s+of)?\s+{_yr('y')}"
        rf"(?:(?:{_DASH}|/)(?P<y2>\d{{4}}|\d{{2}}))?{_END}",
        _h_season,
    ),
    _p("Q", rf"\bQ(?P<q>[1-4])(?:\s+of\s+|\s*[-/]?\s*){_yr('y')}{_END}", _h_quarter),
    _p(
        "TtFfSsLl1-4",
        rf"{_THE}\b(?P<qw>(?i:first|second|third|fourth|last|final|1st|2nd|3rd|4th))\s+"
        rf"quarter\s+of\s+(?:the\s+year\s+)?{_yr('y')}{_END}",
        _h_quarter,
    ),
    _p("H", rf"\bH(?P<h>[12])(?:\s+of\s+|\s*[-/]?\s*){_yr('y')}{_END}", _h_half),
    _p(
        "TtFfSsLl",
        rf"{_THE}\b(?P<hw>(?i:first|second|latter))\s+half\s+of\s+{_yr('y')}{_END}",
        _h_half,
    ),
    _p(_L_PART, rf"{_THE}(?:{_QPART}|{_QOF}(?:the\s+year\s+)?){_yr('y')}{_END}", _h_year_part),
    _p(
        _L_PART + "12",
        rf"{_THE}{_QPART}?(?<![\w$])(?P<dec>1[89]\d0|20\d0)[’']?s\b",
        _h_decade,
    ),
    _p(
        _L_PART + "Nn" + _L_DAY,
        rf"{_THE}{_QPART}?\b(?P<ord>(?:1\d|2[0-2]|[1-9])(?:st|nd|rd|th)|(?i:eighteenth|"
        rf"nineteenth|twentieth|twenty[-\s]first))\s+(?i:century)\b",
        _h_century,
        "",
    ),
    _p(
        _L_PRE + "12",
        rf"{_PRE}{_NOT_AFTER}{_yr('y1')}(?:{_JOIN}{_yr('y2')}{_END}|{_DASH}(?P<yy>\d{{2}}){_END}"
        rf"|/(?P<ys>\d{{4}}|\d{{2}}){_END})",
        _h_year_span,
    ),
    _p(
        "12",
        rf"{_NOT_AFTER}{_yr('y1')}(?:\s*{_DASH}\s*|\s+(?:to|until|till|through)\s+)"
        rf"(?i:present|now|today|date)\b",
        _h_year_open,
    ),
    _p("12", rf"{_NOT_AFTER}{_yr('y')}{_END}", _h_year),
]

# ---- quantities that look like years -------------------------------------------------------

YEAR_RULES = frozenset({"year", "year_span", "year_span_open"})
_STRONG_UNIT = (
    r"%|per\s*cent|percent|pct|km2?|kms|kilomet(?:er|re)s?|mi|miles?|m|meters?|metres?|ft|"
    r"feet|sq|square|hectares?|ha|acres?|kg|kilograms?|lbs?|tons?|tonnes?|barrels?|bbl|bpd|"
    r"mw|gw|kw|kwh|mt|bcm|cubic|liters?|litres?|dollars|euros|yuan|renminbi|rubles|roubles|"
    r"yen|usd|eur|rmb|hours|hrs|minutes|mins|seconds|gmt|utc|[ap]\.m\."
)
_WEAK_UNIT = (
    r"people|persons|individuals|residents|inhabitants|citizens|nationals|troops|soldiers|"
    r"servicemen|personnel|officers|fighters|workers|refugees|migrants|civilians|casualties|"
    r"deaths|victims|prisoners|hostages|delegates|participants|tanks|vehicles|aircraft|"
    r"planes|jets|helicopters|ships|vessels|boats|submarines|missiles|rockets|shells|rounds|"
    r"projectiles|drones|weapons|guns|rifles|warheads|munitions|units|pieces|items|"
    r"containers|cars|trucks|votes|seats|companies|firms|projects|cases|times|words|pages|"
    r"days|weeks|months|years|decades|km/h|strong"
)
_STRONG_AFTER = re.compile(rf"\s*(?:{_STRONG_UNIT})(?!\w)", re.IGNORECASE)
_WEAK_AFTER = re.compile(rf"\s*(?:{_WEAK_UNIT})(?!\w)", re.IGNORECASE)
_NUMBER_AFTER = re.compile(rf"\s*(?:and|or|to|{_DASH})\s*(\d+(?:[,.]\d+)*)")
_NUMBER_BEFORE = re.compile(rf"(\d+(?:[,.]\d+)*)\s*(?:and|or|to|{_DASH})\s*$")
_TEMPORAL_BEFORE = re.compile(
    r"\b(?:in|since|by|until|till|during|of|from|after|before|early|late|mid|the|year)\s+$",
    re.IGNORECASE,
)
_QUANTITY_BEFORE = re.compile(
    r"(?:\b(?:pp?|pages?|nos?|numbers?|vol|art|articles?|para|paragraphs?|resolutions?|res|"
    r"decrees?|laws?|sections?|chapters?|flights?|routes?|isbn|tel|figs?|figures?|tables?|"
    r"more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|nearly|almost|"
    r"approximately|approx|roughly|some|total\s+of)\.?|[$€£¥₩₽#№]|\b(?:USD|EUR|RMB|CNY|KRW|"
    r"RUB|JPY|GBP))\s*$",
    re.IGNORECASE,
)


def _is_year(s: str) -> bool:
    return len(s) == 4 and s.isdigit() and 1800 <= int(s) <= 2100


def is_quantity(text: str, c: Cand) -> bool:
    """True when a year-like number is a count, a sum or a reference number."""
    lo = max(0, c.start - 30)
    if _QUANTITY_BEFORE.search(text, lo, c.start) or _STRONG_AFTER.match(text, c.end):
        return True
    if _WEAK_AFTER.match(text, c.end) and not _TEMPORAL_BEFORE.search(text, lo, c.start):
        return True
    n_after, n_before = _NUMBER_AFTER.match(text, c.end), _NUMBER_BEFORE.search(text, lo, c.start)
    return any(n is not None and not _is_year(n[1]) for n in (n_after, n_before))


_DIGITS = re.compile(r"\d+")
_ANY_MONTH = re.compile(_mon("m"))


def _windows(text: str, regex: re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged stretches of text around each match of regex: where a pattern that needs such
    a match can be, so that the pattern is not tried at every position of a long text."""
    out: list[tuple[int, int]] = []
    for m in regex.finditer(text):
        lo, hi = max(0, m.start() - 45), min(len(text), m.end() + 60)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def find_absolute(text: str) -> Iterator[Cand]:
    """Every absolute (or year-less day and month) candidate in text; overlaps included."""
    digits = _windows(text, _DIGITS)
    months = _windows(text, _ANY_MONTH)
    where = {"": [(0, len(text))], "digit": digits, "month": months}
    where["month+digit"] = months if digits else []
    for regex, handler, needs in _PATTERNS:
        for lo, hi in where[needs]:
            for m in regex.finditer(text, lo, hi):
                cand = handler(m)
                if cand is not None:
                    yield cand
