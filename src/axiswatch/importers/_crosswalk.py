"""Explicit code tables (package data) from publishers' country codes to ISO 3166 alpha-3.

- ``cow_iso3.csv``: Correlates of War codes present in the Voeten 2024 extract. Date-bounded
  rows carry METHODS §3.4: COW 365 is the USSR (SUN) before 1991-12-25 and Russia (RUS) after;
  the China seat (COW 710) is the Republic of China (TWN) before 1971-11-15 and the PRC (CHN)
  from then; COW 713 is the ROC; COW 345 is YUG, then SCG (2003-02-04), then SRB (2006-06-03).
  An empty ``iso3`` (Zanzibar) means the state has no ISO code: its rows are skipped.
- ``dgrtwo_iso2.csv``: the ISO alpha-2 codes of dgrtwo/unvotes that pycountry does not map as
  they are meant (RU, YU, CS, DD, YD, NA) and the three states whose code is empty there.
- ``gec_iso3.csv``: Factbook GEC file codes; ``factbook_names.csv``: other spellings of
  country names in Factbook border and partner lists.

Nothing is guessed: a code missing from a table is reported, never approximated.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycountry


@dataclass(frozen=True)
class CodeSpan:
    """One row of a date-aware table: ``code`` means ``iso3`` from ``start`` to ``end``."""

    code: str
    iso3: str | None
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date | None) -> bool:
        """Whether the row applies on ``day`` (an undated vote matches an open-ended row)."""
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


class UnknownCode(LookupError):
    """A code that the table does not list."""


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("axiswatch.importers").joinpath("data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _day(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _spans(rows: list[dict[str, str]], key: str) -> dict[str, list[CodeSpan]]:
    table: dict[str, list[CodeSpan]] = {}
    for row in rows:
        span = CodeSpan(
            row[key], row["iso3"] or None, _day(row["valid_from"]), _day(row["valid_to"])
        )
        table.setdefault(row[key], []).append(span)
    return table


def _resolve(table: dict[str, list[CodeSpan]], code: str, day: dt.date | None) -> str | None:
    spans = table.get(code)
    if not spans:
        raise UnknownCode(code)
    for span in spans:
        if span.covers(day):
            return span.iso3
    raise UnknownCode(f"{code} on {day}")


@cache
def _cow_table() -> dict[str, list[CodeSpan]]:
    return _spans(_rows("cow_iso3.csv"), "cow")


def cow_to_iso3(cow: str, day: dt.date | None) -> str | None:
    """ISO alpha-3 for a COW code on a date; None for a state without an ISO code."""
    return _resolve(_cow_table(), cow.strip(), day)


@cache
def _dgrtwo_tables() -> tuple[dict[str, list[CodeSpan]], dict[str, list[CodeSpan]]]:
    rows = _rows("dgrtwo_iso2.csv")
    by_code = _spans([r for r in rows if r["code"]], "code")
    by_name = _spans([r for r in rows if not r["code"]], "country")
    return by_code, by_name


def iso2_to_iso3(iso2: str, country: str, day: dt.date | None) -> str | None:
    """ISO alpha-3 for a dgrtwo/unvotes vote row (alpha-2 code, country name, vote date).

    The override table wins; other codes go through pycountry; an empty code is looked up by
    the country name.
    """
    by_code, by_name = _dgrtwo_tables()
    iso2 = iso2.strip()
    if not iso2:
        return _resolve(by_name, country.strip(), day)
    if iso2 in by_code:
        return _resolve(by_code, iso2, day)
    return _pycountry_alpha3(iso2.upper())


@cache
def _pycountry_alpha3(iso2: str) -> str:
    found = pycountry.countries.get(alpha_2=iso2)
    if found is None:
        raise UnknownCode(iso2)
    return str(found.alpha_3)


@cache
def gec_table() -> dict[str, tuple[str | None, str]]:
    """GEC code → (ISO alpha-3 or None for areas without one, Factbook short name)."""
    return {r["gec"]: (r["iso3"] or None, r["name"]) for r in _rows("gec_iso3.csv")}


def normalise_name(name: str) -> str:
    """A name folded for lookup: entities decoded, ``&`` as ``and``, spacing and case folded."""
    name = html.unescape(name).replace("&", " and ")
    return re.sub(r"\s+", " ", name).strip().casefold()


@cache
def _name_table() -> dict[str, str]:
    table = {normalise_name(name): iso3 for iso3, name in gec_table().values() if iso3}
    for row in _rows("factbook_names.csv"):
        table[normalise_name(row["name"])] = row["iso3"]
    return table


def factbook_name_to_iso3(name: str) -> str | None:
    """ISO alpha-3 for a country name as the Factbook writes it, or None when not listed."""
    return _name_table().get(normalise_name(name))
