"""ICEWS event files (Dataverse doi:10.7910/DVN/28075): tab-separated with a 20-column header.

Columns are matched by name (METHODS §1.4). Each row becomes ``icews:<Event ID>`` on the day of
``Event Date`` (ISO, or ``M/D/YYYY`` as in the 2017 file), source and target ISO codes from
the ``Source Country``/``Target Country`` names (pycountry's names plus our own table), the
PLOVER type, mode and QuadClass of ``CAMEO Code`` from the ontology (GDELT's root rule,
METHODS §1.7), and ``Intensity`` (ICEWS's CAMEO-manual Goldstein values) as the Goldstein
value. A release without ``CAMEO Code`` is mapped by ``Event Text`` when it names exactly one
CAMEO code; invalid codes (``13y``) are rejected. An ``Event ID`` seen before (in
this file or stored) is a duplicate and skipped: ICEWS repeats some ids with other dates.
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
from axiswatch.importers._events_reference import name_key_sql

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)
"""The 20 columns of an ICEWS event file, in file order."""

_REQUIRED = ("Event ID", "Event Date", "Source Country", "Target Country")
_UNKNOWN = "country name not in the ICEWS name table"


class IcewsFormat:
    """ICEWS yearly and weekly ``.tab`` event files."""

    kind = "icews"

    def layout(self, path: Path, sample: Sequence[str]) -> Layout:
        """Columns by header name; CAMEO Code or Event Text must be there."""
        return header_layout(
            path, sample[0] if sample else "", "icews", (*_REQUIRED, ("CAMEO Code", "Event Text"))
        )

    def mapping(self, layout: Layout) -> EventMapping:
        """ICEWS columns to events columns."""

        def v(column: str, alias: str = "s") -> str:
            return q.value(layout, column, alias)

        by_code = layout.has("CAMEO Code")
        derived = {
            "id": v("Event ID"),
            "date_raw": v("Event Date"),
            "day": q.flexible_day("date_raw"),
            "code": v("CAMEO Code"),
            "event_text": v("Event Text"),
            "intensity": v("Intensity"),
            "src": v("Source Country"),
            "tgt": v("Target Country"),
        }
        if by_code:
            cameo_joins: tuple[str, ...] = ("LEFT JOIN _aw_cameo cm ON cm.code = p.code",)
            code_check = Check(
                "cm.code IS NULL",
                "CAMEO Code",
                f"{q.quoted('p.code')} || ' is not a CAMEO event code'",
            )
            cameo = "p.code"
        else:
            cameo_joins = (
                f"LEFT JOIN _aw_cameo_names cn ON cn.name_key = {name_key_sql('p.event_text')}",
                "LEFT JOIN _aw_cameo cm ON cm.code = cn.code",
            )
            code_check = Check(
                "cm.code IS NULL",
                "Event Text",
                f"{q.quoted('p.event_text')} || ' names no single CAMEO code (the file has no "
                "CAMEO Code column)'",
            )
            cameo = "cn.code"
        joins = (
            *cameo_joins,
            *q.name_joins("n1", "p.src", "p.day"),
            *q.name_joins("n2", "p.tgt", "p.day"),
        )
        checks = (
            Check("p.id IS NULL", "Event ID", "'empty'"),
            Check(
                "p.day IS NULL",
                "Event Date",
                f"{q.quoted('p.date_raw')} || ' is not a date (YYYY-MM-DD or M/D/YYYY)'",
            ),
            code_check,
            Check(
                q.not_score("p.intensity"),
                "Intensity",
                f"{q.quoted('p.intensity')} || ' is not a number from -10 to 10'",
            ),
        )
        why = {
            "source_name": v("Source Name", "p"),
            "source_sectors": v("Source Sectors", "p"),
            "source_country": "p.src",
            "source_note": q.unmapped_note("n1", "p.src", "p.day", _UNKNOWN, by_name=True),
            "target_name": v("Target Name", "p"),
            "target_sectors": v("Target Sectors", "p"),
            "target_country": "p.tgt",
            "target_note": q.unmapped_note("n2", "p.tgt", "p.day", _UNKNOWN, by_name=True),
            "event_text": "p.event_text",
            "story_id": v("Story ID", "p"),
            "sentence_number": f"try_cast({v('Sentence Number', 'p')} AS INTEGER)",
            "publisher": v("Publisher", "p"),
            "cameo_from": q.lit("CAMEO Code" if by_code else "Event Text"),
        }
        place = ", ".join(v(c, "p") for c in ("City", "Province", "Country"))
        columns = {
            "id": "p.id",
            "day": "p.day",
            "source": "n1.iso3",
            "target": "n2.iso3",
            "event_type": "cm.event_type",
            "mode": "cm.mode",
            "cameo": cameo,
            "quad_class": "cm.quad_class",
            "goldstein": q.score("p.intensity"),
            "location": f"nullif(concat_ws(', ', {place}), '')",
            "why": "json_object(" + ", ".join(f"{q.lit(k)}, {e}" for k, e in why.items()) + ")",
        }
        return EventMapping(derived, checks, columns, joins)


def import_icews(
    con: duckdb.DuckDBPyConnection,
    paths: Iterable[str | Path],
    *,
    actors: Iterable[str] | str | None = None,
    batch_rows: int = BATCH_ROWS,
    reject_dir: str | Path | None = None,
    show_rejects: int = SHOW_REJECTS,
    progress: ProgressCallback | None = None,
) -> ImportSummary:
    """Import ICEWS event files (plain, .gz or .zip); see :func:`import_event_files`."""
    return import_event_files(
        con,
        IcewsFormat(),
        paths,
        actors=actors,
        batch_rows=batch_rows,
        reject_dir=reject_dir,
        show_rejects=show_rejects,
        progress=progress,
    )
