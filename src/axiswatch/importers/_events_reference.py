"""Code tables the event importers join to, loaded into DuckDB as temporary tables.

- ``_aw_actor_codes`` (code, iso3, valid_from, valid_to, kind, note): CAMEO 3-letter country
  blocks. Every current ISO 3166-1 alpha-3 code means itself; ``data/cameo_actor_codes.csv``
  (our own table) adds the CAMEO codes that differ (ROM, JAP, KSV...), former states with the
  days they existed (SUN, SCG...) and region and non-state blocks (no ISO code).
- ``_aw_country_names`` (name_key, iso3, valid_from, valid_to, note): ICEWS country names:
  pycountry's names, official and common names, plus ``data/icews_country_names.csv``.
- ``_aw_code_kinds`` (code, has_state) and ``_aw_name_kinds`` (name_key): what is known at all,
  to tell an unknown code from one used outside its dates.
- ``_aw_cameo`` (code, quad_class, goldstein, event_type, mode): every two- to four-digit
  string that :func:`axiswatch.ontology.cameo_code` accepts, with its nearest listed entry.
- ``_aw_cameo_names`` (name_key, code): CAMEO code names, for ICEWS files without a code column.
- ``_aw_plover_labels`` (label, event_type, mode, quad_class): PLOVER types and older labels.

Nothing is guessed: a code or name missing from these tables maps to no ISO code.
"""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from functools import cache
from importlib import resources

import duckdb
import pycountry

from axiswatch.errors import StoreError
from axiswatch.ontology import (
    LEGACY_LABELS,
    OTHER,
    PLOVER_TYPES,
    cameo_code,
    cameo_codes,
    cameo_to_plover,
    plover_type,
)

FIRST_DAY = dt.date(1, 1, 1)
LAST_DAY = dt.date(9999, 12, 31)


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("axiswatch.importers").joinpath("data", name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _day(value: str, default: dt.date) -> dt.date:
    return dt.date.fromisoformat(value) if value else default


def name_key(name: str) -> str:
    """A country name folded for lookup: accents stripped, apostrophes unified, case folded.

    The SQL side computes the same key with :data:`NAME_KEY_SQL`.
    """
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).strip().lower()


def name_key_sql(expr: str) -> str:
    """The SQL twin of :func:`name_key` for a column expression."""
    return f"lower(strip_accents(trim(replace({expr}, '’', ''''))))"


@cache
def actor_code_rows() -> tuple[tuple[str, str | None, dt.date, dt.date, str, str], ...]:
    """Rows of the actor-code table: (code, iso3, valid_from, valid_to, kind, note)."""
    listed = _data_rows("cameo_actor_codes.csv")
    rows = [
        (
            r["code"],
            r["iso3"] or None,
            _day(r["valid_from"], FIRST_DAY),
            _day(r["valid_to"], LAST_DAY),
            r["kind"],
            r["note"],
        )
        for r in listed
    ]
    overridden = {r["code"] for r in listed}
    rows += [
        (c.alpha_3, c.alpha_3, FIRST_DAY, LAST_DAY, "iso3", "ISO 3166-1 alpha-3")
        for c in pycountry.countries
        if c.alpha_3 not in overridden
    ]
    return tuple(rows)


def actor_code_iso3(code: str, day: dt.date) -> str | None:
    """ISO alpha-3 for a CAMEO country block on a day (Python twin of the SQL join).

    None for a region or non-state block, an unknown code or a day outside the code's span.
    """
    for c, iso3, start, end, _, _ in actor_code_rows():
        if c == code.strip().upper() and start <= day <= end:
            return iso3
    return None


@cache
def country_name_rows() -> tuple[tuple[str, str, dt.date, dt.date, str], ...]:
    """Rows of the country-name table: (name_key, iso3, valid_from, valid_to, note)."""
    rows: dict[tuple[str, dt.date], tuple[str, str, dt.date, dt.date, str]] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name:
                key = name_key(name)
                rows[(key, FIRST_DAY)] = (key, c.alpha_3, FIRST_DAY, LAST_DAY, "pycountry")
    for r in _data_rows("icews_country_names.csv"):
        key = name_key(r["name"])
        start = _day(r["valid_from"], FIRST_DAY)
        rows.pop((key, FIRST_DAY), None)
        rows[(key, start)] = (key, r["iso3"], start, _day(r["valid_to"], LAST_DAY), r["note"])
    return tuple(rows.values())


