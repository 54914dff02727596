"""Read and write events in the workspace database."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from types import UnionType
from typing import TYPE_CHECKING, Any, get_args, get_origin, get_type_hints

import duckdb

from axiswatch.errors import InputError, NotFoundError
from axiswatch.model import Event
from axiswatch.store import cursors
from axiswatch.store.cursors import encode_cursor
from axiswatch.store.rows import insert_rows

if TYPE_CHECKING:
    import pandas as pd

_EVENT_FIELDS = [f.name for f in fields(Event) if f.name not in {"doc", "documents", "review"}]
"""Columns of the events table (mentions and imported rows)."""
_READ_FIELDS = [*_EVENT_FIELDS, "documents", "review"]
COUNTS = ("events", "mentions")
"""What a listing or an indicator counts: grouped events, or every coded sentence."""
REVIEW_FILTERS = ("unreviewed", "accepted", "corrected", "rejected", "reviewed", "any")


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by `axiswatch events`, `axiswatch timeline` and the API."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    actors: tuple[str, ...] | None = None
    """Events touching any of these actors."""
    event_type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    epistemic: str | tuple[str, ...] | None = None
    """One epistemic status, or several (events with any of them)."""
    document_id: str | None = None
    limit: int | None = None
    offset: int = 0
    count: str = "events"
    review: str | None = None
    """unreviewed, accepted, corrected, rejected, reviewed (accepted or corrected) or any;
    None keeps every event that is not rejected."""
    min_confidence: float | None = None
    after: str | None = None
    """Keyset cursor: only events after the one this cursor names (see :func:`read_page`)."""


SORT_KEY = (
    "day_start IS NULL",
    "coalesce(day_start, DATE '0001-01-01')",
    "document_id IS NULL",
    "coalesce(document_id, '')",
    "start_char IS NULL",
    "coalesce(start_char, -1)",
    "event_id",
)
"""The listing order (date, nulls last; document; offset; id) as a comparable row."""
ORDER_BY = ", ".join(SORT_KEY)


def decode_cursor(cursor: str) -> list[Any]:
    """The sort key a cursor names; InputError for anything that is not one of ours."""
    values = cursors.decode_cursor(cursor, len(SORT_KEY))
    try:
        values[1] = dt.date.fromisoformat(values[1])
    except (ValueError, TypeError) as e:
        raise InputError(f"after={cursor[:40]!r}: not a cursor from a `next` link") from e
    return values


def day_bounds(date_start: str | None, date_end: str | None) -> tuple[dt.date | None, ...]:
    """First and last day covered by two ISO dates at any precision."""
    from axiswatch.extract.dates import parse_iso

    if not date_start:
        return None, None
    return parse_iso(date_start)[0], parse_iso(date_end or date_start)[1]


def write_events(
    con: duckdb.DuckDBPyConnection,
    events: Sequence[Event],
    *,
    document_id: str | None = None,
    regroup: bool = True,
) -> int:
    """Store events in one transaction; a document's earlier extracted events are replaced.

    With ``regroup`` the events are then rebuilt from the mentions (store.groups); a caller
    writing many documents passes False and regroups once at the end.
    """
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
        insert_rows(con, "events", columns, rows)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    if regroup:
        from axiswatch.store.groups import regroup as rebuild

        rebuild(con)
    return len(rows)


def _where(flt: EventFilter) -> tuple[str, list[object]]:
    clauses, params = [], []
    if flt.actor:
        clauses.append("(source = ? OR target = ?)")
        params += [flt.actor.upper()] * 2
    if flt.actors is not None:
        codes = [a.upper() for a in flt.actors] or [""]
        marks = ", ".join("?" for _ in codes)
        clauses.append(f"(source IN ({marks}) OR target IN ({marks}))")
        params += codes * 2
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
    if isinstance(flt.epistemic, str) and flt.epistemic:
        clauses.append("epistemic = ?")
        params.append(flt.epistemic)
    elif flt.epistemic:
        clauses.append(f"epistemic IN ({', '.join('?' for _ in flt.epistemic)})")
        params += list(flt.epistemic)
    if flt.document_id:
        if flt.count == "events":  # events with a mention in the document
            clauses.append(
                "(document_id = ? OR event_id IN (SELECT m.event_id FROM event_mentions m "
                "JOIN events x ON x.event_id = m.mention_id WHERE x.document_id = ?))"
            )
            params += [flt.document_id] * 2
        else:
            clauses.append("document_id = ?")
            params.append(flt.document_id)
    if flt.min_confidence is not None:
        clauses.append("coalesce(confidence, 1.0) >= ?")
        params.append(flt.min_confidence)
    review = flt.review
    if review is None:
        clauses.append("review <> 'rejected'")
    elif review == "reviewed":
        clauses.append("review IN ('accepted', 'corrected')")
    elif review != "any":
        clauses.append("review = ?")
        params.append(review)
    if flt.after is not None:
        clauses.append(f"({ORDER_BY}) > ({', '.join('?' for _ in SORT_KEY)})")
        params.extend(decode_cursor(flt.after))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _to_event(row: dict) -> Event:
    row = dict(row)
    row["why"] = json.loads(row["why"]) if row.get("why") else {}
    return Event(**{k: row.get(k) for k in _READ_FIELDS})


def check_filter(flt: EventFilter) -> EventFilter:
    """The filter, or InputError naming the bad field."""
    if flt.count not in COUNTS:
        raise InputError(f"count {flt.count!r}: choose events or mentions")
    if flt.review is not None and flt.review not in REVIEW_FILTERS:
        raise InputError(f"review {flt.review!r}: choose one of {', '.join(REVIEW_FILTERS)}")
    if flt.min_confidence is not None and not 0 <= flt.min_confidence <= 1:
        raise InputError(f"min_confidence {flt.min_confidence}: give a number from 0 to 1")
    return flt


def event_view(count: str) -> str:
    """The view a listing reads: one row per event, or one per mention."""
    return "grouped_events" if count == "events" else "reviewed_mentions"


def read_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> list[Event]:
    """Stored events (or mentions, ``flt.count``) matching the filter, in date order."""
    return read_page(con, flt).events


@dataclass(frozen=True)
class Page:
    """One page of a listing: its events, the cursor after the last, whether more follow."""

    events: list[Event]
    cursor: str | None
    more: bool


def _listing(flt: EventFilter, columns: Sequence[str], *, spare: int = 0) -> tuple[str, list]:
    """SQL for the columns and sort key (``_k0``...) of the matching events in listing order;
    ``spare`` rows are read past the limit."""
    where, params = _where(flt)
    keys = ", ".join(f"{k} AS _k{n}" for n, k in enumerate(SORT_KEY))
    sql = (
        f"SELECT {', '.join(columns)}, {keys} FROM {event_view(flt.count)}{where} "
        f"ORDER BY {ORDER_BY}"
    )
    if flt.limit:
        sql += f" LIMIT {int(flt.limit) + spare}"
    if flt.offset:
        sql += f" OFFSET {int(flt.offset)}"
    return sql, params


def read_page(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> Page:
    """Events matching the filter in listing order, with the cursor of the last one (pass it
    as ``after`` for the next page: keyset paging, as fast on page 1,000 as on page 1)."""
    flt = check_filter(flt or EventFilter())
    # one row more than the limit tells whether a next page exists
    sql, params = _listing(flt, _READ_FIELDS, spare=1)
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()
    more = bool(flt.limit) and len(rows) > int(flt.limit or 0)
    rows = rows[: flt.limit] if flt.limit else rows
    width = len(_READ_FIELDS)
    events = [_to_event(dict(zip(names[:width], r[:width], strict=True))) for r in rows]
    return Page(events, encode_cursor(rows[-1][width:]) if rows else None, more)


FRAME_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Event))
"""The columns of :func:`read_frame`: every field of Event, in the dataclass's order."""
_FRAME_SQL = {
    "date_start": "e.day_start AS date_start",
    "date_end": "e.day_end AS date_end",
    "doc": "coalesce(parse_filename(d.path), left(e.document_id, 12)) AS doc",
    "why": "e.why::VARCHAR AS why",
}
"""Frame columns that are not read as stored: typed dates, the document's name, JSON text."""
_DTYPES: dict[type, str] = {
    str: "str",
    int: "Int64",
    float: "float64",
    bool: "boolean",
    dict: "str",
}
"""pandas dtype by the Python type of an Event field (``why``, a dict, stays JSON text)."""


