"""YAML front matter at the top of a text or Markdown file."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import yaml

from axiswatch.errors import IngestError

_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
KNOWN_FIELDS = ("title", "url", "publisher", "published", "language", "sources")


MAX_FRONT_MATTER = 64 * 1024
"""The most front matter a document may carry (characters)."""


def split_front_matter(text: str, *, path: str) -> tuple[dict[str, Any], str]:
    """Split ``---`` fenced YAML front matter from the body; ({}, text) when there is none.

    Line endings are read as LF first (a file saved with CRLF has the same front matter).
    """
    if "\r" in text[:MAX_FRONT_MATTER]:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = _FENCE.match(text)
    if not match:
        return {}, text
    if len(match.group(1)) > MAX_FRONT_MATTER:
        raise IngestError(path, f"front matter is over {MAX_FRONT_MATTER // 1024} KB: shorten it")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 2}" if mark is not None else ""
        problem = " ".join(str(getattr(e, "problem", None) or e).split())
        raise IngestError(path, f"front matter{where} is not valid YAML: {problem}") from e
    except (ValueError, TypeError, OverflowError, RecursionError) as e:
        # valid YAML that is no value of ours: a month 13, a list as a key, deep nesting
        problem = " ".join(str(e).split())[:200]
        raise IngestError(path, f"front matter has a value that cannot be read: {problem}") from e
    if not isinstance(meta, dict):
        raise IngestError(path, "front matter must be a YAML mapping of field: value")
    if not all(isinstance(k, str) for k in meta):
        bad = next(k for k in meta if not isinstance(k, str))
        raise IngestError(path, f"front matter key {bad} is not a field name: write name: value")
    try:
        json.dumps(meta, default=str)
    except (ValueError, TypeError, RecursionError) as e:
        raise IngestError(path, f"front matter cannot be stored ({e}): write plain values") from e
    meta["published"], precision = _coerce_date(meta.get("published"), path=path)
    if precision != "day":
        meta["published_precision"] = precision
    for name in ("title", "url", "publisher", "language"):
        if meta.get(name) is not None and not isinstance(meta[name], str | int | float):
            raise IngestError(path, f"front matter field {name!r} must be text")
    return meta, text[match.end() :]


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?")


def _coerce_date(value: Any, *, path: str) -> tuple[dt.date | None, str]:
    """The publication date and its precision: YYYY-MM-DD (day), YYYY-MM (month) or YYYY (year).

    A month or a year is kept as its first day, with the precision saying how much is known.
    """
    if value is None or isinstance(value, dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value), "day"
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text), "day"
    except ValueError:
        pass
    partial = _PARTIAL_DATE.fullmatch(text)
    if partial and 1 <= int(partial[2] or 1) <= 12:
        return dt.date(int(partial[1]), int(partial[2] or 1), 1), (
            "month" if partial[2] else "year"
        )
    raise IngestError(
        path,
        f"front matter field 'published' is {value!r}: write it as YYYY-MM-DD, YYYY-MM or YYYY",
    )
