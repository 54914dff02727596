"""Read and write events in the workspace database."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, fields

import duckdb

from axiswatch.errors import InputError, NotFoundError
from axiswatch.model import Event

_EVENT_FIELDS = [f.name for f in fields(Event) if f.name not in {"doc"}]


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by `axiswatch events`, `axiswatch timeline` and the API."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    event_type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    epistemic: str | None = None
    document_id: str | None = None
    limit: int | None = None


def day_bounds(date_start: str | None, date_end: str | None) -> tuple[dt.date | None, ...]:
    """First and last day covered by two ISO dates at any precision."""
    from axiswatch.extract.dates import parse_iso

    if not date_start:
        return None, None
    return parse_iso(date_start)[0], parse_iso(date_end or date_start)[1]


def write_events(
    con: duckdb.DuckDBPyConnection, events: Sequence[Event], *, document_id: str | None = None
) -> int:
    """Store events in one transaction; a document's earlier extracted events are replaced."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    columns = [*_EVENT_FIELDS, "day_start", "day_end", "created_at"]
    rows = []
    for ev in events:
        row = ev.to_dict()
        row["why"] = json.dumps(row["why"], ensure_ascii=False)
        lo, hi = day_bounds(ev.date_start, ev.date_end)
        rows.append([*(row[c] for c in _EVENT_FIELDS), lo, hi, now])
    con.execute("BEGIN TRANSACTION")
    try:
        if document_id is not None:
            con.execute(
                "DELETE FROM events WHERE document_id = ? AND origin = 'extracted'", [document_id]
            )
        if rows:
            marks = ", ".join("?" for _ in columns)
            con.executemany(f"INSERT INTO events ({', '.join(columns)}) VALUES ({marks})", rows)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return len(rows)


def _where(flt: EventFilter) -> tuple[str, list[object]]:
    clauses, params = [], []
    if flt.actor:
        clauses.append("(source = ? OR target = ?)")
        params += [flt.actor.upper()] * 2
    if flt.dyad:
        a, b = (x.upper() for x in flt.dyad)
        clauses.append("((source = ? AND target = ?) OR (source = ? AND target = ?))")
        params += [a, b, b, a]
    if flt.event_type:
        clauses.append("event_type = ?")
        params.append(flt.event_type.upper())
    if flt.since:
        clauses.append("day_end >= ?")
        params.append(flt.since)
    if flt.until:
        clauses.append("day_start <= ?")
        params.append(flt.until)
    if flt.epistemic:
        clauses.append("epistemic = ?")
        params.append(flt.epistemic)
    if flt.document_id:
        clauses.append("document_id = ?")
        params.append(flt.document_id)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _to_event(row: dict) -> Event:
    row = dict(row)
    row["why"] = json.loads(row["why"]) if row.get("why") else {}
    return Event(**{k: row.get(k) for k in _EVENT_FIELDS})


def read_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> list[Event]:
    """Stored events matching the filter, in date order."""
    flt = flt or EventFilter()
    where, params = _where(flt)
    sql = (
        f"SELECT {', '.join(_EVENT_FIELDS)} FROM events{where} "
        "ORDER BY day_start NULLS LAST, document_id, start_char, event_id"
    )
    if flt.limit:
        sql += f" LIMIT {int(flt.limit)}"
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [_to_event(dict(zip(names, r, strict=True))) for r in cur.fetchall()]


def read_event(con: duckdb.DuckDBPyConnection, event_id: str) -> Event:
    """One event by its id."""
    cur = con.execute(
        f"SELECT {', '.join(_EVENT_FIELDS)} FROM events WHERE event_id = ?", [event_id]
    )
    row = cur.fetchone()
    if row is None:
        raise NotFoundError(f"no event with id {event_id!r}: see `axiswatch events`")
    return _to_event(dict(zip([d[0] for d in cur.description], row, strict=True)))


def parse_dyad(value: str) -> tuple[str, str]:
    """ "RUS-PRK" -> ("RUS", "PRK")."""
    parts = [p.strip().upper() for p in value.replace(",", "-").split("-") if p.strip()]
    if len(parts) != 2:
        raise InputError(f"--dyad {value!r}: write two actor codes joined by '-', e.g. RUS-PRK")
    return parts[0], parts[1]
