"""POLECAT weekly event files (Dataverse doi:10.7910/DVN/AJGVIT): tab-separated, with a header.

Columns are matched by name, so extra columns (``Headline``) are ignored, and empty fields at
the end of a row or of the header are dropped (METHODS §1.5). Each row becomes
``polecat:<Event ID>`` with the PLOVER type and mode given (``Event Type``, ``Event Mode``;
older labels such as DEMAND are mapped), the QuadClass of ``Quad Code`` (or of the type),
``Event Intensity`` (or ``Intensity``) as the Goldstein value, and ISO codes from ``Actor
Country``/``Recipient Country`` (codes through the CAMEO table, names through the country
table). POLECAT has no CAMEO code: ``cameo`` stays empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb

from axiswatch.importers import _events_sql as q
from axiswatch.importers._events_common import (
    BATCH_ROWS,
    SHOW_REJECTS,
    Check,
    EventMapping,
    ImportSummary,
    Layout,
    ProgressCallback,
    header_layout,
)
from axiswatch.importers._events_import import import_event_files

_ENTITY = (
    "Name",
    "Country",
    "COW",
    "Primary Actor Sector",
    "Sectors",
    "Title",
    "Name Raw",
    "Wikipedia Actor ID",
)
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Event Intensity",
    "Quad Code",
    "Contexts",
    *(f"Actor {c}" for c in _ENTITY),
    *(f"Recipient {c}" for c in _ENTITY),
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
)
"""The 40 columns of a POLECAT weekly file (some files say ``Intensity``), in file order."""

_QUADS = {
    "verbal cooperation": 1,
    "material cooperation": 2,
    "verbal conflict": 3,
    "material conflict": 4,
}
_UNKNOWN_CODE = "unknown country code"
_UNKNOWN_NAME = "country name not in the country table"


class PolecatFormat:
    """POLECAT weekly ``.txt``/``.tsv`` files and the files inside the yearly zips."""

    kind = "polecat"

    def layout(self, path: Path, sample: Sequence[str]) -> Layout:
        """Columns by header name; empty trailing fields allowed."""
        return header_layout(
            path,
            sample[0] if sample else "",
            "polecat",
            ("Event ID", "Event Date", "Event Type"),
            trailing_empty_ok=True,
        )

    def mapping(self, layout: Layout) -> EventMapping:
        """POLECAT columns to events columns."""

        def v(column: str, alias: str = "s") -> str:
            return q.value(layout, column, alias)

        derived: dict[str, str] = {
            "id": v("Event ID"),
            "date_raw": v("Event Date"),
            "day": q.flexible_day("date_raw"),
            "label_raw": v("Event Type"),
            "mode_raw": f"lower({v('Event Mode')})",
            "intensity": q.first_value(layout, ("Event Intensity", "Intensity")),
            "quad_raw": v("Quad Code"),
        }
        for who, column in (("a", "Actor Country"), ("r", "Recipient Country")):
            raw = f"{who}_raw"
            derived[raw] = v(column)
            derived[f"{who}_code"] = (
                f"CASE WHEN regexp_full_match({raw}, '[A-Za-z]{{3}}') THEN upper({raw}) END"
            )
            derived[f"{who}_name"] = (
                f"CASE WHEN {who}_code IS NULL AND NOT contains({raw}, ';') THEN {raw} END"
            )
        joins = (
            "LEFT JOIN _aw_plover_labels pl ON pl.label = upper(p.label_raw)",
            *q.code_joins("xa", "p.a_code", "p.day"),
            *q.name_joins("na", "p.a_name", "p.day"),
            *q.code_joins("xr", "p.r_code", "p.day"),
            *q.name_joins("nr", "p.r_name", "p.day"),
        )
        checks = (
            Check("p.id IS NULL", "Event ID", "'empty'"),
            Check(
                "p.day IS NULL",
                "Event Date",
                f"{q.quoted('p.date_raw')} || ' is not a date (YYYY-MM-DD)'",
            ),
            Check(
                "pl.label IS NULL",
                "Event Type",
                f"{q.quoted('p.label_raw')} || ' is not a PLOVER event type'",
            ),
            Check(
                q.not_score("p.intensity"),
                "Event Intensity",
                f"{q.quoted('p.intensity')} || ' is not a number from -10 to 10'",
            ),
        )
        quad_text = " ".join(f"WHEN {q.lit(k)} THEN {n}" for k, n in _QUADS.items())
        given_quad = (
            "CASE WHEN p.quad_raw IN ('1', '2', '3', '4') THEN p.quad_raw::INTEGER "
            f"ELSE CASE lower(p.quad_raw) {quad_text} END END"
        )
        why = {
            "actor_name": v("Actor Name", "p"),
            "actor_country": "p.a_raw",
            "actor_sectors": v("Actor Sectors", "p"),
            "source_note": _note("a"),
            "recipient_name": v("Recipient Name", "p"),
            "recipient_country": "p.r_raw",
            "recipient_sectors": v("Recipient Sectors", "p"),
            "target_note": _note("r"),
            "contexts": v("Contexts", "p"),
            "quad_code": "p.quad_raw",
            "quad_source": f"CASE WHEN ({given_quad}) IS NULL THEN 'plover_type' "
            "ELSE 'polecat' END",
            "publisher": v("Source", "p"),
            "publication_date": v("Publication Date", "p"),
            "language": v("Language", "p"),
            "version": v("Version", "p"),
        }
        place = ", ".join(v(c, "p") for c in ("City", "Province", "Country"))
        columns = {
            "id": "p.id",
            "day": "p.day",
            "source": "coalesce(xa.iso3, na.iso3)",
            "target": "coalesce(xr.iso3, nr.iso3)",
            "event_type": "pl.event_type",
            "mode": "coalesce(p.mode_raw, pl.mode)",
            "cameo": "NULL::VARCHAR",
            "quad_class": f"coalesce({given_quad}, pl.quad_class)",
            "goldstein": q.score("p.intensity"),
            "location": f"coalesce({v('Placename', 'p')}, nullif(concat_ws(', ', {place}), ''))",
            "why": "json_object(" + ", ".join(f"{q.lit(k)}, {e}" for k, e in why.items()) + ")",
        }
        return EventMapping(derived, checks, columns, joins)


def _note(who: str) -> str:
    """Why actor or recipient country maps to no ISO code."""
    x, n = ("xa", "na") if who == "a" else ("xr", "nr")
    return (
        f"CASE WHEN contains(p.{who}_raw, ';') THEN 'several countries' "
        f"WHEN p.{who}_code IS NOT NULL "
        f"THEN {q.unmapped_note(x, f'p.{who}_code', 'p.day', _UNKNOWN_CODE)} "
        f"ELSE {q.unmapped_note(n, f'p.{who}_name', 'p.day', _UNKNOWN_NAME, by_name=True)} END"
    )


def import_polecat(
    con: duckdb.DuckDBPyConnection,
    paths: Iterable[str | Path],
    *,
    actors: Iterable[str] | str | None = None,
    batch_rows: int = BATCH_ROWS,
    reject_dir: str | Path | None = None,
    show_rejects: int = SHOW_REJECTS,
    progress: ProgressCallback | None = None,
) -> ImportSummary:
    """Import POLECAT event files (plain, .gz or .zip); see :func:`import_event_files`."""
    return import_event_files(
        con,
        PolecatFormat(),
        paths,
        actors=actors,
        batch_rows=batch_rows,
        reject_dir=reject_dir,
        show_rejects=show_rejects,
        progress=progress,
    )
