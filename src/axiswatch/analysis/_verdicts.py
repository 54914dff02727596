"""The verification record and the helpers every claim check shares."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import duckdb
import pycountry

from axiswatch.store.reference import list_datasets

Verdict = Literal["supported", "contradicted", "partly", "unverifiable"]
VERDICTS: tuple[str, ...] = ("supported", "contradicted", "partly", "unverifiable")

_CODE = re.compile(r"^[A-Z]{3}$")
_NAMES = {
    "SUN": "Soviet Union",
    "TWN": "Taiwan",
    "PRK": "North Korea",
    "KOR": "South Korea",
    "RUS": "Russia",
    "USA": "United States",
    "GBR": "United Kingdom",
}


@dataclass(frozen=True)
class Verification:
    """The verdict on one claim, with the dataset and the rows that decided it."""

    claim_id: str
    verdict: Verdict
    explanation: str
    dataset: str | None = None
    dataset_version: str | None = None
    reference_rows: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with every field."""
        return asdict(self)


def actor_code(value: Any) -> str | None:
    """An ISO alpha-3-like actor code (``PRK``), or None for anything else."""
    return value if isinstance(value, str) and _CODE.match(value) else None


def actor_codes(value: Any) -> list[str] | None:
    """A list of actor codes from a code or a list of codes; None if any item is not one."""
    items = value if isinstance(value, list) else [value]
    codes = [actor_code(item) for item in items]
    if not items or any(code is None for code in codes):
        return None
    return [code for code in codes if code]


def time_window(time: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of an ISO date or interval: ``2014-03``, ``2022``, ``2017/2018``."""
    if not time:
        return None
    parts = time.split("/")
    if len(parts) > 2:
        return None
    first, last = _day_bounds(parts[0]), _day_bounds(parts[-1])
    if first is None or last is None:
        return None
    return first[0], last[1]


def _day_bounds(text: str) -> tuple[dt.date, dt.date] | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    if not match:
        return None
    year = int(match[1])
    month, day = (int(g) if g else None for g in match.groups()[1:])
    try:
        if day is not None and month is not None:
            d = dt.date(year, month, day)
            return d, d
        if month is not None:
            return dt.date(year, month, 1), dt.date(
                year, month, calendar.monthrange(year, month)[1]
            )
    except ValueError:
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def window_label(window: tuple[dt.date, dt.date]) -> str:
    """``2014-03`` for a month, ``2022`` for a year, ``2014-03-27`` for a day, else a range."""
    lo, hi = window
    if lo == hi:
        return lo.isoformat()
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31):
        return str(lo.year) if lo.year == hi.year else f"{lo.year}–{hi.year}"
    month_end = calendar.monthrange(lo.year, lo.month)[1]
    if lo.day == 1 and (hi.year, hi.month, hi.day) == (lo.year, lo.month, month_end):
        return f"{lo:%Y-%m}"
    return f"{lo.isoformat()}–{hi.isoformat()}"


def latest_dataset(con: duckdb.DuckDBPyConnection, kind: str) -> dict[str, Any] | None:
    """The most recently imported dataset of a kind (``factbook``, ``un_votes``…)."""
    found = list_datasets(con, kind)
    return found[0] if found else None


def latest_per_dataset(con: duckdb.DuckDBPyConnection, kind: str) -> list[dict[str, Any]]:
    """The most recent version of each dataset of a kind, newest import first."""
    chosen: dict[str, dict[str, Any]] = {}
    for row in list_datasets(con, kind):
        chosen.setdefault(row["dataset"], row)
    return list(chosen.values())


def country_name(code: str, factbook_names: dict[str, str] | None = None) -> str:
    """A readable name for an actor code: the Factbook's short name, else ISO's, else the code."""
    if factbook_names and code in factbook_names:
        return factbook_names[code]
    if code in _NAMES:
        return _NAMES[code]
    found = pycountry.countries.get(alpha_3=code)
    if found is not None:
        return str(getattr(found, "common_name", None) or found.name)
    return code


def factbook_names(con: duckdb.DuckDBPyConnection, dataset: str, version: str) -> dict[str, str]:
    """ISO alpha-3 → Factbook short name for one imported Factbook version."""
    rows = con.execute(
        "SELECT country, min(name) FROM factbook_profiles WHERE dataset = ? AND "
        "dataset_version = ? GROUP BY country",
        [dataset, version],
    ).fetchall()
    return {code: name for code, name in rows if name}


def unverifiable(claim_id: str, reason: str, **provenance: Any) -> Verification:
    """An unverifiable verdict whose explanation says what would be needed."""
    return Verification(claim_id, "unverifiable", reason, **provenance)


def number(value: float) -> str:
    """``1,352`` for whole numbers, ``0.15`` otherwise."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
