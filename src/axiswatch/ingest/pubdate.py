"""Find a publication date that a document states near its top ("Release Date : 2024-04-10")."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_LABEL = (
    r"(?:release\s+date|publication\s+date|date\s+of\s+publication|date\s+published|"
    r"published(?:\s+on)?|posted(?:\s+on)?|first\s+published|date)"
)
_MONTHS = [name.lower() for name in calendar.month_name[1:]]
_MONTH_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_VALUE = (
    r"(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<dmy>\d{1,2})[./](?P<dmy_m>\d{1,2})[./](?P<dmy_y>\d{4})"
    rf"|(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_RE})\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_RE})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
)
_LINE = re.compile(rf"^\s*{_LABEL}\s*[:\-–—]?\s*(?:{_VALUE})\b", re.IGNORECASE | re.MULTILINE)
HEAD_CHARS = 3000


def _month(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(key))


def detect_published(text: str) -> dt.date | None:
    """The publication date stated on a labelled line in the first part of the text, if any."""
    for match in _LINE.finditer(text[:HEAD_CHARS]):
        g = match.groupdict()
        try:
            if g["iso"]:
                return dt.date.fromisoformat(g["iso"])
            if g["dmy"]:
                return dt.date(int(g["dmy_y"]), int(g["dmy_m"]), int(g["dmy"]))
            if g["d1"]:
                return dt.date(int(g["y1"]), _month(g["m1"]), int(g["d1"]))
            if g["m2"]:
                return dt.date(int(g["y2"]), _month(g["m2"]), int(g["d2"]))
        except (ValueError, StopIteration):
            continue
    return None