def _base_type(hint: Any) -> type:
    """int for ``int | None``, dict for ``dict[str, Any]``, the type itself otherwise."""
    if isinstance(hint, UnionType):
        hint = next(a for a in get_args(hint) if a is not type(None))
    return get_origin(hint) or hint


def frame_dtypes() -> dict[str, str]:
    """The dtype of every frame column: dates datetime64, integers and flags nullable."""
    hints = get_type_hints(Event)
    dtypes = {c: _DTYPES[_base_type(hints[c])] for c in FRAME_COLUMNS}
    return dtypes | {"date_start": "datetime64[us]", "date_end": "datetime64[us]"}


def read_frame(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> pd.DataFrame:
    """Events (or mentions) matching the filter as a DataFrame, in listing order, built by
    DuckDB in one query (no Event objects).

    One row per event and a column per :data:`FRAME_COLUMNS` (:func:`frame_dtypes`):
    ``date_start`` and ``date_end`` are the first and last day the date can mean (the ISO
    text at its ``precision``: "2019-06" is 2019-06-01..2019-06-30), ``doc`` the document's
    file name (else its id's first 12 characters) and ``why`` JSON text.
    """
    flt = check_filter(flt or EventFilter())
    inner, params = _listing(flt, [*_READ_FIELDS, "day_start", "day_end"])
    columns = ", ".join(_FRAME_SQL.get(c, f"e.{c}") for c in FRAME_COLUMNS)
    order = ", ".join(f"e._k{n}" for n in range(len(SORT_KEY)))
    sql = (
        f"SELECT {columns} FROM ({inner}) e "
        f"LEFT JOIN documents d ON d.document_id = e.document_id ORDER BY {order}"
    )
    frame = con.execute(sql, params).df()
    return frame.astype({c: t for c, t in frame_dtypes().items() if frame[c].dtype != t})


def count_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> int:
    """How many stored events (or mentions) match the filter, limit, offset and cursor aside."""
    flt = replace(check_filter(flt or EventFilter()), after=None)
    where, params = _where(flt)
    row = con.execute(f"SELECT count(*) FROM {event_view(flt.count)}{where}", params).fetchone()
    return int(row[0]) if row else 0


def read_mentions(con: duckdb.DuckDBPyConnection) -> list[Event]:
    """Every extracted mention as the extractor coded it (no review applied), in text order."""
    cur = con.execute(
        f"SELECT {', '.join(_EVENT_FIELDS)} FROM events WHERE origin = 'extracted' "
        "ORDER BY document_id, start_char, event_id"
    )
    names = [d[0] for d in cur.description]
    return [_to_event(dict(zip(names, r, strict=True))) for r in cur.fetchall()]


def read_event(con: duckdb.DuckDBPyConnection, event_id: str) -> Event:
    """One event by its id, or one mention by its id."""
    row = None
    for view in ("grouped_events", "reviewed_mentions"):
        cur = con.execute(
            f"SELECT {', '.join(_READ_FIELDS)} FROM {view} WHERE event_id = ?", [event_id]
        )
        row = cur.fetchone()
        if row is not None:
            break
    if row is None:
        raise NotFoundError(f"no event with id {event_id!r}: see `axiswatch events`")
    return _to_event(dict(zip([d[0] for d in cur.description], row, strict=True)))


def parse_dyad(value: str, *, label: str = "--dyad") -> tuple[str, str]:
    """ "RUS-PRK" -> ("RUS", "PRK"); ``label`` names the value in the error message."""
    parts = [p.strip().upper() for p in value.replace(",", "-").split("-") if p.strip()]
    if len(parts) != 2:
        raise InputError(f"{label} {value!r}: write two actor codes joined by '-', e.g. RUS-PRK")
    return parts[0], parts[1]


def pair_counts(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> list[dict]:
    """Events per unordered pair of distinct actors, aggregated in SQL (one pass): count,
    mentions, mean Goldstein and conflict events; busiest pair first. The events themselves
    are fetched on demand (``read_events`` with the pair as ``dyad``)."""
    flt = check_filter(flt or EventFilter())
    where, params = _where(flt)
    pair = "source IS NOT NULL AND target IS NOT NULL AND source <> target"
    where = f"{where} AND {pair}" if where else f" WHERE {pair}"
    sql = (
        "SELECT least(source, target) AS a, greatest(source, target) AS b, count(*) AS n, "
        "sum(coalesce(mentions, 1))::BIGINT AS mentions, avg(goldstein) AS goldstein_mean, "
        "count(*) FILTER (WHERE quad_class >= 3) AS n_conflict "
        f"FROM {event_view(flt.count)}{where} GROUP BY ALL ORDER BY n DESC, a, b"
    )
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def actor_counts(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    """Every actor of a stored event (not rejected) with its number of events, most first."""
    # two grouped counts summed: several times faster than unnesting a list per event
    return con.execute(
        "WITH e AS (SELECT source, target FROM grouped_events WHERE review <> 'rejected') "
        "SELECT actor, sum(n)::BIGINT AS n FROM ("
        "SELECT source AS actor, count(*) AS n FROM e WHERE source IS NOT NULL GROUP BY 1 "
        "UNION ALL SELECT target, count(*) FROM e "
        "WHERE target IS NOT NULL AND target IS DISTINCT FROM source GROUP BY 1) "
        "GROUP BY actor ORDER BY n DESC, actor"
    ).fetchall()


def actor_partners(con: duckdb.DuckDBPyConnection, actor: str) -> tuple[int, list[tuple[str, int]]]:
    """An actor's events (not rejected) and its counterparts with their numbers of events,
    most first, counted in SQL (the events themselves are not read)."""
    code = actor.upper()
    rows = con.execute(
        "SELECT CASE WHEN source = $1 THEN target ELSE source END AS other, count(*) AS n "
        "FROM grouped_events WHERE (source = $1 OR target = $1) AND review <> 'rejected' "
        "GROUP BY other ORDER BY n DESC, other",
        [code],
    ).fetchall()
    total = sum(n for _, n in rows)
    partners = [(other, n) for other, n in rows if other and other != code]
    return total, partners
