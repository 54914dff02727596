"""GDELT event files: 1.0 back-files (57 fields), 1.0 daily files (58), 2.0 exports (61).

Files are tab-separated, unquoted and without a header (METHODS §1.1-1.2), plain or zipped.
Each row becomes one event: ``gdelt:<GLOBALEVENTID>``, the day of ``SQLDATE``, source and
target ISO codes from ``Actor1CountryCode``/``Actor2CountryCode`` (or the actor code's first
block when it is a country), the PLOVER type and mode of ``EventCode``, and GDELT's own
``QuadClass`` and ``GoldsteinScale`` (so QuadClass follows GDELT's convention, METHODS §1.7).
``why`` keeps the raw actor codes, names and country codes, why a code maps to no ISO code,
and the source URL; the other columns (mentions, tone, geography) stay in the file, at
``dataset_row``. The ``why`` is kept small on purpose: it is most of a row's stored bytes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb

from axiswatch.errors import InputError
from axiswatch.importers import _events_sql as q
from axiswatch.importers._events_common import (
    BATCH_ROWS,
    SHOW_REJECTS,
    Check,
    EventMapping,
    ImportSummary,
    Layout,
    ProgressCallback,
)
from axiswatch.importers._events_import import import_event_files

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT2_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
"""The 61 columns of a GDELT 2.0 export, in file order."""

GDELT1_COLUMNS: tuple[str, ...] = tuple(c for c in GDELT2_COLUMNS if not c.endswith("ADM2Code"))
"""The 58 columns of a GDELT 1.0 daily file (no ADM2 codes); back-files lack SOURCEURL."""

_LAYOUTS: dict[int, tuple[str, tuple[str, ...]]] = {
    57: ("gdelt1", GDELT1_COLUMNS[:-1]),
    58: ("gdelt1", GDELT1_COLUMNS),
    61: ("gdelt2", GDELT2_COLUMNS),
}


class GdeltFormat:
    """GDELT 1.0 and 2.0 event files (the layout is told by the number of fields)."""

    kind = "gdelt"

    def layout(self, path: Path, sample: Sequence[str]) -> Layout:
        """57, 58 or 61 fields per line (the most common count in the first lines)."""
        header = bool(sample) and sample[0].split("\t", 1)[0] == "GLOBALEVENTID"
        rows = sample[1:] if header else sample
        counts = Counter(line.count("\t") + 1 for line in (rows or sample) if line)
        width = counts.most_common(1)[0][0] if counts else 0
        if width not in _LAYOUTS:
            raise InputError(
                f"{path}: lines have {width} tab-separated fields; GDELT event files have 57 "
                "(1.0 back-file), 58 (1.0 daily) or 61 (2.0 export): give an events file "
                "(not mentions or GKG) in GDELT's own tab-separated format"
            )
        dataset, names = _LAYOUTS[width]
        return Layout(dataset, width, {n: i for i, n in enumerate(names)}, header)

    def mapping(self, layout: Layout) -> EventMapping:
        """GDELT columns to events columns (METHODS §1.2)."""

        def v(column: str) -> str:
            return q.value(layout, column)

        derived = {
            "id": v("GLOBALEVENTID"),
            "date_raw": v("SQLDATE"),
            "day": q.compact_day("date_raw"),
            "code": v("EventCode"),
            "quad_raw": v("QuadClass"),
            "gold_raw": v("GoldsteinScale"),
            "a1_code": v("Actor1Code"),
            "a1_country": v("Actor1CountryCode"),
            "a2_code": v("Actor2Code"),
            "a2_country": v("Actor2CountryCode"),
            "n_mentions": v("NumMentions"),
            "block1": "coalesce(a1_country, left(a1_code, 3))",
            "block2": "coalesce(a2_country, left(a2_code, 3))",
        }
        joins = (
            "LEFT JOIN _aw_cameo cm ON cm.code = p.code",
            *q.code_joins("x1", "p.block1", "p.day"),
            *q.code_joins("x2", "p.block2", "p.day"),
        )
        checks = (
            Check("p.id IS NULL", "GLOBALEVENTID", "'empty'"),
            Check(
                "p.day IS NULL",
                "SQLDATE",
                f"{q.quoted('p.date_raw')} || ' is not a date (YYYYMMDD)'",
            ),
            Check(
                "cm.code IS NULL",
                "EventCode",
                f"{q.quoted('p.code')} || ' is not a CAMEO event code'",
            ),
            Check(
                "p.quad_raw IS NOT NULL AND p.quad_raw NOT IN ('1', '2', '3', '4')",
                "QuadClass",
                f"{q.quoted('p.quad_raw')} || ' is not 1, 2, 3 or 4'",
            ),
            Check(
                q.not_score("p.gold_raw"),
                "GoldsteinScale",
                f"{q.quoted('p.gold_raw')} || ' is not a number from -10 to 10'",
            ),
        )
        why = {
            "actor1": "p.a1_code",
            "actor1_name": q.value(layout, "Actor1Name", "p"),
            "actor1_country": "p.a1_country",
            "source_note": q.unmapped_note("x1", _explained(1), "p.day", _UNKNOWN),
            "actor2": "p.a2_code",
            "actor2_name": q.value(layout, "Actor2Name", "p"),
            "actor2_country": "p.a2_country",
            "target_note": q.unmapped_note("x2", _explained(2), "p.day", _UNKNOWN),
            "url": q.value(layout, "SOURCEURL", "p"),
        }
        columns = {
            "id": "p.id",
            "day": "p.day",
            "source": "x1.iso3",
            "target": "x2.iso3",
            "event_type": "cm.event_type",
            "mode": "cm.mode",
            "cameo": "p.code",
            "quad_class": "try_cast(p.quad_raw AS INTEGER)",
            "goldstein": q.score("p.gold_raw"),
            "location": q.value(layout, "ActionGeo_FullName", "p"),
            "mentions": "try_cast(p.n_mentions AS INTEGER)",
            "why": "json_object(" + ", ".join(f"{q.lit(k)}, {e}" for k, e in why.items()) + ")",
        }
        return EventMapping(derived, checks, columns, joins)


_UNKNOWN = "unknown CAMEO country code"


def _from_code(n: int) -> str:
    """Whether actor n's block comes from its actor code (no country code given)."""
    return f"p.a{n}_country IS NULL"


def _explained(n: int) -> str:
    """The block whose failure to map is worth a note: a country code, or a state's block.

    A block taken from the actor code (no country code given) that names no state (GOV,
    IGO...) just means the actor is not a state: no note.
    """
    return (
        f"CASE WHEN {_from_code(n)} AND NOT coalesce(x{n}_k.has_state, FALSE) THEN NULL "
        f"ELSE p.block{n} END"
    )


def import_gdelt(
    con: duckdb.DuckDBPyConnection,
    paths: Iterable[str | Path],
    *,
    actors: Iterable[str] | str | None = None,
    batch_rows: int = BATCH_ROWS,
    reject_dir: str | Path | None = None,
    show_rejects: int = SHOW_REJECTS,
    progress: ProgressCallback | None = None,
) -> ImportSummary:
    """Import GDELT 1.0/2.0 event files (plain or .zip); see :func:`import_event_files`."""
    return import_event_files(
        con,
        GdeltFormat(),
        paths,
        actors=actors,
        batch_rows=batch_rows,
        reject_dir=reject_dir,
        show_rejects=show_rejects,
        progress=progress,
    )
