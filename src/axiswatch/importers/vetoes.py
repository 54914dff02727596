"""Import UN Security Council vetoes from the world-politics-datalab CSV.

Layout (``unsc_vetoes_1946_sept2022.csv``): one row per vetoed draft with ``date`` (M/D/YYYY),
``draft``, ``meeting_record``, ``agenda_item``, ``crisis_topic`` and the vetoing members in
``member_veto1..3``. One ``unsc_vetoes`` row is written per vetoing member, with its ISO
alpha-3 code: USSR → SUN, Russia → RUS, UK → GBR; a "China" veto before 1971-11-15 was cast by
the Republic of China (TWN), as for the UN votes (METHODS §3.4).

The per-member dummy columns (``USSR``, ``France``…) are not read: in the 2023 release they
disagree with ``member_veto1..3`` on some rows (e.g. 1966-11-04, S/7575/Rev.1, USSR), so the
member names decide.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from axiswatch.importers._common import (
    PROGRESS_EVERY,
    ImportResult,
    ProgressCallback,
    ReferenceDataError,
    content_version,
    no_progress,
    one_csv,
    open_csv,
    required,
)
from axiswatch.store.reference import replacing_dataset

KIND = "unsc_vetoes"
DATASET = "unsc-vetoes"
PRC_SEAT = dt.date(1971, 11, 15)

_REQUIRED = ("date", "draft", "meeting_record", "agenda_item", "member_veto1")
_MEMBER_COLUMNS = ("member_veto1", "member_veto2", "member_veto3")
_MEMBERS = {
    "USSR": "SUN",
    "SOVIET UNION": "SUN",
    "RUSSIA": "RUS",
    "RUSSIAN FEDERATION": "RUS",
    "USA": "USA",
    "US": "USA",
    "UNITED STATES": "USA",
    "UK": "GBR",
    "UNITED KINGDOM": "GBR",
    "FRANCE": "FRA",
    "CHINA": "CHN",
}


def member_iso3(name: str, day: dt.date) -> str | None:
    """ISO alpha-3 of a permanent member as the veto list names it; None if not a member."""
    iso3 = _MEMBERS.get(" ".join(name.split()).upper())
    if iso3 == "CHN" and day < PRC_SEAT:
        return "TWN"
    return iso3


def import_vetoes(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    *,
    dataset_version: str | None = None,
    progress: ProgressCallback = no_progress,
) -> ImportResult:
    """Import the veto CSV at ``path`` (a file, or a folder holding one ``*.csv``)."""
    file = one_csv(Path(path), "the veto CSV file")
    version = dataset_version or content_version([file])
    total = file.stat().st_size
    drafts = 0
    with (
        replacing_dataset(
            con,
            dataset=DATASET,
            version=version,
            kind=KIND,
            path=str(path),
            tables=("unsc_vetoes",),
        ) as writer,
        open_csv(file) as stream,
    ):
        col = stream.index(_REQUIRED)
        members = [c for c in _MEMBER_COLUMNS if c in col]
        for line, rec in stream.records:
            day = _us_date(file, line, rec[col["date"]])
            vetoed = [rec[col[c]].strip() for c in members if rec[col[c]].strip()]
            if not vetoed:
                raise ReferenceDataError(
                    file, line, "no vetoing member", "fill in member_veto1", field="member_veto1"
                )
            draft = required(file, line, "draft", rec[col["draft"]])
            for name in vetoed:
                iso3 = member_iso3(name, day)
                if iso3 is None:
                    raise ReferenceDataError(
                        file,
                        line,
                        f"{name!r} is not a permanent member of the Security Council",
                        "write USSR, Russia, USA, UK, France or China",
                        field="member_veto",
                    )
                writer.add(
                    "unsc_vetoes",
                    (
                        draft,
                        day,
                        rec[col["meeting_record"]].strip() or None,
                        " ".join(rec[col["agenda_item"]].split()) or None,
                        _optional(rec, col, "crisis_topic"),
                        iso3,
                        name,
                    ),
                )
            drafts += 1
            if drafts % PROGRESS_EVERY == 1:
                progress(stream.bytes_read, total, file.name)
        progress(total, total, file.name)
    return ImportResult(
        dataset=DATASET,
        version=version,
        kind=KIND,
        path=str(path),
        rows=writer.rows,
        tables=dict(writer.counts),
    )


def _us_date(path: Path, line: int, value: str) -> dt.date:
    value = value.strip()
    try:
        month, day, year = (int(part) for part in value.split("/"))
        return dt.date(year, month, day)
    except ValueError as e:
        raise ReferenceDataError(
            path, line, f"date {value!r} is not M/D/YYYY", "fix the date", field="date"
        ) from e


def _optional(rec: list[str], col: dict[str, int], name: str) -> str | None:
    i = col.get(name)
    return (" ".join(rec[i].split()) or None) if i is not None else None
