"""Events built from stored mentions and reviews (tables ``event_groups``, ``event_mentions``).

``regroup`` rebuilds both from the extracted mentions in the ``events`` table and the
``reviews`` table, in one transaction, so they are always a function of what is stored.
Imported rows (GDELT, ICEWS, POLECAT) are events of their own and are not copied: the
``grouped_events`` view adds them with their publisher's mention counts.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb

from axiswatch.review.grouping import Group, Mention, group_mentions, mention_key
from axiswatch.review.reviews import apply_changes, verdict
from axiswatch.store.reviews import read_reviews

GROUP_EXTRA = ("documents", "review", "reviewer", "reviewed_at")
"""Columns of ``event_groups`` beyond those of ``events``."""


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [r[0] for r in rows]


def key_of(row: dict[str, Any]) -> str:
    """The review key of one stored mention row."""
    return mention_key(
        row.get("document_id"),
        row.get("start_char"),
        row.get("end_char"),
        row.get("source"),
        row.get("target"),
        row["event_type"],
        row["event_id"],
    )


def _mention(row: dict[str, Any]) -> Mention:
    return Mention(
        event_id=row["event_id"],
        key=key_of(row),
        document_id=row.get("document_id"),
        source=row.get("source"),
        target=row.get("target"),
        event_type=row["event_type"],
        epistemic=row.get("epistemic") or "asserted",
        day_start=row.get("day_start"),
        day_end=row.get("day_end"),
        precision=row.get("precision") or _precision(row.get("date_start")),
        start_char=row.get("start_char"),
        confidence=row.get("confidence"),
    )


def _precision(date: str | None) -> str | None:
    """The precision an ISO date is written at (rows written without one)."""
    return {4: "year", 7: "month", 10: "day"}.get(len(date)) if date else None


def _group_row(group: Group, rows: dict[str, dict[str, Any]], reviews: list) -> dict[str, Any]:
    out = dict(rows[group.first.event_id])
    out["event_id"] = group.group_id
    out["mentions"] = len(group.mentions)
    out["documents"] = len(group.documents)
    out["epistemic"] = group.epistemic
    confidences = [m.confidence for m in group.mentions if m.confidence is not None]
    out["confidence"] = max(confidences) if confidences else None
    found = verdict(reviews, group.keys)
    out = apply_changes(out, found.changes)
    out["review"] = found.status
    out["reviewer"] = found.reviewer
    out["reviewed_at"] = found.reviewed_at
    out["_covered"] = found.covered
    return out


def regroup(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild the events from every extracted mention and every review; returns their number."""
    cur = con.execute("SELECT * FROM events WHERE origin = 'extracted'")
    names = [d[0] for d in cur.description]
    rows = {r[0]: dict(zip(names, r, strict=True)) for r in cur.fetchall()}
    reviews = read_reviews(con)
    merges = [(r.review_id, set(r.mention_keys)) for r in reviews if r.action == "merge"]
    splits = [(r.review_id, set(r.mention_keys)) for r in reviews if r.action == "split"]
    groups = group_mentions((_mention(r) for r in rows.values()), merges=merges, splits=splits)
    group_rows = [_group_row(g, rows, reviews) for g in groups]
    columns = _columns(con, "event_groups")
    members = [
        (m.event_id, g.group_id, m.key, reason, m.key in row["_covered"])
        for g, row in zip(groups, group_rows, strict=True)
        for m, reason in zip(g.mentions, g.reasons, strict=True)
    ]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM event_groups")
        con.execute("DELETE FROM event_mentions")
        if group_rows:
            marks = ", ".join("?" for _ in columns)
            con.executemany(
                f"INSERT INTO event_groups ({', '.join(columns)}) VALUES ({marks})",
                [[_cell(row.get(c)) for c in columns] for row in group_rows],
            )
            con.executemany("INSERT INTO event_mentions VALUES (?, ?, ?, ?, ?)", members)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return len(group_rows)


def _cell(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def mentions_of(con: duckdb.DuckDBPyConnection, event_id: str) -> list[dict[str, Any]]:
    """The mentions of one event: id, document, sentence, offsets, why it joined, reviewed."""
    cur = con.execute(
        "SELECT e.event_id, e.document_id, e.sentence, e.start_char, e.end_char, e.date_start, "
        "e.date_end, e.source, e.target, e.event_type, e.epistemic, m.mention_key, m.reason, "
        "m.reviewed FROM event_mentions m JOIN events e ON e.event_id = m.mention_id "
        "WHERE m.event_id = ? ORDER BY e.day_start NULLS LAST, e.document_id, e.start_char",
        [event_id],
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def group_of(con: duckdb.DuckDBPyConnection, mention_id: str) -> str | None:
    """The event a mention belongs to (None when it is not an extracted mention)."""
    row = con.execute(
        "SELECT event_id FROM event_mentions WHERE mention_id = ?", [mention_id]
    ).fetchone()
    return row[0] if row else None


def now() -> dt.datetime:
    """The current UTC time, naive, as stored."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