@cache
def _cameo_rows() -> dict[str, list]:
    codes, quads, scores, types, modes = [], [], [], [], []
    for root in range(1, 21):
        stem = f"{root:02d}"
        for suffix in ["", *(f"{i}" for i in range(10)), *(f"{i:02d}" for i in range(100))]:
            code = stem + suffix
            entry = cameo_code(code)
            event_type, mode = cameo_to_plover(code)
            codes.append(code)
            quads.append(entry.quad_class)
            scores.append(entry.goldstein)
            types.append(event_type)
            modes.append(mode)
    return {
        "code": codes,
        "quad_class": quads,
        "goldstein": scores,
        "event_type": types,
        "mode": modes,
    }


@cache
def _cameo_name_rows() -> dict[str, list]:
    """Code names (and names less ", not specified below") that name one code.

    A name shared by a code and its "not specified below" child (THREATEN, 130 "Threaten,
    not specified below") names the child; a name shared by unrelated codes names none.
    """
    by_key: dict[str, set[str]] = {}
    for entry in cameo_codes():
        for name in {entry.name, entry.name.removesuffix(", not specified below")}:
            by_key.setdefault(name_key(name), set()).add(entry.code)
    pairs = []
    for key, codes in sorted(by_key.items()):
        longest = max(codes, key=len)
        if all(longest.startswith(c) for c in codes):
            pairs.append((key, longest))
    return {"name_key": [k for k, _ in pairs], "code": [c for _, c in pairs]}


@cache
def _plover_rows() -> dict[str, list]:
    labels, types, modes, quads = [], [], [], []
    for name in PLOVER_TYPES:
        labels.append(name)
        types.append(name)
        modes.append(None)
        quads.append(plover_type(name).quad_class)
    for label, (name, mode) in LEGACY_LABELS.items():
        labels.append(label)
        types.append(name)
        modes.append(mode)
        quads.append(plover_type(name).quad_class)
    labels.append(OTHER)
    types.append(OTHER)
    modes.append(None)
    quads.append(None)
    return {"label": labels, "event_type": types, "mode": modes, "quad_class": quads}


def _sql_value(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, dt.date):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _create(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, list]) -> None:
    """A temporary table from columns of Python values (typed by DuckDB from the literals)."""
    names = list(columns)
    rows = zip(*columns.values(), strict=True)
    values = ", ".join("(" + ", ".join(_sql_value(v) for v in row) + ")" for row in rows)
    cols = ", ".join(names)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM (VALUES {values}) AS t({cols})"
    ).fetchall()


def _columns(rows: tuple[tuple, ...], names: tuple[str, ...]) -> dict[str, list]:
    return {n: [r[i] for r in rows] for i, n in enumerate(names)}


def load_reference_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create (or replace) the temporary code tables on this connection."""
    try:
        _create(
            con,
            "_aw_actor_codes",
            _columns(actor_code_rows(), ("code", "iso3", "valid_from", "valid_to", "kind", "note")),
        )
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _aw_code_kinds AS SELECT code, "
            "bool_or(iso3 IS NOT NULL) AS has_state FROM _aw_actor_codes GROUP BY code"
        ).fetchall()
        _create(
            con,
            "_aw_country_names",
            _columns(country_name_rows(), ("name_key", "iso3", "valid_from", "valid_to", "note")),
        )
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _aw_name_kinds AS "
            "SELECT DISTINCT name_key FROM _aw_country_names"
        ).fetchall()
        _create(con, "_aw_cameo", _cameo_rows())
        _create(con, "_aw_cameo_names", _cameo_name_rows())
        _create(con, "_aw_plover_labels", _plover_rows())
    except duckdb.Error as e:  # pragma: no cover - only on a broken DuckDB
        raise StoreError(f"cannot load the event code tables: {e}") from e
